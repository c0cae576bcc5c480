package dev.cowcollections.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FirstWriteChartTest {
    private static final String COPY_THEN_PUT = "dev.cowcollections.benchmarks.MapCopyBenchmark.copyThenPut_";
    private static final String COPY = "dev.cowcollections.benchmarks.MapCopyBenchmark.copy_";

    private static Ratio ratio(String operation, String baseline, String size, double ours, double theirs) {
        Map<String, String> params = Map.of("size", size);
        return Ratio.of(Measurement.of(operation + "CowMap", params, List.of(new ForkScore(ours, 0))),
                Measurement.of(operation + baseline, params, List.of(new ForkScore(theirs, 0))));
    }

    @Test
    void drawsOneLinePerImplementationOfACopyThenWriteMeasuredAtSeveralSizes() {
        List<Ratio> ratios = List.of(
                ratio(COPY_THEN_PUT, "HashMap", "1000", 100, 10_000),
                ratio(COPY_THEN_PUT, "Vavr", "1000", 100, 300),
                ratio(COPY_THEN_PUT, "HashMap", "1000000", 1_000, 10_000_000),
                ratio(COPY_THEN_PUT, "Vavr", "1000000", 1_000, 600),
                ratio(COPY, "HashMap", "1000", 10, 10_000));
        Map<String, String> charts = FirstWriteChart.renderAll(ratios);
        assertEquals(List.of("CowMap-copyThenPut.svg"), List.copyOf(charts.keySet()), "copy alone is no first write");
        String svg = charts.get("CowMap-copyThenPut.svg");
        assertEquals(3, count(svg, "<polyline"), "CowMap, HashMap and Vavr");
        assertEquals(6, count(svg, "<circle"), "two sizes each");
        assertTrue(svg.contains(">CowMap<") && svg.contains(">HashMap<") && svg.contains(">Vavr<"), svg);
    }

    @Test
    void theSlowerImplementationAtASizeIsDrawnHigher() {
        String svg = FirstWriteChart.renderAll(List.of(
                ratio(COPY_THEN_PUT, "HashMap", "1000", 100, 10_000),
                ratio(COPY_THEN_PUT, "HashMap", "100000", 100, 1_000_000))).get("CowMap-copyThenPut.svg");
        Matcher circles = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"").matcher(svg);
        double[] cy = new double[4];
        for (int i = 0; i < 4; i++) {
            assertTrue(circles.find());
            cy[i] = Double.parseDouble(circles.group(2));
        }
        assertTrue(cy[2] < cy[0] && cy[3] < cy[1], "HashMap's points lie above CowMap's (smaller y)");
        assertTrue(cy[3] < cy[2], "HashMap's copy at 100 000 costs more than at 1 000");
    }

    @Test
    void oneSizeGivesNoChart() {
        assertTrue(FirstWriteChart.renderAll(List.of(ratio(COPY_THEN_PUT, "HashMap", "1000", 100, 10_000))).isEmpty());
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}

package dev.cowcollections.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakEvenTest {
    private static final String LIST_SET = "dev.cowcollections.benchmarks.FirstWriteBreakEvenBenchmark.listSet_";

    /** Three identical rounds: a ratio whose interval is the single point {@code ratio}. */
    private static Ratio ratio(int size, double ratio) {
        List<ForkScore> ours = new ArrayList<>();
        List<ForkScore> theirs = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            ours.add(new ForkScore(100 * ratio, 0));
            theirs.add(new ForkScore(100, 0));
        }
        Map<String, String> params = Map.of("size", String.valueOf(size));
        return Ratio.of(Measurement.of(LIST_SET + "CowList", params, ours), Measurement.of(LIST_SET + "ArrayList", params, theirs));
    }

    private static String breakEvenCell(List<Ratio> ratios) {
        String row = BreakEven.markdown(ratios).lines().filter(l -> l.startsWith("| listSet_CowList")).findFirst().orElseThrow();
        String[] cells = row.split("\\|");
        return cells[cells.length - 1].trim();
    }

    @Test
    void theBreakEvenSizeIsTheSmallestFromWhichEveryLargerSizeIsAtOrUnderOne() {
        assertEquals("64", breakEvenCell(List.of(ratio(256, 0.5), ratio(4, 2), ratio(64, 1.0), ratio(16, 1.5))));
    }

    @Test
    void aLargerSizeAboveOneMovesTheBreakEvenPastIt() {
        assertEquals("above 256", breakEvenCell(List.of(ratio(4, 0.5), ratio(16, 0.9), ratio(64, 0.8), ratio(256, 1.2))));
    }

    @Test
    void itsRowsBelowTheBreakEvenSizeAreLeftOutOfTheFasterCounterpartsSection() {
        Ratio below = ratio(4, 3.0);
        assertTrue(below.slowerWithoutGoal());
        assertTrue(BreakEven.markdown(List.of(below)).contains("4: 3.00"));
        assertTrue(MarkdownReport.slowerRowsWithoutGoal(List.of(below)).isEmpty());
    }

    @Test
    void aRunWithoutTheBreakEvenBenchmarkHasNoTable() {
        assertTrue(BreakEven.markdown(List.of()).isEmpty());
    }
}

package dev.cowcollections.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An SVG chart of what the first write after a copy costs against the collection's size: for a
 * {@code copyThen...} operation measured at several sizes and with no other parameter, one line
 * per implementation (ours, the defensive copy of {@code java.util}, the persistent peers) of
 * the mean time per operation, on logarithmic axes. It shows the shape the ratio tables cannot:
 * a defensive copy grows with the size, a page copy or a path copy hardly does.
 */
final class FirstWriteChart {
    private static final String[] COLOURS = {"#1565c0", "#c62828", "#6a1b9a", "#ef6c00", "#2e7d32"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 80;
    private static final int RIGHT = 170;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private FirstWriteChart() {
    }

    /** The charts the ratios allow, by file name ({@code CowMap-copyThenPut.svg}). */
    static Map<String, String> renderAll(List<Ratio> ratios) {
        Map<String, List<Ratio>> groups = new LinkedHashMap<>();
        for (Ratio r : ratios) {
            Measurement ours = r.ours();
            if (ours.operation().startsWith("copyThen") && ours.params().keySet().equals(Set.of("size"))) {
                groups.computeIfAbsent(ours.implementation() + "-" + ours.operation(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, String> charts = new LinkedHashMap<>();
        groups.forEach((name, rows) -> render(rows).ifPresent(svg -> charts.put(name + ".svg", svg)));
        return charts;
    }

    /** The chart of one operation's rows, when they cover at least two sizes. */
    static Optional<String> render(List<Ratio> rows) {
        Map<String, Map<Long, Double>> series = new LinkedHashMap<>();
        for (Ratio r : rows) {
            for (Measurement m : List.of(r.ours(), r.baseline())) {
                series.computeIfAbsent(m.implementation(), k -> new TreeMap<>())
                        .put(Long.parseLong(m.params().get("size")), m.nanosPerOp());
            }
        }
        long sizes = series.values().stream().flatMap(s -> s.keySet().stream()).distinct().count();
        if (sizes < 2) {
            return Optional.empty();
        }
        double minSize = Double.MAX_VALUE;
        double maxSize = 0;
        double minTime = Double.MAX_VALUE;
        double maxTime = 0;
        for (Map<Long, Double> points : series.values()) {
            for (Map.Entry<Long, Double> p : points.entrySet()) {
                minSize = Math.min(minSize, p.getKey());
                maxSize = Math.max(maxSize, p.getKey());
                minTime = Math.min(minTime, p.getValue());
                maxTime = Math.max(maxTime, p.getValue());
            }
        }
        LogAxis x = LogAxis.spanning(minSize, maxSize, LEFT, WIDTH - LEFT - RIGHT);
        LogAxis y = LogAxis.spanning(minTime, maxTime, HEIGHT - BOTTOM, -(HEIGHT - TOP - BOTTOM));
        Measurement ours = rows.get(0).ours();

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"monospace\" font-size=\"10\">\n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"13\" font-weight=\"bold\">"
                + "%s.%s: copy, then the first write (ns per operation, log-log)</text>\n",
                ours.benchmarkClass().getSimpleName(), ours.operation()));
        for (int d = x.lowDecade; d <= x.highDecade; d++) {
            double at = x.at(Math.pow(10, d));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    at, TOP, at, HEIGHT - BOTTOM, at, HEIGHT - BOTTOM + 14, MarkdownReport.number(Math.pow(10, d))));
        }
        for (int d = y.lowDecade; d <= y.highDecade; d++) {
            double at = y.at(Math.pow(10, d));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    LEFT, at, WIDTH - RIGHT, at, LEFT - 6, at + 3, MarkdownReport.number(Math.pow(10, d))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">size (entries or "
                + "elements)</text>\n", LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 14));
        int legendY = TOP + 10;
        int colour = 0;
        for (Map.Entry<String, Map<Long, Double>> line : series.entrySet()) {
            String stroke = COLOURS[colour++ % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (Map.Entry<Long, Double> p : line.getValue().entrySet()) {
                double px = x.at(p.getKey());
                double py = y.at(p.getValue());
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", px, py, stroke));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/>\n", points.toString().trim(), stroke));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>\n", WIDTH - RIGHT + 12, legendY,
                    WIDTH - RIGHT + 32, legendY, stroke, WIDTH - RIGHT + 38, legendY + 4, line.getKey()));
            legendY += 16;
        }
        svg.append("</svg>\n");
        return Optional.of(svg.toString());
    }

    /** Maps a value to a coordinate on a log scale spanning whole decades; a negative length runs upwards. */
    private record LogAxis(int lowDecade, int highDecade, int origin, int length) {
        /** The whole decades around {@code [min, max]}, at least one. */
        static LogAxis spanning(double min, double max, int origin, int length) {
            int low = (int) Math.floor(Math.log10(min));
            return new LogAxis(low, Math.max(low + 1, (int) Math.ceil(Math.log10(max))), origin, length);
        }

        double at(double value) {
            return origin + (Math.log10(value) - lowDecade) / (highDecade - lowDecade) * length;
        }
    }
}

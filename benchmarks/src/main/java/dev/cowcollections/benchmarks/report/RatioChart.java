package dev.cowcollections.benchmarks.report;

import java.util.List;
import java.util.Locale;

/**
 * An SVG chart of one type's ratios: one bar per benchmark, drawn from 1 on a logarithmic axis,
 * to the left when cow-collections is faster; a black tick marks the goal where there is one.
 * Green meets its goal (or is faster), red misses it, amber is slower with no goal set.
 */
final class RatioChart {
    private static final int WIDTH = 1000;
    private static final int LABEL_WIDTH = 430;
    private static final int VALUE_WIDTH = 120;
    private static final int ROW_HEIGHT = 18;
    private static final int TOP = 50;
    private static final int BOTTOM = 30;

    private RatioChart() {
    }

    static String render(String type, List<Ratio> ratios) {
        double low = 0.5;
        double high = 2;
        for (Ratio r : ratios) {
            low = Math.min(low, r.value());
            high = Math.max(high, r.value());
            if (r.goal().isPresent()) {
                low = Math.min(low, r.goal().get().atMost());
            }
        }
        int lowDecade = (int) Math.floor(Math.log10(low));
        int highDecade = (int) Math.ceil(Math.log10(high));
        int plotLeft = LABEL_WIDTH;
        int plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        int height = TOP + ratios.size() * ROW_HEIGHT + BOTTOM;
        Axis axis = new Axis(lowDecade, highDecade, plotLeft, plotWidth);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"11\">\n", WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s: "
                + "time relative to java.util, same run (log scale; left of 1 is faster)</text>\n", escape(type)));
        for (int decade = lowDecade; decade <= highDecade; decade++) {
            double x = axis.x(Math.pow(10, decade));
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>\n",
                    x, TOP - 10, x, height - BOTTOM, decade == 0 ? "#000" : "#ddd"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    x, TOP - 14, MarkdownReport.number(Math.pow(10, decade))));
        }
        int y = TOP;
        for (Ratio r : ratios) {
            double value = r.value();
            double one = axis.x(1);
            double end = axis.x(value);
            String colour = !r.meetsGoal() ? "#c62828" : value <= 1 || r.goal().isPresent() ? "#2e7d32" : "#f9a825";
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                    LABEL_WIDTH - 8, y + 13, escape(label(r))));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                    Math.min(one, end), y + 3, Math.max(1, Math.abs(end - one)), ROW_HEIGHT - 6, colour));
            double error = r.error();
            if (value - error > 0) {
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\"/>\n",
                        axis.x(value - error), y + ROW_HEIGHT / 2, axis.x(value + error), y + ROW_HEIGHT / 2));
            }
            if (r.goal().isPresent()) {
                double goal = axis.x(r.goal().get().atMost());
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" stroke-width=\"2\"/>\n",
                        goal, y + 1, goal, y + ROW_HEIGHT - 1));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n",
                    plotLeft + plotWidth + 8, y + 13, escape(MarkdownReport.number(value) + "×")));
            y += ROW_HEIGHT;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String label(Ratio r) {
        String params = r.ours().paramsText();
        return r.ours().operation() + (params.isEmpty() ? "" : " (" + params + ")") + " vs "
                + r.baseline().implementation();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Maps a ratio to an x coordinate on a log scale spanning whole decades. */
    private record Axis(int lowDecade, int highDecade, int left, int width) {
        double x(double value) {
            double clamped = Math.max(Math.pow(10, lowDecade), Math.min(Math.pow(10, highDecade), value));
            return left + (Math.log10(clamped) - lowDecade) / (highDecade - lowDecade) * width;
        }
    }
}

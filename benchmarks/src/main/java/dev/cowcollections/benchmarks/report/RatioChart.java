package dev.cowcollections.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An SVG chart of one type's ratios: one bar per row, drawn from 1 on a logarithmic axis, to the
 * left when cow-collections is faster, with the row's 95 % interval as a grey bar (an arrow where
 * it runs past the axis) and a black tick at the goal where there is one. Green meets its goal or
 * is faster with none, red misses it, amber leaves it unresolved or is slower with no goal. A
 * legend says so under the title, and the title names what the rows are compared with.
 */
final class RatioChart {
    private static final int CHAR_WIDTH = 6;
    private static final int VALUE_WIDTH = 80;
    private static final String MET = "#2e7d32";
    private static final String MISSED = "#c62828";
    private static final String UNDECIDED = "#f9a825";
    private static final String[][] SWATCHES = {
        {MET, "goal met (whole interval at or under it), or faster with no goal"},
        {MISSED, "goal missed (whole interval above it)"},
        {UNDECIDED, "goal unresolved (interval straddles it), or slower with no goal"}};
    private static final int LEGEND_WIDTH = legendWidth();
    private static final int ROW_HEIGHT = 18;
    private static final int TOP = 78;
    private static final int BOTTOM = 30;

    private RatioChart() {
    }

    static String render(String type, List<Ratio> ratios) {
        double low = 0.5;
        double high = 2;
        int labelChars = 20;
        for (Ratio r : ratios) {
            low = Math.min(low, r.value());
            high = Math.max(high, r.value());
            if (r.goal().isPresent()) {
                low = Math.min(low, r.goal().get().atMost());
                high = Math.max(high, r.goal().get().atMost());
            }
            labelChars = Math.max(labelChars, label(r).length());
        }
        int lowDecade = (int) Math.floor(Math.log10(low));
        int highDecade = (int) Math.ceil(Math.log10(high));
        int labelWidth = labelChars * CHAR_WIDTH + 16;
        int width = Math.max(labelWidth + 470 + VALUE_WIDTH, LEGEND_WIDTH);
        int plotLeft = labelWidth;
        int plotWidth = width - labelWidth - VALUE_WIDTH;
        int height = TOP + ratios.size() * ROW_HEIGHT + BOTTOM;
        Axis axis = new Axis(lowDecade, highDecade, plotLeft, plotWidth);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"monospace\" "
                        + "font-size=\"10\">\n", width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        String baselines = ratios.stream().map(r -> r.baseline().implementation()).distinct().collect(Collectors.joining(", "));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s: "
                + "time relative to %s, same rounds (log scale; left of 1 is faster)</text>\n", escape(type), escape(baselines)));
        legend(svg, 10, 36);
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
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                    labelWidth - 8, y + 13, escape(label(r))));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                    Math.min(one, end), y + 3, Math.max(1, Math.abs(end - one)), ROW_HEIGHT - 6, colour(r)));
            interval(svg, axis, r, y + ROW_HEIGHT / 2);
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

    private static String colour(Ratio r) {
        if (r.verdict().isPresent()) {
            switch (r.verdict().get()) {
                case MET:
                    return MET;
                case MISSED:
                    return MISSED;
                default:
                    return UNDECIDED;
            }
        }
        return r.value() <= 1 ? MET : UNDECIDED;
    }

    /** The interval as a grey line; an end past the axis is drawn to the axis edge with an arrowhead. */
    private static void interval(StringBuilder svg, Axis axis, Ratio r, int y) {
        double from = axis.x(r.low());
        double to = axis.x(r.high());
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\" stroke-width=\"1.5\"/>\n", from, y, to, y));
        if (axis.clipsLow(r.low())) {
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d l6 -4 v8 z\" fill=\"#555\"/>\n", from, y));
        }
        if (axis.clipsHigh(r.high())) {
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d l-6 -4 v8 z\" fill=\"#555\"/>\n", to, y));
        }
    }

    private static void legend(StringBuilder svg, int x, int y) {
        int at = x;
        for (String[] swatch : SWATCHES) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>\n", at, y - 9, swatch[0], at + 14, y, escape(swatch[1])));
            at += 14 + swatch[1].length() * CHAR_WIDTH + 16;
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-width=\"2\"/>"
                + "<text x=\"%d\" y=\"%d\">goal</text>\n", x + 5, y + 7, x + 5, y + 19, x + 14, y + 17));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" stroke-width=\"1.5\"/>"
                + "<text x=\"%d\" y=\"%d\">95 %% interval over rounds (arrow: runs past the axis)</text>\n",
                x + 60, y + 13, x + 90, y + 13, x + 96, y + 17));
    }

    private static int legendWidth() {
        int width = 20;
        for (String[] swatch : SWATCHES) {
            width += 14 + swatch[1].length() * CHAR_WIDTH + 16;
        }
        return width;
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

        boolean clipsLow(double value) {
            return value < Math.pow(10, lowDecade);
        }

        boolean clipsHigh(double value) {
            return value > Math.pow(10, highDecade);
        }
    }
}

package dev.cowcollections.benchmarks.report;

import dev.cowcollections.benchmarks.FootprintGoal;
import dev.cowcollections.benchmarks.FootprintRow;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The results as Markdown: goals first, then every ratio per type, then memory. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(RunDescription run, List<Ratio> ratios, List<FootprintRow> footprints) {
        StringBuilder md = new StringBuilder();
        md.append("# cow-collections against java.util\n\n");
        md.append("Measured ").append(run.date()).append(" with `").append(run.command()).append("` (")
                .append(run.mode()).append(").\n\n");
        md.append("Machine: ").append(run.machine()).append(".\n\n");
        md.append("Ratio = our time per operation / the java.util time, both from this run: below 1 means "
                + "cow-collections is faster. The ± is JMH's 99.9% error of both scores, combined. "
                + "B/op = bytes allocated per operation (JMH `-prof gc`).\n\n");

        List<Ratio> withGoals = ratios.stream().filter(r -> r.goal().isPresent()).collect(Collectors.toList());
        md.append("## Goals\n\n");
        md.append("| type | operation | parameters | vs | ratio | goal | |\n");
        md.append("| --- | --- | --- | --- | ---: | ---: | --- |\n");
        for (Ratio r : withGoals) {
            md.append("| ").append(r.ours().implementation())
                    .append(" | ").append(r.ours().operation())
                    .append(" | ").append(r.ours().paramsText())
                    .append(" | ").append(r.baseline().implementation())
                    .append(" | ").append(ratioText(r))
                    .append(" | ≤ ").append(number(r.goal().get().atMost()))
                    .append(" | ").append(r.meetsGoal() ? "met" : "**missed**")
                    .append(" |\n");
        }
        for (FootprintRow f : footprints) {
            if (f.goal().isPresent()) {
                md.append("| ").append(f.ours()).append(" | retained bytes per ").append(f.unit())
                        .append(" | n=").append(f.count())
                        .append(" | ").append(f.baseline())
                        .append(" | ").append(goalMeasureText(f, f.goal().get()))
                        .append(" | ").append(goalText(f, f.goal().get()))
                        .append(" | ").append(f.meetsGoal() ? "met" : "**missed**")
                        .append(" |\n");
            }
        }

        String type = null;
        for (Ratio r : ratios) {
            if (!r.ours().implementation().equals(type)) {
                type = r.ours().implementation();
                md.append("\n## ").append(type).append("\n\n");
                md.append("![").append(type).append(" ratios](").append(type).append(".svg)\n\n");
                md.append("| benchmark | operation | parameters | vs | ours ns/op | theirs ns/op | ratio "
                        + "| ours B/op | theirs B/op |\n");
                md.append("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
            }
            md.append("| ").append(r.ours().benchmarkClass().getSimpleName())
                    .append(" | ").append(r.ours().operation())
                    .append(" | ").append(r.ours().paramsText())
                    .append(" | ").append(r.baseline().implementation())
                    .append(" | ").append(number(r.ours().nanosPerOp()))
                    .append(" | ").append(number(r.baseline().nanosPerOp()))
                    .append(" | ").append(ratioText(r))
                    .append(" | ").append(bytes(r.ours().bytesPerOp()))
                    .append(" | ").append(bytes(r.baseline().bytesPerOp()))
                    .append(" |\n");
        }

        if (!footprints.isEmpty()) {
            md.append("\n## Memory (JOL, retained bytes; elements, keys and values excluded, a string's chars included)\n\n");
            md.append("| ours | vs | n | ours bytes/unit | theirs bytes/unit | ratio | goal |\n");
            md.append("| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
            for (FootprintRow f : footprints) {
                md.append("| ").append(f.ours()).append(" per ").append(f.unit())
                        .append(" | ").append(f.baseline())
                        .append(" | ").append(f.count())
                        .append(" | ").append(number(f.oursPerUnit()))
                        .append(" | ").append(number(f.baselinePerUnit()))
                        .append(" | ").append(number(f.ratio()))
                        .append(" | ").append(f.goal()
                                .map(g -> goalText(f, g) + (f.meetsGoal() ? " met" : " **missed**"))
                                .orElse(""))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** The figure a memory goal limits: the ratio, or our bytes per unit for a goal stated in bytes. */
    private static String goalMeasureText(FootprintRow f, FootprintGoal goal) {
        return number(goal.measured(f)) + goalUnit(f, goal);
    }

    private static String goalText(FootprintRow f, FootprintGoal goal) {
        return "≤ " + number(goal.atMost()) + goalUnit(f, goal);
    }

    private static String goalUnit(FootprintRow f, FootprintGoal goal) {
        return goal.onBytesPerUnit() ? " B/" + f.unit() : "";
    }

    static String ratioText(Ratio r) {
        return number(r.value()) + " ± " + number(r.error());
    }

    /** Three significant digits, without exponents for the ranges these tables hold. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 8) + "f", value);
    }

    private static String bytes(double bytesPerOp) {
        return Double.isNaN(bytesPerOp) ? "" : String.format(Locale.ROOT, "%,.0f", bytesPerOp);
    }
}

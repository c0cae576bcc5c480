package dev.cowcollections.benchmarks.report;

import dev.cowcollections.benchmarks.FootprintGoal;
import dev.cowcollections.benchmarks.FootprintRow;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The results as Markdown: how to read them, the goals, the break-even sizes, every ratio per type, then memory. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(RunDescription run, List<Ratio> ratios, List<FootprintRow> footprints) {
        StringBuilder md = new StringBuilder();
        md.append("# cow-collections against java.util\n\n");
        md.append("Measured ").append(run.date()).append(" with `").append(run.command()).append("`.\n\n");
        md.append("Settings: ").append(run.mode()).append(".\n\n");
        md.append("Machine: ").append(run.machine()).append(".\n\n");
        md.append("## How to read it\n\n");
        md.append("Each operation ran in rounds; a round runs one JMH fork of every implementation, seconds apart, "
                + "in alternating order, and gives one ratio (our time per operation / theirs). The ratio shown "
                + "is the geometric mean of the rounds' ratios, and its 95 % interval is exp(m ± t·s/√n) from "
                + "the mean m and standard deviation s of the rounds' log-ratios, n rounds and Student's t "
                + "with n − 1 degrees of freedom. Below 1 means cow-collections is faster.\n\n");
        md.append("A goal is **met** when the whole interval is at or under it, **missed** when the whole "
                + "interval is above it, and unresolved when the interval straddles it; an unresolved goal "
                + "got extra rounds while the run's time allowed. B/op is the mean over forks of the bytes "
                + "allocated per operation (JMH `-prof gc`, `gc.alloc.rate.norm`), which is exact; an "
                + "allocation goal allows our first write after a copy at most the bytes of the defensive "
                + "copy it replaces plus 48.\n\n");
        md.append(verdictCounts(ratios)).append("\n\n");

        List<Ratio> withGoals = ratios.stream()
                .filter(r -> r.goal().isPresent() || r.allocationGoal().isPresent())
                .collect(Collectors.toList());
        md.append("## Goals\n\n");
        md.append("| type | operation | parameters | vs | ratio [95 % interval] | goal | verdict | ours B/op | theirs B/op | bytes verdict |\n");
        md.append("| --- | --- | --- | --- | ---: | ---: | --- | ---: | ---: | --- |\n");
        for (Ratio r : withGoals) {
            md.append(rowStart(r))
                    .append(" | ").append(r.goal().map(g -> "≤ " + number(g.atMost())).orElse(""))
                    .append(" | ").append(r.verdict().map(Verdict::markdown).orElse(""))
                    .append(" | ").append(bytes(r.ours().bytesPerOp()))
                    .append(" | ").append(bytes(r.baseline().bytesPerOp()))
                    .append(" | ").append(r.allocationVerdict()
                            .map(v -> v.markdown() + " (≤ " + bytes(r.allocationLimit()) + ")").orElse(""))
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
                        .append(" | | | |\n");
            }
        }

        md.append(missedRows(ratios));
        md.append(slowerRowsWithoutGoal(ratios));
        md.append(BreakEven.markdown(ratios));

        String type = null;
        for (Ratio r : ratios) {
            if (!r.ours().implementation().equals(type)) {
                type = r.ours().implementation();
                md.append("\n## ").append(type).append("\n\n");
                md.append("![").append(type).append(" ratios](").append(type).append(".svg)\n\n");
                md.append("| benchmark | operation | parameters | vs | ours ns/op | theirs ns/op | ratio [95 % interval] "
                        + "| rounds | ours B/op | theirs B/op |\n");
                md.append("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            }
            md.append("| ").append(r.ours().benchmarkClass().getSimpleName())
                    .append(" | ").append(r.ours().operation())
                    .append(" | ").append(r.ours().paramsText())
                    .append(" | ").append(r.baseline().implementation())
                    .append(" | ").append(number(r.ours().nanosPerOp()))
                    .append(" | ").append(number(r.baseline().nanosPerOp()))
                    .append(" | ").append(intervalText(r))
                    .append(" | ").append(r.rounds())
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

    /** How many time and allocation goals were met, missed and left unresolved. */
    static String verdictCounts(List<Ratio> ratios) {
        Map<Verdict, Long> time = count(ratios.stream().flatMap(r -> r.verdict().stream()));
        Map<Verdict, Long> bytes = count(ratios.stream().flatMap(r -> r.allocationVerdict().stream()));
        return String.format(Locale.ROOT,
                "Time goals: %d met, %d missed, %d unresolved. Allocation goals: %d met, %d missed.",
                time.getOrDefault(Verdict.MET, 0L), time.getOrDefault(Verdict.MISSED, 0L),
                time.getOrDefault(Verdict.UNRESOLVED, 0L), bytes.getOrDefault(Verdict.MET, 0L),
                bytes.getOrDefault(Verdict.MISSED, 0L));
    }

    /**
     * Every missed time goal with its cause, as the benchmark's {@code @MissCause} states it, or
     * marked unexplained: a missed row is either understood or still work to do.
     */
    static String missedRows(List<Ratio> ratios) {
        List<Ratio> missed = ratios.stream().filter(Ratio::missed).collect(Collectors.toList());
        if (missed.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Why the missed rows miss\n\n");
        md.append(causeCounts(ratios)).append(" A cause is written next to its goal in the benchmark's source "
                + "(`@MissCause`), with the evidence that found it.\n\n");
        md.append("| type | operation | parameters | vs | ratio [95 % interval] | goal | cause |\n");
        md.append("| --- | --- | --- | --- | ---: | ---: | --- |\n");
        for (Ratio r : missed) {
            md.append(rowStart(r))
                    .append(" | ≤ ").append(number(r.goal().orElseThrow().atMost()))
                    .append(" | ").append(r.missCause().orElse("**unexplained**"))
                    .append(" |\n");
        }
        return md.toString();
    }

    /**
     * Every information row, one with no goal, whose counterpart is faster beyond doubt, with the
     * cause its benchmark states or marked not yet explained: where a peer beats us, and why.
     */
    static String slowerRowsWithoutGoal(List<Ratio> ratios) {
        List<Ratio> slower = ratios.stream()
                .filter(r -> r.slowerWithoutGoal() && !BreakEven.isBreakEvenRow(r))
                .collect(Collectors.toList());
        if (slower.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Where a counterpart with no goal is faster\n\n");
        md.append("Rows with no goal (peers shown for information) whose whole interval lies above 1, with the cause "
                + "the benchmark states (`@MissCause`). The small sizes of the first write after a copy, where the "
                + "defensive copy is cheaper by design, are left to the break-even table below.\n\n");
        md.append("| type | operation | parameters | vs | ratio [95 % interval] | cause |\n");
        md.append("| --- | --- | --- | --- | ---: | --- |\n");
        for (Ratio r : slower) {
            md.append(rowStart(r)).append(" | ").append(r.missCause().orElse("**not yet explained**")).append(" |\n");
        }
        return md.toString();
    }

    /** How many times each verdict occurs, in the verdicts' order. */
    static Map<Verdict, Long> count(Stream<Verdict> verdicts) {
        return verdicts.collect(Collectors.groupingBy(v -> v, () -> new EnumMap<>(Verdict.class), Collectors.counting()));
    }

    /** The first cells of a row of the goal tables: type, operation, parameters, counterpart, ratio. */
    private static String rowStart(Ratio r) {
        return "| " + r.ours().implementation() + " | " + r.ours().operation() + " | " + r.ours().paramsText()
                + " | " + r.baseline().implementation() + " | " + intervalText(r);
    }

    /** How many missed time goals have a stated cause and how many are unexplained. */
    static String causeCounts(List<Ratio> ratios) {
        long missed = ratios.stream().filter(Ratio::missed).count();
        long explained = ratios.stream().filter(r -> r.missed() && r.missCause().isPresent()).count();
        return String.format(Locale.ROOT, "Missed time goals: %d with a stated cause, %d unexplained.",
                explained, missed - explained);
    }

    /** {@code Class.operation (params) vs Baseline}: a row's name, the same in every run. */
    static String rowName(Ratio r) {
        return r.ours().benchmarkClass().getSimpleName() + "." + r.ours().methodName() + " ("
                + r.ours().paramsText() + ") vs " + r.baseline().implementation();
    }

    /** The ratio and its 95 % interval, as {@code 0.93 [0.88, 0.98]}. */
    static String intervalText(Ratio r) {
        return number(r.value()) + " [" + number(r.low()) + ", " + number(r.high()) + "]";
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

    /** Three significant digits, without exponents for the ranges these tables hold. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return "∞";
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

package dev.cowcollections.benchmarks.report;

import dev.cowcollections.benchmarks.FootprintRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the benchmarks in contests of alternating forks and writes the report: {@code results.md}
 * (verdicts, every ratio with its interval, allocation, memory), one SVG chart per type and JMH's
 * own JSON (one entry per fork); a full run also rewrites the README's summary table.
 *
 * <p>Arguments: {@code [--quick] [--repeat] [--plan] [--out DIR] [-p NAME=V1,V2...]... [REGEX...]}.
 * <ul>
 *   <li>No argument: the full run, every benchmark at the sizes {@link #FULL_PARAMS} keeps, into
 *       {@code benchmarks/results}, the folder the README links to, and the summary into the README.
 *   <li>{@code --quick}: the {@linkplain QuickSet quick set} (or the benchmarks the expressions
 *       select) with shorter forks, into {@code benchmarks/target/quick-results}.
 *   <li>{@code REGEX...}: the benchmarks the expressions select, as JMH's command line takes
 *       them, into {@code benchmarks/target/selected-results}.
 *   <li>{@code --repeat}: runs the selection twice and prints every row whose verdict differs.
 *   <li>{@code -p NAME=V1,V2}: a selection measures only these values of the parameter {@code NAME}
 *       (or {@code SimpleClass.NAME}), as JMH's {@code -p} does; repeatable.
 *   <li>{@code --plan}: prints the contests the selection holds and the forks they need, and runs nothing.
 * </ul>
 */
public final class Report {
    private static final String PACKAGE_PATTERN = "dev\\.cowcollections\\.benchmarks\\.";

    /**
     * The full run's parameter values where a benchmark declares more than the run has time for.
     * The sizes dropped tell the same story as their neighbours: the smallest collections by the
     * break-even sizes, 100 000 by 1 000 000 for lists and trees, and sets, which are maps
     * underneath, at 1 000 only (their iteration at 100 000 only) and without the sequential
     * keys, whose best case the maps already show. Lists and trees use {@code Integer} elements
     * only; strings as keys are measured on the maps. A copy is O(1) at every size, so the set
     * copies skip 100 000 between 1 000 and 1 000 000; the map copies keep it, where the paged
     * map's first write has a goal of its own and its chart of time against size needs a middle
     * point. Iteration hashes nothing, so it skips the sequential keys, whose order in memory the
     * random ones share. The peers run at 100 000, where the lookups' misses of the caches tell
     * the tables apart, and the bulk copies in the polluted regime, where a program converts its
     * maps. Set iteration keeps the string keys,
     * and the break-even sizes skip 16, whose ratios lie between those at 4 and 64 for every write.
     */
    static final Map<String, List<String>> FULL_PARAMS = Map.ofEntries(
            Map.entry("elementType", List.of("Integer")),
            Map.entry("SetReadBenchmark.elementType", List.of("RandomInteger", "UuidString")),
            Map.entry("SetWriteBenchmark.elementType", List.of("RandomInteger", "UuidString")),
            Map.entry("SetIterateBenchmark.elementType", List.of("UuidString")),
            Map.entry("FirstWriteBreakEvenBenchmark.size", List.of("4", "64", "256")),
            Map.entry("SetIterateBenchmark.size", List.of("100000")),
            Map.entry("SetReadBenchmark.size", List.of("1000")),
            Map.entry("SetWriteBenchmark.size", List.of("1000")),
            Map.entry("GetterBenchmark.size", List.of("1000")),
            Map.entry("ListReadBenchmark.size", List.of("1000", "1000000")),
            Map.entry("ListWriteBenchmark.size", List.of("1000", "1000000")),
            Map.entry("ListFirstWriteBenchmark.size", List.of("100000", "10000000")),
            Map.entry("ListBulkReadBenchmark.size", List.of("1000000")),
            Map.entry("MapReadBenchmark.size", List.of("1000", "100000")),
            Map.entry("MapWriteBenchmark.size", List.of("1000", "100000")),
            Map.entry("MapPeersBenchmark.size", List.of("100000")),
            Map.entry("MapChurnBenchmark.size", List.of("100000")),
            Map.entry("MapChurnBenchmark.keyType", List.of("RandomInteger", "UuidString")),
            Map.entry("MapBulkBenchmark.keyType", List.of("RandomInteger", "UuidString")),
            Map.entry("MapBulkBenchmark.regime", List.of("poly")),
            Map.entry("MapCopyBenchmark.size", List.of("1000", "100000", "1000000")),
            Map.entry("MapPagedLayoutBenchmark.size", List.of("1000000")),
            Map.entry("MapPagedLayoutBenchmark.keyType", List.of("RandomInteger", "UuidString")),
            Map.entry("SetCopyBenchmark.size", List.of("1000", "1000000")),
            Map.entry("MapIterateBenchmark.keyType", List.of("RandomInteger", "UuidString")),
            Map.entry("MapEvictBenchmark.size", List.of("1000", "1000000")),
            Map.entry("MapEvictBenchmark.keyType", List.of("Integer")),
            Map.entry("TreeReadBenchmark.size", List.of("1000", "1000000")),
            Map.entry("TreeReadBenchmark.keyType", List.of("Integer")),
            Map.entry("TreeWriteBenchmark.size", List.of("1000", "1000000")),
            Map.entry("TreeWriteBenchmark.keyType", List.of("Integer")),
            Map.entry("length", List.of("1000", "1000000")),
            Map.entry("StringToStringBenchmark.length", List.of("10", "1000")));

    private Report() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        boolean quick = false;
        boolean repeat = false;
        boolean plan = false;
        Path out = null;
        List<String> patterns = new ArrayList<>();
        Map<String, List<String>> chosenParams = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    quick = true;
                    break;
                case "--repeat":
                    repeat = true;
                    break;
                case "--plan":
                    plan = true;
                    break;
                case "--out":
                    out = Path.of(args[++i]);
                    break;
                case "-p":
                    String[] param = i + 1 < args.length ? args[++i].split("=", 2) : new String[0];
                    if (param.length != 2 || param[0].isEmpty() || param[1].isEmpty()) {
                        throw new IllegalArgumentException("-p takes NAME=V1,V2 (for example -p size=1000,100000)");
                    }
                    chosenParams.put(param[0], List.of(param[1].split(",")));
                    break;
                default:
                    patterns.add(args[i]);
            }
        }
        boolean full = !quick && patterns.isEmpty();
        if (out == null) {
            out = full ? Path.of("benchmarks", "results")
                    : Path.of("benchmarks", "target", quick ? "quick-results" : "selected-results");
        }
        Files.createDirectories(out);
        RunSettings settings = quick ? RunSettings.QUICK : RunSettings.FULL;
        List<Contest> contests = selection(quick, patterns, chosenParams);
        if (plan) {
            contests.forEach(c -> System.out.println(c.label() + ": " + c.contenders().size() + " implementations"));
            System.out.printf("%d contests, %d forks planned%n", contests.size(),
                    contests.stream().mapToInt(c -> c.contenders().size() * settings.rounds()).sum());
            return;
        }

        List<AlternatingForks> runs = runAll(contests, settings);
        if (repeat) {
            System.out.println();
            System.out.println("Second run of the same selection:");
            printFlips(ratiosOf(runs), ratiosOf(runAll(contests, settings)));
        }

        List<RunResult> results = runs.stream().flatMap(r -> r.runResults().stream()).collect(Collectors.toList());
        ResultFormatFactory.getInstance(ResultFormatType.JSON, out.resolve("jmh-result.json").toString()).writeOut(results);
        List<Ratio> ratios = ratiosOf(runs);
        List<FootprintRow> footprints = full ? Footprints.measureAll(false) : List.of();
        String command = "benchmarks/run" + (quick ? " --quick" : "") + (repeat ? " --repeat" : "")
                + chosenParams.entrySet().stream().map(p -> " -p " + p.getKey() + "=" + String.join(",", p.getValue()))
                        .collect(Collectors.joining())
                + (patterns.isEmpty() ? "" : " " + String.join(" ", patterns));
        RunDescription run = new RunDescription(LocalDate.now().toString(), command, settings.describe(), Machine.describe());
        Files.writeString(out.resolve("results.md"), MarkdownReport.render(run, ratios, footprints));
        if (full) {
            ReadmeSummary.writeInto(Path.of("README.md"), ratios);
        }
        Map<String, List<Ratio>> byType = new LinkedHashMap<>();
        for (Ratio r : ratios) {
            byType.computeIfAbsent(r.ours().implementation(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Ratio>> type : byType.entrySet()) {
            Files.writeString(out.resolve(type.getKey() + ".svg"), RatioChart.render(type.getKey(), type.getValue()));
        }
        for (Map.Entry<String, String> chart : FirstWriteChart.renderAll(ratios).entrySet()) {
            Files.writeString(out.resolve(chart.getKey()), chart.getValue());
        }
        System.out.println();
        System.out.println(MarkdownReport.verdictCounts(ratios));
        System.out.println(MarkdownReport.causeCounts(ratios));
        System.out.println("Report written to " + out.resolve("results.md"));
    }

    /** The quick set, or what the expressions select, or every contest of the full run. */
    private static List<Contest> selection(boolean quick, List<String> patterns, Map<String, List<String>> chosenParams) {
        if (quick && patterns.isEmpty()) {
            return QuickSet.CONTESTS.stream().map(Contests::named).collect(Collectors.toList());
        }
        List<Contest> selected = Contests.select(patterns.isEmpty() ? List.of(PACKAGE_PATTERN) : patterns,
                patterns.isEmpty() ? FULL_PARAMS : chosenParams);
        // A contest without both sides gives no ratio: the events benchmark compares builds of our own code.
        return selected.stream().filter(Report::hasBothSides).collect(Collectors.toList());
    }

    private static boolean hasBothSides(Contest contest) {
        boolean ours = false;
        boolean theirs = false;
        for (String contender : contest.contenders()) {
            boolean cow = contender.substring(Measurement.operationEnd(contender) + 1).startsWith("Cow");
            ours |= cow;
            theirs |= !cow;
        }
        return ours && theirs;
    }

    /**
     * Runs every contest for its rounds, then, while a goal's interval straddles the goal and the
     * extra time lasts, one more round at a time up to the settings' maximum.
     */
    private static List<AlternatingForks> runAll(List<Contest> contests, RunSettings settings) throws RunnerException {
        int plannedForks = contests.stream().mapToInt(c -> c.contenders().size() * settings.rounds()).sum();
        System.out.printf("%d contests, %d forks planned (%s)%n", contests.size(), plannedForks, settings.describe());
        Progress progress = new Progress(System.out, plannedForks);
        long extraNanosLeft = (long) (settings.extraSeconds() * 1e9);
        List<AlternatingForks> runs = new ArrayList<>();
        for (Contest contest : contests) {
            AlternatingForks run = new AlternatingForks(contest, settings.forkOptions());
            while (run.rounds() < settings.rounds()) {
                run.runRound();
            }
            while (run.rounds() < settings.maxRounds() && extraNanosLeft > 0 && unresolved(run)) {
                long start = System.nanoTime();
                run.runRound();
                extraNanosLeft -= System.nanoTime() - start;
            }
            int planned = contest.contenders().size() * settings.rounds();
            progress.finished(run, planned, contest.contenders().size() * run.rounds(), Ratios.of(run.measurements()));
            runs.add(run);
        }
        return runs;
    }

    private static boolean unresolved(AlternatingForks run) {
        return Ratios.of(run.measurements()).stream()
                .anyMatch(r -> r.verdict().filter(v -> v == Verdict.UNRESOLVED).isPresent());
    }

    private static List<Ratio> ratiosOf(List<AlternatingForks> runs) {
        List<Measurement> measurements = new ArrayList<>();
        for (AlternatingForks run : runs) {
            measurements.addAll(run.measurements());
        }
        return Ratios.of(measurements);
    }

    /** Prints every goal row whose verdict differs between the two runs, and how many flip from met to missed. */
    private static void printFlips(List<Ratio> first, List<Ratio> second) {
        Map<String, Ratio> secondByRow = new LinkedHashMap<>();
        for (Ratio r : second) {
            secondByRow.put(MarkdownReport.rowName(r), r);
        }
        int differ = 0;
        int metMissed = 0;
        int goals = 0;
        for (Ratio a : first) {
            Ratio b = secondByRow.get(MarkdownReport.rowName(a));
            if (b == null) {
                continue;
            }
            for (int kind = 0; kind < 2; kind++) {
                Optional<Verdict> va = kind == 0 ? a.verdict() : a.allocationVerdict();
                Optional<Verdict> vb = kind == 0 ? b.verdict() : b.allocationVerdict();
                if (va.isEmpty()) {
                    continue;
                }
                goals++;
                if (!Objects.equals(va, vb)) {
                    differ++;
                    boolean flip = va.get() != Verdict.UNRESOLVED && vb.get() != Verdict.UNRESOLVED;
                    metMissed += flip ? 1 : 0;
                    System.out.printf("  %s %s: %s %s, then %s %s%s%n", kind == 0 ? "time" : "bytes",
                            MarkdownReport.rowName(a), va.get().name().toLowerCase(), MarkdownReport.intervalText(a),
                            vb.get().name().toLowerCase(), MarkdownReport.intervalText(b), flip ? "  <- MET/MISSED FLIP" : "");
                }
            }
        }
        System.out.printf("%d of %d verdicts differ between the two runs; %d flip between met and missed%n",
                differ, goals, metMissed);
    }
}

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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and writes the report: {@code results.md} (goals, every ratio, memory),
 * one SVG chart per type and JMH's own JSON, under the output folder.
 *
 * <p>Arguments: {@code [--quick] [--out DIR] [REGEX...]}. {@code --quick} runs one fork of short
 * iterations with {@code Integer} elements and keys only, at the smallest and the largest
 * collection size only, 10 and 1 000 000 (the size the copy goals name), and the snapshot
 * workloads at their two ends, a snapshot every write and every 1 000, and measures the memory
 * of maps and sets up to 100 000 entries; the full run uses each benchmark's own settings, with
 * every fork on a {@linkplain #STEADY_HEAP fixed heap whose pages are touched before it measures}.
 * Regular expressions select benchmarks as JMH's command line does; with any, the memory
 * measurements are skipped. Both ways, the implementations of each operation run one after the
 * other at each parameter combination ({@link AdjacentRuns}).
 */
public final class Report {
    private static final String PACKAGE_PATTERN = "dev\\.cowcollections\\.benchmarks\\.";

    /**
     * The full run's heap for every fork, for both sides of each ratio: 1 GiB from the start, every
     * page touched before the first iteration. With the default heap, G1 grows the heap as a
     * benchmark allocates, and on the virtual machines this project is measured on the first
     * touch of a page runs at about 0.6 GB/s (pre-touching 1 GiB takes 1.7 s). A benchmark that
     * allocates per operation, every copy and copy-then-write, then timed page faults for its
     * first seconds: the first write after copying a 1 000-entry {@code CowMap} took 7 to 49 us
     * per operation in its first four iterations and 1.9 us once the heap stopped growing. A
     * long-running JVM has touched its heap; these flags measure that JVM. The quick run keeps the
     * default heap: pre-touching would add 1.7 s to each of its forks.
     */
    private static final String[] STEADY_HEAP = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"};

    /**
     * The quick run's parameters: {@code Integer} elements and keys, and every size at its two
     * ends, since every size is a fork per benchmark; the ends keep the fixed costs and the cache
     * misses.
     */
    private static final Map<String, List<String>> QUICK_PARAMS = Map.of(
            "elementType", List.of("Integer"),
            "keyType", List.of("Integer"),
            "size", List.of("10", "1000000"),
            "length", List.of("10", "1000000"),
            "writesPerSnapshot", List.of("1", "1000"));

    private Report() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        boolean quick = false;
        Path out = Path.of("benchmarks", "results");
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    quick = true;
                    break;
                case "--out":
                    out = Path.of(args[++i]);
                    break;
                default:
                    patterns.add(args[i]);
            }
        }
        Files.createDirectories(out);

        List<String> includes = patterns.isEmpty() ? List.of(PACKAGE_PATTERN) : patterns;
        boolean quickRun = quick;
        Supplier<ChainedOptionsBuilder> options = () -> {
            ChainedOptionsBuilder builder = new OptionsBuilder()
                    .addProfiler(GCProfiler.class)
                    .shouldFailOnError(true);
            if (quickRun) {
                // A fork costs about a second before it measures anything, and an operation on a
                // million entries can outlast an iteration: the fork count and the iteration count,
                // not the iteration time, set the length of the run.
                builder.forks(1)
                        .warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
                        .measurementIterations(3).measurementTime(TimeValue.milliseconds(150));
            } else {
                builder.jvmArgsAppend(STEADY_HEAP);
            }
            return builder;
        };
        List<RunResult> results = AdjacentRuns.run(includes, quick ? QUICK_PARAMS : Map.of(), options);
        ResultFormatFactory.getInstance(ResultFormatType.JSON, out.resolve("jmh-result.json").toString())
                .writeOut(results);

        List<Measurement> measurements = results.stream().map(Report::measurement).collect(Collectors.toList());
        List<Ratio> ratios = Ratios.of(measurements);
        List<FootprintRow> footprints = patterns.isEmpty() ? Footprints.measureAll(quick) : List.of();

        String command = "benchmarks/run" + (quick ? " --quick" : "")
                + (patterns.isEmpty() ? "" : " " + String.join(" ", patterns));
        String mode = quick ? "quick: 1 fork, 1 x 300 ms warm-up, 3 x 150 ms measurement, Integer elements and keys, "
                        + "sizes and lengths 10 and 1000000 only, a snapshot every 1 and every 1000 writes, "
                        + "map and set memory at 10, 1000 and 100000 entries"
                        : "full: each benchmark's own fork, warm-up and measurement settings, "
                                + "each fork on a 1 GiB heap touched before it measures (" + String.join(" ", STEADY_HEAP) + ")";
        RunDescription run = new RunDescription(LocalDate.now().toString(), command,
                mode + "; the implementations of each operation one after the other at each parameter combination",
                Machine.describe());
        Files.writeString(out.resolve("results.md"), MarkdownReport.render(run, ratios, footprints));
        Map<String, List<Ratio>> byType = new LinkedHashMap<>();
        for (Ratio r : ratios) {
            byType.computeIfAbsent(r.ours().implementation(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Ratio>> type : byType.entrySet()) {
            Files.writeString(out.resolve(type.getKey() + ".svg"), RatioChart.render(type.getKey(), type.getValue()));
        }

        System.out.println();
        System.out.println("Goals:");
        for (Ratio r : ratios) {
            if (r.goal().isPresent()) {
                System.out.printf("  %-5s %s.%s (%s) vs %s: %s (goal <= %s)%n", r.meetsGoal() ? "met" : "MISS",
                        r.ours().benchmarkClass().getSimpleName(), r.ours().methodName(), r.ours().paramsText(),
                        r.baseline().implementation(), MarkdownReport.ratioText(r),
                        MarkdownReport.number(r.goal().get().atMost()));
            }
        }
        System.out.println("Report written to " + out.resolve("results.md"));
    }

    private static Measurement measurement(RunResult result) {
        BenchmarkParams params = result.getParams();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : params.getParamsKeys()) {
            values.put(key, params.getParam(key));
        }
        Result<?> primary = result.getPrimaryResult();
        double bytesPerOp = result.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(e -> e.getValue().getScore())
                .findFirst()
                .orElse(Double.NaN);
        double toNanos = nanosPer(primary.getScoreUnit());
        return Measurement.of(params.getBenchmark(), values, primary.getScore() * toNanos,
                primary.getScoreError() * toNanos, bytesPerOp);
    }

    private static double nanosPer(String unit) {
        switch (unit) {
            case "ns/op":
                return 1;
            case "us/op":
                return 1e3;
            case "ms/op":
                return 1e6;
            case "s/op":
                return 1e9;
            default:
                throw new IllegalArgumentException("score unit " + unit + " (expected: a time per operation)");
        }
    }
}

package dev.cowcollections.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks so that the two sides of every ratio run one after the other: one JMH run
 * per operation and parameter combination, holding every implementation of that operation.
 *
 * <p>One JMH run over everything orders its work by method, then by parameters, so
 * {@code put_CowMap} at some size runs minutes before {@code put_HashMap} at the same size. On a
 * shared virtual machine, whose speed drifts over minutes, that drift lands in the ratio. Run
 * adjacent, both sides meet the same machine, and what drift remains shows in the errors.
 */
final class AdjacentRuns {

    private AdjacentRuns() {
    }

    /**
     * Runs the benchmarks that {@code includes} select (regular expressions, as JMH's command line
     * takes them), each parameter taking the values {@code paramOverrides} give it, or else its
     * declared ones. {@code baseOptions} supplies a fresh builder with every other option set.
     */
    static List<RunResult> run(List<String> includes, Map<String, List<String>> paramOverrides,
            Supplier<ChainedOptionsBuilder> baseOptions) throws RunnerException {
        Map<String, List<BenchmarkListEntry>> operations = new LinkedHashMap<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), includes, List.of())) {
            String name = entry.getUsername();
            operations.computeIfAbsent(name.substring(0, Measurement.operationEnd(name)), k -> new ArrayList<>()).add(entry);
        }
        List<RunResult> results = new ArrayList<>();
        for (List<BenchmarkListEntry> contenders : operations.values()) {
            for (Map<String, String> combination : combinations(declaredParams(contenders, paramOverrides))) {
                ChainedOptionsBuilder options = baseOptions.get();
                for (BenchmarkListEntry contender : contenders) {
                    options.include("^" + Pattern.quote(contender.getUsername()) + "$");
                }
                combination.forEach(options::param);
                results.addAll(new Runner(options.build()).run());
            }
        }
        return results;
    }

    /** Every parameter of the contenders with the values it takes, in name order. */
    private static Map<String, List<String>> declaredParams(List<BenchmarkListEntry> contenders,
            Map<String, List<String>> paramOverrides) {
        Map<String, List<String>> params = new TreeMap<>();
        for (BenchmarkListEntry contender : contenders) {
            Map<String, String[]> declared = contender.getParams().orElse(Map.of());
            declared.forEach((name, values) -> params.putIfAbsent(name,
                    paramOverrides.getOrDefault(name, List.of(values))));
        }
        return params;
    }

    /** The cartesian product of the parameter values, the last parameter varying fastest. */
    private static List<Map<String, String>> combinations(Map<String, List<String>> params) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : param.getValue()) {
                    Map<String, String> combination = new LinkedHashMap<>(partial);
                    combination.put(param.getKey(), value);
                    extended.add(combination);
                }
            }
            combinations = extended;
        }
        return combinations;
    }
}

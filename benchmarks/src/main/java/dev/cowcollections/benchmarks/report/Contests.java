package dev.cowcollections.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Finds the contests to run in the benchmark jar's list of benchmarks. */
final class Contests {

    private Contests() {
    }

    /**
     * Every contest of the benchmarks that {@code includes} select (regular expressions, as JMH's
     * command line takes them), at every combination of parameter values. A parameter takes the
     * values {@code overrides} gives for {@code SimpleClass.param}, else for {@code param}, else
     * its declared ones.
     */
    static List<Contest> select(List<String> includes, Map<String, List<String>> overrides) {
        List<Contest> contests = new ArrayList<>();
        for (Map.Entry<String, List<BenchmarkListEntry>> operation : operations(includes).entrySet()) {
            Map<String, List<String>> params = new TreeMap<>();
            String simpleClass = simpleClass(operation.getKey());
            for (BenchmarkListEntry contender : operation.getValue()) {
                contender.getParams().orElse(Map.of()).forEach((name, values) -> params.putIfAbsent(name,
                        overrides.getOrDefault(simpleClass + "." + name, overrides.getOrDefault(name, List.of(values)))));
            }
            for (Map<String, String> combination : combinations(params)) {
                contests.add(new Contest(operation.getKey(), names(operation.getValue()), combination));
            }
        }
        return contests;
    }

    /**
     * The one contest {@code spec} names: {@code SimpleClass.operation name=value ...}; a
     * parameter it does not name takes its first declared value.
     */
    static Contest named(String spec) {
        String[] words = spec.trim().split("\\s+");
        Map<String, List<BenchmarkListEntry>> found = operations(List.of("\\." + words[0].replace(".", "\\.") + "_"));
        if (found.size() != 1) {
            throw new IllegalArgumentException("contest " + spec + ": " + found.size() + " operations match (expected: 1)");
        }
        Map.Entry<String, List<BenchmarkListEntry>> operation = found.entrySet().iterator().next();
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            given.put(words[i].substring(0, equals), words[i].substring(equals + 1));
        }
        Map<String, String> params = new TreeMap<>();
        for (BenchmarkListEntry contender : operation.getValue()) {
            contender.getParams().orElse(Map.of()).forEach((name, values) ->
                    params.putIfAbsent(name, given.getOrDefault(name, values[0])));
        }
        if (!params.keySet().containsAll(given.keySet())) {
            throw new IllegalArgumentException("contest " + spec + " names a parameter its benchmarks lack: " + params.keySet());
        }
        return new Contest(operation.getKey(), names(operation.getValue()), params);
    }

    /** The selected benchmarks grouped by operation, {@code <class>.<operation>}, in the jar's order. */
    private static Map<String, List<BenchmarkListEntry>> operations(List<String> includes) {
        Map<String, List<BenchmarkListEntry>> operations = new LinkedHashMap<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), includes, List.of())) {
            String name = entry.getUsername();
            operations.computeIfAbsent(name.substring(0, Measurement.operationEnd(name)), k -> new ArrayList<>()).add(entry);
        }
        return operations;
    }

    private static List<String> names(List<BenchmarkListEntry> entries) {
        List<String> names = new ArrayList<>();
        for (BenchmarkListEntry entry : entries) {
            names.add(entry.getUsername());
        }
        return names;
    }

    private static String simpleClass(String operation) {
        String type = operation.substring(0, operation.lastIndexOf('.'));
        return type.substring(type.lastIndexOf('.') + 1);
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

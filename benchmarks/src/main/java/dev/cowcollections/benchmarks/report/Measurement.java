package dev.cowcollections.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One benchmark method at one parameter combination, fork by fork: its time per operation and the
 * bytes it allocated per operation in each fork, in the order the forks ran.
 */
record Measurement(
        Class<?> benchmarkClass,
        String operation,
        String implementation,
        Map<String, String> params,
        List<ForkScore> forks) {

    /** Splits a method named {@code <operation>_<Implementation>}. */
    static Measurement of(String benchmark, Map<String, String> params, List<ForkScore> forks) {
        int dot = benchmark.lastIndexOf('.');
        int underscore = operationEnd(benchmark);
        Class<?> benchmarkClass;
        try {
            benchmarkClass = Class.forName(benchmark.substring(0, dot));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("benchmark class of " + benchmark, e);
        }
        return new Measurement(benchmarkClass, benchmark.substring(dot + 1, underscore),
                benchmark.substring(underscore + 1), new TreeMap<>(params), List.copyOf(forks));
    }

    /**
     * Where the operation ends in the fully qualified name of a benchmark method named
     * {@code <operation>_<Implementation>}: the position of its last underscore.
     */
    static int operationEnd(String benchmark) {
        int underscore = benchmark.lastIndexOf('_');
        if (underscore <= benchmark.lastIndexOf('.')) {
            throw new IllegalArgumentException("benchmark " + benchmark + " is not named <operation>_<Implementation>");
        }
        return underscore;
    }

    /** The mean of the forks' times per operation. */
    double nanosPerOp() {
        return forks.stream().mapToDouble(ForkScore::nanosPerOp).average().orElse(Double.NaN);
    }

    /** The mean of the forks' bytes per operation, {@code NaN} when no fork knows it. */
    double bytesPerOp() {
        return forks.stream().mapToDouble(ForkScore::bytesPerOp).filter(b -> !Double.isNaN(b))
                .average().orElse(Double.NaN);
    }

    boolean isOurs() {
        return implementation.startsWith("Cow");
    }

    String methodName() {
        return operation + "_" + implementation;
    }

    /** The parameters as {@code name=value, ...}, in name order. */
    String paramsText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}

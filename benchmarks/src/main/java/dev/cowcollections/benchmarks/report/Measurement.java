package dev.cowcollections.benchmarks.report;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One JMH result: which benchmark method, with which parameters, its time per operation with
 * JMH's error, and the bytes it allocated per operation ({@code -prof gc}), when known.
 */
record Measurement(
        Class<?> benchmarkClass,
        String operation,
        String implementation,
        Map<String, String> params,
        double nanosPerOp,
        double error,
        double bytesPerOp) {

    /** Splits a method named {@code <operation>_<Implementation>}. */
    static Measurement of(String benchmark, Map<String, String> params, double nanosPerOp, double error,
            double bytesPerOp) {
        int dot = benchmark.lastIndexOf('.');
        int underscore = operationEnd(benchmark);
        Class<?> benchmarkClass;
        try {
            benchmarkClass = Class.forName(benchmark.substring(0, dot));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("benchmark class of " + benchmark, e);
        }
        return new Measurement(benchmarkClass, benchmark.substring(dot + 1, underscore), benchmark.substring(underscore + 1),
                new TreeMap<>(params), nanosPerOp, error, bytesPerOp);
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

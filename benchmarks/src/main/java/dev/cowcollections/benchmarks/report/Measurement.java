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
        String method = benchmark.substring(dot + 1);
        int underscore = method.lastIndexOf('_');
        if (underscore < 0) {
            throw new IllegalArgumentException("benchmark " + benchmark + " is not named <operation>_<Implementation>");
        }
        Class<?> benchmarkClass;
        try {
            benchmarkClass = Class.forName(benchmark.substring(0, dot));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("benchmark class of " + benchmark, e);
        }
        return new Measurement(benchmarkClass, method.substring(0, underscore), method.substring(underscore + 1),
                new TreeMap<>(params), nanosPerOp, error, bytesPerOp);
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

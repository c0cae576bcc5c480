package dev.cowcollections.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One operation at one parameter combination, and every implementation of it: the benchmarks
 * whose times the report divides. {@code contenders} are JMH benchmark names, each
 * {@code <class>.<operation>_<Implementation>}.
 */
record Contest(String operation, List<String> contenders, Map<String, String> params) {

    /** {@code SimpleClass.operation name=value, ...}, as the progress lines name a contest. */
    String label() {
        String simple = operation.substring(operation.lastIndexOf('.', operation.lastIndexOf('.') - 1) + 1);
        String values = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return values.isEmpty() ? simple : simple + " " + values;
    }
}

package dev.cowcollections.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pairs each of our measurements with every baseline measured for the same operation and parameters. */
final class Ratios {

    private Ratios() {
    }

    static List<Ratio> of(List<Measurement> measurements) {
        Map<List<Object>, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            groups.computeIfAbsent(List.of(m.benchmarkClass(), m.operation(), m.params()), k -> new ArrayList<>()).add(m);
        }
        List<Ratio> ratios = new ArrayList<>();
        for (List<Measurement> group : groups.values()) {
            for (Measurement ours : group) {
                if (!ours.isOurs()) {
                    continue;
                }
                for (Measurement baseline : group) {
                    if (!baseline.isOurs()) {
                        ratios.add(Ratio.of(ours, baseline));
                    }
                }
            }
        }
        ratios.sort(Comparator.comparing((Ratio r) -> r.ours().implementation())
                .thenComparing(r -> r.ours().benchmarkClass().getSimpleName())
                .thenComparing(r -> r.ours().operation())
                .thenComparing(r -> r.ours().paramsText(), Ratios::compareParams)
                .thenComparing(r -> r.baseline().implementation()));
        return ratios;
    }

    /** Orders parameter texts with numbers by value, so that size=10 comes before size=1000. */
    private static int compareParams(String a, String b) {
        String[] as = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] bs = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(as.length, bs.length); i++) {
            int c = isNumber(as[i]) && isNumber(bs[i])
                    ? Long.compare(Long.parseLong(as[i]), Long.parseLong(bs[i]))
                    : as[i].compareTo(bs[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(as.length, bs.length);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 19;
    }
}

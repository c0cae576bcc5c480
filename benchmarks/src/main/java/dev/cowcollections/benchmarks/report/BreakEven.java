package dev.cowcollections.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The break-even size of each first write after a copy: the smallest size measured from which
 * {@code copy()} plus the write costs no more than the defensive copy plus the write, that is,
 * from which on every measured size's whole interval lies at or under 1.
 */
final class BreakEven {
    private static final String BENCHMARK = "FirstWriteBreakEvenBenchmark";

    private BreakEven() {
    }

    /** The break-even table, or nothing when the run did not measure the break-even benchmark. */
    static String markdown(List<Ratio> ratios) {
        Map<String, List<Ratio>> series = new LinkedHashMap<>();
        for (Ratio r : ratios) {
            if (isBreakEvenRow(r)) {
                series.computeIfAbsent(r.ours().methodName() + " vs " + r.baseline().implementation(), k -> new ArrayList<>()).add(r);
            }
        }
        if (series.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Break-even sizes of the first write after a copy\n\n");
        md.append("Ratio of `copy()` plus the first write to the defensive copy plus the write, per size. The "
                + "break-even size is the smallest measured size from which every interval lies at or under 1.\n\n");
        md.append("| write | ratio [95 % interval] by size | break-even size |\n| --- | --- | ---: |\n");
        for (Map.Entry<String, List<Ratio>> s : series.entrySet()) {
            List<Ratio> bySize = new ArrayList<>(s.getValue());
            bySize.sort(Comparator.comparingLong(BreakEven::size));
            StringBuilder cells = new StringBuilder();
            for (Ratio r : bySize) {
                cells.append(cells.length() == 0 ? "" : "; ").append(size(r)).append(": ").append(MarkdownReport.intervalText(r));
            }
            md.append("| ").append(s.getKey()).append(" | ").append(cells).append(" | ").append(breakEven(bySize)).append(" |\n");
        }
        return md.toString();
    }

    /** Whether {@code r} is a row of the break-even table, which reports it with its neighbours. */
    static boolean isBreakEvenRow(Ratio r) {
        return r.ours().benchmarkClass().getSimpleName().equals(BENCHMARK);
    }

    private static String breakEven(List<Ratio> bySize) {
        Long found = null;
        for (int i = bySize.size() - 1; i >= 0 && bySize.get(i).high() <= 1; i--) {
            found = size(bySize.get(i));
        }
        return found == null ? "above " + size(bySize.get(bySize.size() - 1)) : String.valueOf(found);
    }

    private static long size(Ratio r) {
        return Long.parseLong(r.ours().params().get("size"));
    }
}

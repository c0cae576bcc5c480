package dev.cowcollections.benchmarks;

import java.util.List;
import java.util.Optional;
import org.openjdk.jol.info.GraphStats;

/**
 * One memory measurement: retained bytes per {@code unit} (element, entry, char) of one of our
 * structures and of its {@code java.util} counterpart holding the same {@code count} units, the
 * contents themselves excluded where they are objects of their own, and the goal it must meet,
 * if any.
 */
public record FootprintRow(String ours, String baseline, String unit, int count, double oursPerUnit,
        double baselinePerUnit, Optional<FootprintGoal> goal) {

    public double ratio() {
        return oursPerUnit / baselinePerUnit;
    }

    public boolean meetsGoal() {
        return goal.isEmpty() || goal.get().measured(this) <= goal.get().atMost();
    }

    /** The bytes of the contents alone, every element of {@code contents} and what it reaches. */
    static long contentBytes(Object[] contents) {
        // Given an Object[], parseInstance takes each element as a root: the array itself is not counted.
        return GraphStats.parseInstance(contents).totalSize();
    }

    /** {@link #measure(String, Object, String, Object, long, String, int, Optional)}, each named by its class. */
    static FootprintRow measure(Object ours, Object baseline, long contentBytes, String unit, int count,
            Optional<FootprintGoal> goal) {
        return measure(ours.getClass().getSimpleName(), ours, baseline.getClass().getSimpleName(), baseline,
                contentBytes, unit, count, goal);
    }

    /**
     * Measures {@code ours} and {@code baseline}, each over everything it reaches, minus the
     * {@code contentBytes} of the contents both hold, per unit of {@code count}.
     */
    static FootprintRow measure(String oursName, Object ours, String baselineName, Object baseline,
            long contentBytes, String unit, int count, Optional<FootprintGoal> goal) {
        // GraphStats counts what GraphLayout counts without recording every object's address.
        return new FootprintRow(oursName, baselineName, unit, count,
                (double) (GraphStats.parseInstance(ours).totalSize() - contentBytes) / count,
                (double) (GraphStats.parseInstance(baseline).totalSize() - contentBytes) / count, goal);
    }

    /** Prints {@code rows}, one line each, for the measurement classes' own {@code main}. */
    static void print(List<FootprintRow> rows) {
        for (FootprintRow row : rows) {
            System.out.printf("%-12s vs %-13s n=%,9d: %9.3f vs %9.3f bytes per %s, ratio %.3f%s%n", row.ours(),
                    row.baseline(), row.count(), row.oursPerUnit(), row.baselinePerUnit(), row.unit(), row.ratio(),
                    row.goal().map(g -> " (goal: " + (g.onBytesPerUnit() ? "bytes" : "ratio") + " <= "
                            + g.atMost() + (row.meetsGoal() ? ", met)" : ", MISSED)")).orElse(""));
        }
    }
}

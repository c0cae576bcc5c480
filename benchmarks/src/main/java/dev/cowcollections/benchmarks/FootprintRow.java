package dev.cowcollections.benchmarks;

import java.util.OptionalDouble;
import org.openjdk.jol.info.GraphLayout;

/**
 * One memory measurement: retained bytes per {@code unit} (element, entry) of one of our
 * structures and of its {@code java.util} counterpart holding the same {@code count} units, the
 * contents themselves excluded, and the largest acceptable ratio of ours to theirs, if any.
 */
public record FootprintRow(String ours, String baseline, String unit, int count, double oursPerUnit,
        double baselinePerUnit, OptionalDouble goal) {

    /** The bytes of the contents alone, every element of {@code contents} and what it reaches. */
    static long contentBytes(Object[] contents) {
        // Given an Object[], parseInstance takes each element as a root: the array itself is not counted.
        return GraphLayout.parseInstance(contents).totalSize();
    }

    /**
     * Measures {@code ours} and {@code baseline}, each over everything it reaches, minus the
     * {@code contentBytes} of the contents both hold, per unit of {@code count}.
     */
    static FootprintRow measure(Object ours, Object baseline, long contentBytes, String unit, int count,
            OptionalDouble goal) {
        return new FootprintRow(ours.getClass().getSimpleName(), baseline.getClass().getSimpleName(), unit, count,
                (double) (GraphLayout.parseInstance(ours).totalSize() - contentBytes) / count,
                (double) (GraphLayout.parseInstance(baseline).totalSize() - contentBytes) / count, goal);
    }
}

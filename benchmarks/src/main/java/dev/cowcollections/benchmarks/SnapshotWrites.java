package dev.cowcollections.benchmarks;

/**
 * The writes of a snapshot benchmark to a structure of {@value #SIZE} places (list indices or
 * map keys): where each write goes and what it writes.
 */
final class SnapshotWrites {
    /** The places in the structure written to. */
    static final int SIZE = 100_000;

    private final Object[] values = Elements.of("Integer", SIZE);
    private final Object[] replacements = Elements.of("String", SIZE);
    private int index;
    private long writes;

    /** What the structure holds at each place before the first write. */
    Object[] initialValues() {
        return values;
    }

    /**
     * Moves to the next place, striding through the structure so that writes touch all of it;
     * the prime stride visits every place once per pass of {@code SIZE} writes.
     */
    int nextIndex() {
        index = (index + 7919) % SIZE;
        return index;
    }

    /**
     * What to write at the current place: passes alternate between two sets of objects, so that
     * every write changes the reference held there (a write of the same reference changes
     * nothing, and a cow-collections structure rightly does not copy for it).
     */
    Object nextValue() {
        return ((writes++ / SIZE) & 1) == 0 ? replacements[index] : values[index];
    }
}

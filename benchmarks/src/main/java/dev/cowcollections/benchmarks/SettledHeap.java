package dev.cowcollections.benchmarks;

/**
 * Full collections during the setup of a read benchmark, so that every fork reads the same
 * object layout. A setup calls {@link #settle()} twice: once when the elements exist and before
 * any structure holds them, and once at the end.
 *
 * <p>Where a table's keys lie decides how fast a pass over them runs. Without this, a pass over
 * the 100 000 {@code String} keys of one {@code LinkedHashMap} took 0.23 ms in one fork and
 * 1.4 ms in the next, as a young collection had or had not evacuated the keys during setup or
 * warm-up, and in the order of whichever structure it traced first. G1's full collection slides
 * live objects down in address order, and objects that no young collection has moved lie in the
 * order they were allocated, which is the order a table's keys arrive in
 * ({@link Elements#shuffled}). The first call moves the elements into the old generation in that
 * order before young collections can evacuate them: filling a million-entry map collects the
 * young generation four times, and two parallel collector threads copy in no fixed order. The
 * second call moves the structures into the old generation too; their own order is whatever
 * the young collections left, as it would be in a program. The read benchmarks allocate nothing
 * while they measure, so no later collection moves anything again.
 */
final class SettledHeap {

    private SettledHeap() {
    }

    static void settle() {
        System.gc();
    }
}

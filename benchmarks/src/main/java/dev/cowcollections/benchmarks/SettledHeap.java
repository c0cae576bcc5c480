package dev.cowcollections.benchmarks;

/**
 * Ends the setup of a read benchmark with a full collection, so that every fork reads the same
 * object layout.
 *
 * <p>Where a table's keys lie decides how fast a pass over them runs. Without this, a pass over
 * the 100 000 {@code String} keys of one {@code LinkedHashMap} took 0.23 ms in one fork and
 * 1.4 ms in the next, as a young collection had or had not evacuated the keys during setup or
 * warm-up, and in the order of whichever structure it traced first. G1's full collection slides
 * live objects down in the order they were allocated, which is the order a table's keys arrived
 * in ({@link Elements#shuffled}); after it, three forks of that pass agreed within 3 %. The read
 * benchmarks allocate nothing while they measure, so no later collection moves the keys again.
 */
final class SettledHeap {

    private SettledHeap() {
    }

    static void settle() {
        System.gc();
    }
}

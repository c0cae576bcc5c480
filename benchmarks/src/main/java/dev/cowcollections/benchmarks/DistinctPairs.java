package dev.cowcollections.benchmarks;

/**
 * A set of pairs of {@code long}s of a capacity fixed in advance, in flat arrays: what
 * {@link Keys} needs to keep the first of every value its generator draws.
 *
 * <p>A {@code HashSet} of boxed keys did the same job, and its growing live set (two million
 * entries for a 1 000 000-key table and its misses) was copied by every young collection: the
 * draw took 1.5 s (random {@code Integer}s) and 2.1 s (UUIDs) of the setup of every fork at
 * that size. These arrays are allocated once and hold no references.
 */
final class DistinctPairs {
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    private final long[] firsts;
    private final long[] seconds;
    private final boolean[] used;
    private final int shift;

    /** A set for at most {@code capacity} pairs, which fill at most half its slots. */
    DistinctPairs(int capacity) {
        int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        firsts = new long[slots];
        seconds = new long[slots];
        used = new boolean[slots];
        shift = Long.numberOfLeadingZeros(slots - 1L);
    }

    /** Adds the pair and says whether it was new. */
    boolean add(long first, long second) {
        int mask = used.length - 1;
        int slot = (int) (((first ^ Long.rotateLeft(second, 32)) * SPREAD) >>> shift);
        while (used[slot]) {
            if (firsts[slot] == first && seconds[slot] == second) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        firsts[slot] = first;
        seconds[slot] = second;
        return true;
    }
}

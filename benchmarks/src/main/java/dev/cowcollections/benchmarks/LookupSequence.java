package dev.cowcollections.benchmarks;

import java.util.Arrays;
import java.util.Collections;
import java.util.Random;

/**
 * Lookups of a table's keys (or of keys known to be absent) in a random order that is the same
 * for every run, read a batch of {@value #BATCH} at a time, each batch where the previous one
 * stopped: a large table is read all over, missing the caches as a real workload would, rather
 * than in one warm corner, and a small one is read in batches that differ, so that no benchmark
 * repeats a pattern of branches short enough for the branch predictor to learn.
 */
final class LookupSequence {
    /** The lookups per benchmark operation. */
    static final int BATCH = 1024;

    /**
     * The fewest batches a sequence holds. A sequence of one batch, read again by every operation,
     * let the branch predictor learn its 1 024 lookups: misses in a 1 000-entry {@code CowMap}
     * read 0.676 × {@code HashMap} with random {@code Integer}s, and 1.65 with 64 batches
     * (scratch selections, 2026-12-07).
     */
    static final int MIN_BATCHES = 64;

    private final Object[] keys;
    private int next;

    /**
     * Each of {@code elements} about as often as any other (their counts differ by at most one):
     * one shuffled pass over all of them, or, for fewer than {@value #MIN_BATCHES} batches, enough
     * passes to fill that many, shuffled together; the length is rounded up to whole batches.
     */
    LookupSequence(Object[] elements) {
        int batches = Math.max((elements.length + BATCH - 1) / BATCH, MIN_BATCHES);
        keys = new Object[batches * BATCH];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = elements[i % elements.length];
        }
        Collections.shuffle(Arrays.asList(keys), new Random(-keys.length));
    }

    /** The whole sequence; read it from {@link #nextBatch()} on, {@value #BATCH} keys. */
    Object[] keys() {
        return keys;
    }

    /** Where the next batch starts. */
    int nextBatch() {
        int start = next;
        next = (start + BATCH) % keys.length;
        return start;
    }
}

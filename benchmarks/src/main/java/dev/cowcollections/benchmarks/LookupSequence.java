package dev.cowcollections.benchmarks;

import java.util.Arrays;
import java.util.Collections;
import java.util.Random;

/**
 * Lookups of a table's keys (or of keys known to be absent) in a random order that is the same
 * for every run, read a batch of {@value #BATCH} at a time, each batch where the previous one
 * stopped: a large table is read all over, missing the caches as a real workload would, rather
 * than in one warm corner.
 */
final class LookupSequence {
    /** The lookups per benchmark operation. */
    static final int BATCH = 1024;

    private final Object[] keys;
    private int next;

    /**
     * Each of {@code elements} about as often as any other: one shuffled pass over all of them,
     * or, for fewer than {@value #BATCH}, enough passes to fill a batch, shuffled together; the
     * length is rounded up to whole batches.
     */
    LookupSequence(Object[] elements) {
        int batches = (Math.max(elements.length, BATCH) + BATCH - 1) / BATCH;
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

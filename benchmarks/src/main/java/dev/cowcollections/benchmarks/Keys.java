package dev.cowcollections.benchmarks;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToLongFunction;

/**
 * The keys of the map and set benchmarks, of one of three kinds, each the same in every run:
 * {@value #SEQUENTIAL} ({@code 0 … n-1} in a random order, the best case of every hash table),
 * {@value #RANDOM} (distinct values of {@code new Random(seed).nextInt()}) and {@value #UUID}
 * (distinct random UUIDs in their 36-char text form), the last two as a program's keys are.
 *
 * <p>{@link #present()} holds the keys a table is filled with, allocated in the order they
 * arrive, as a program allocates keys as it makes them; {@link #absent()} holds as many keys of
 * the same kind known to be in no table filled with them.
 */
final class Keys {
    static final String SEQUENTIAL = "Integer";
    static final String RANDOM = "RandomInteger";
    static final String UUID = "UuidString";

    private final Object[] present;
    private final Object[] absent;

    private Keys(Object[] present, Object[] absent) {
        this.present = present;
        this.absent = absent;
    }

    /** {@code count} keys of {@code kind} to fill a table with, and {@code count} absent ones. */
    static Keys of(String kind, int count) {
        switch (kind) {
            case SEQUENTIAL:
                return new Keys(Elements.shuffled("Integer", count), Elements.absent("Integer", count));
            case RANDOM:
                return drawn(count, Random::nextInt, random -> 0, (value, unused) -> (int) value);
            case UUID:
                return drawn(count, Random::nextLong, Random::nextLong,
                        (mostSignificant, leastSignificant) -> new java.util.UUID(mostSignificant, leastSignificant).toString());
            default:
                throw new IllegalArgumentException("key kind: " + kind
                        + " (expected: " + SEQUENTIAL + ", " + RANDOM + " or " + UUID + ")");
        }
    }

    /** The keys to fill a table with, in arrival order. */
    Object[] present() {
        return present;
    }

    /** Keys equal to none of {@link #present()}. */
    Object[] absent() {
        return absent;
    }

    /** A key as two {@code long}s drawn one after the other, which a distinct pair of them stands for. */
    private interface KeyOfPair {
        Object key(long first, long second);
    }

    /**
     * The keys of the first {@code 2 * count} distinct pairs {@code first, second} one seeded
     * generator gives, in the order drawn: the first half present, the rest absent.
     */
    private static Keys drawn(int count, ToLongFunction<Random> first, ToLongFunction<Random> second, KeyOfPair key) {
        Random random = new Random(count);
        DistinctPairs seen = new DistinctPairs(2 * count);
        Object[] keys = new Object[2 * count];
        int drawn = 0;
        while (drawn < keys.length) {
            long firstOfPair = first.applyAsLong(random);
            long secondOfPair = second.applyAsLong(random);
            if (seen.add(firstOfPair, secondOfPair)) {
                keys[drawn++] = key.key(firstOfPair, secondOfPair);
            }
        }
        return new Keys(Arrays.copyOf(keys, count), Arrays.copyOfRange(keys, count, keys.length));
    }
}

package dev.cowcollections.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

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
                return drawn(count, random -> random.nextInt());
            case UUID:
                return drawn(count, random -> new java.util.UUID(random.nextLong(), random.nextLong()).toString());
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

    /** {@code 2 * count} distinct keys from one seeded generator: the first half present, the rest absent. */
    private static Keys drawn(int count, Function<Random, Object> next) {
        Random random = new Random(count);
        Set<Object> seen = new HashSet<>();
        List<Object> keys = new ArrayList<>(2 * count);
        while (keys.size() < 2 * count) {
            Object key = next.apply(random);
            if (seen.add(key)) {
                keys.add(key);
            }
        }
        seen.clear();
        return new Keys(keys.subList(0, count).toArray(), keys.subList(count, 2 * count).toArray());
    }
}

package dev.cowcollections.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {

    /** The draw as a {@code HashSet} of the keys themselves makes it: the first distinct keys, in order. */
    private static List<Object> firstDistinct(int count, Function<Random, Object> next) {
        Random random = new Random(count);
        Set<Object> seen = new HashSet<>();
        List<Object> keys = new ArrayList<>();
        while (keys.size() < 2 * count) {
            Object key = next.apply(random);
            if (seen.add(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static void assertDrawn(List<Object> expected, Keys keys) {
        int count = expected.size() / 2;
        assertArrayEquals(expected.subList(0, count).toArray(), keys.present());
        assertArrayEquals(expected.subList(count, 2 * count).toArray(), keys.absent());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 1000, 100_000})
    void randomIntegersAreTheGeneratorsFirstDistinctValuesSplitInHalves(int count) {
        assertDrawn(firstDistinct(count, Random::nextInt), Keys.of(Keys.RANDOM, count));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 1000, 100_000})
    void uuidStringsAreTheGeneratorsFirstDistinctUuidsSplitInHalves(int count) {
        assertDrawn(firstDistinct(count, random -> new UUID(random.nextLong(), random.nextLong()).toString()),
                Keys.of(Keys.UUID, count));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000})
    void sequentialKeysAreAPermutationOfTheirRangeAndTheNextRangeIsAbsent(int count) {
        Keys keys = Keys.of(Keys.SEQUENTIAL, count);
        Object[] present = keys.present().clone();
        Arrays.sort(present);
        for (int i = 0; i < count; i++) {
            assertEquals(i, present[i]);
            assertEquals(count + i, keys.absent()[i]);
        }
    }

    @Test
    void pairsThatDifferInEitherHalfAreDistinctUpToCapacityAndARepeatIsNot() {
        long[][] distinct = {{7, 0}, {0, 7}, {7, 7}, {-1, 0}};
        DistinctPairs pairs = new DistinctPairs(distinct.length);
        for (long[] pair : distinct) {
            assertTrue(pairs.add(pair[0], pair[1]));
        }
        for (long[] pair : distinct) {
            assertFalse(pairs.add(pair[0], pair[1]));
        }
    }
}

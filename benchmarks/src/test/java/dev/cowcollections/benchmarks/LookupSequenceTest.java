package dev.cowcollections.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LookupSequenceTest {

    private static Object[] elements(int count) {
        return IntStream.range(0, count).boxed().toArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 1000, 1024, 1025, 100_000})
    void holdsWholeBatchesAndEveryElementAsOftenAsAnyOther(int count) {
        Object[] keys = new LookupSequence(elements(count)).keys();

        int batches = Math.max((count + LookupSequence.BATCH - 1) / LookupSequence.BATCH,
                LookupSequence.MIN_BATCHES);
        assertEquals(batches * LookupSequence.BATCH, keys.length);
        Map<Object, Integer> counts = new HashMap<>();
        for (Object key : keys) {
            counts.merge(key, 1, Integer::sum);
        }
        assertEquals(count, counts.size());
        int fewest = keys.length / count;
        for (int times : counts.values()) {
            assertTrue(times == fewest || times == fewest + 1, () -> times + " times, expected " + fewest);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1000})
    void smallTablesAreReadInBatchesThatDiffer(int count) {
        LookupSequence sequence = new LookupSequence(elements(count));
        Object[] keys = sequence.keys();

        Set<List<Object>> seen = new HashSet<>();
        for (int b = 0; b < LookupSequence.MIN_BATCHES; b++) {
            int from = sequence.nextBatch();
            assertEquals(b * LookupSequence.BATCH, from);
            assertTrue(seen.add(Arrays.asList(Arrays.copyOfRange(keys, from, from + LookupSequence.BATCH))),
                    "batch " + b + " repeats an earlier one");
        }
        assertEquals(0, sequence.nextBatch(), "the sequence starts over after its last batch");
    }
}

package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** toCowList, toCowSet and toCowMap against the java.util collectors, sequential and parallel. */
class CowCollectorsTest {

    /** Enough for the common pool to split the stream into many chunks on any machine. */
    private static final int PARALLEL_SIZE = 100_000;

    private static Stream<Integer> numbers(boolean parallel) {
        Stream<Integer> s = IntStream.range(0, PARALLEL_SIZE).boxed();
        return parallel ? s.parallel() : s;
    }

    // toCowList

    @Test
    void toCowListKeepsEncounterOrderInParallel() {
        List<Integer> expected = numbers(false).map(i -> i * 7 % 1000).collect(Collectors.toList());
        CowList<Integer> actual = numbers(true).map(i -> i * 7 % 1000).collect(CowList.toCowList());
        assertEquals(expected, actual);
        assertEquals(actual, expected);
    }

    @Test
    void toCowListOfAFilteredParallelStreamWithMostlyEmptyChunks() {
        List<Integer> expected = numbers(true).filter(i -> i % 9973 == 0).collect(Collectors.toList());
        CowList<Integer> actual = numbers(true).filter(i -> i % 9973 == 0).collect(CowList.toCowList());
        assertEquals(expected, actual);
        actual.add(-1);
        assertEquals(expected.size() + 1, actual.size());
    }

    @Test
    void toCowListAllowsNullsAndReturnsAnUnsharedList() {
        CowList<String> list = Stream.of("a", null, "b").collect(CowList.toCowList());
        assertEquals(Arrays.asList("a", null, "b"), list);
        assertFalse(list.isShared());
        assertEquals(new CowList<>(), Stream.empty().collect(CowList.toCowList()));
    }

    // toCowSet

    @Test
    void toCowSetKeepsTheFirstOccurrenceInEncounterOrderInParallel() {
        Function<Integer, Integer> collide = i -> (i * 31) % 5003;
        LinkedHashSet<Integer> expected = numbers(false).map(collide)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        CowSet<Integer> actual = numbers(true).map(collide).collect(CowSet.toCowSet());
        assertEquals(expected, actual);
        assertEquals(new ArrayList<>(expected), new ArrayList<>(actual));
        assertFalse(CowSet.toCowSet().characteristics().contains(Collector.Characteristics.UNORDERED));
    }

    @Test
    void toCowSetAllowsTheNullElement() {
        CowSet<String> set = Stream.of("a", null, "a", null).collect(CowSet.toCowSet());
        assertEquals(Arrays.asList("a", null), new ArrayList<>(set));
    }

    // toCowMap

    @Test
    void toCowMapMatchesToMapInParallel() {
        Map<Integer, String> expected = numbers(true)
                .collect(Collectors.toMap(i -> i * 3, String::valueOf, (a, b) -> a, LinkedHashMap::new));
        CowMap<Integer, String> actual = numbers(true).collect(CowMap.toCowMap(i -> i * 3, String::valueOf));
        assertEquals(expected, actual);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
    }

    @Test
    void toCowMapWithMergeMatchesToMapInParallel() {
        Function<Integer, Integer> key = i -> i % 1009;
        Map<Integer, Long> expected = numbers(true)
                .collect(Collectors.toMap(key, Integer::longValue, Long::sum, LinkedHashMap::new));
        CowMap<Integer, Long> actual = numbers(true).collect(CowMap.toCowMap(key, Integer::longValue, Long::sum));
        assertEquals(expected, actual);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
    }

    @Test
    void theMergeFunctionSeesTheEarlierValueFirstInParallel() {
        Function<Integer, Integer> key = i -> i % 7;
        // Concatenation is not commutative, so an order mix-up in the combiner shows.
        BinaryOperator<String> concat = (earlier, later) -> earlier + "," + later;
        Map<Integer, String> expected = numbers(false).limit(2000)
                .collect(Collectors.toMap(key, String::valueOf, concat, LinkedHashMap::new));
        CowMap<Integer, String> actual = numbers(true).limit(2000)
                .collect(CowMap.toCowMap(key, String::valueOf, concat));
        assertEquals(expected, actual);
    }

    @Test
    void aDuplicateKeyThrowsAsCollectorsToMapDoes() {
        List<String> words = List.of("apple", "avocado", "banana");
        IllegalStateException theirs = assertThrows(IllegalStateException.class,
                () -> words.stream().collect(Collectors.toMap(w -> w.charAt(0), String::length)));
        IllegalStateException ours = assertThrows(IllegalStateException.class,
                () -> words.stream().collect(CowMap.toCowMap(w -> w.charAt(0), String::length)));
        assertEquals(theirs.getMessage(), ours.getMessage());
        assertEquals("Duplicate key a (attempted merging values 5 and 7)", ours.getMessage());
    }

    @Test
    void aDuplicateKeyAcrossParallelChunksThrowsWithBothValues() {
        IllegalStateException theirs = assertThrows(IllegalStateException.class,
                () -> numbers(true).collect(Collectors.toMap(i -> i == PARALLEL_SIZE - 1 ? 0 : i, i -> i)));
        IllegalStateException ours = assertThrows(IllegalStateException.class,
                () -> numbers(true).collect(CowMap.toCowMap(i -> i == PARALLEL_SIZE - 1 ? 0 : i, i -> i)));
        assertEquals(thrownInWorker(theirs).getMessage(), thrownInWorker(ours).getMessage());
        assertEquals("Duplicate key 0 (attempted merging values 0 and 99999)", thrownInWorker(ours).getMessage());
    }

    /**
     * The exception as the collector threw it: a parallel stream that fails in a worker thread
     * rethrows a new exception of the same type whose cause is the original.
     */
    private static Throwable thrownInWorker(Throwable rethrown) {
        Throwable t = rethrown;
        while (t.getCause() != null && t.getCause().getClass() == t.getClass()) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void aDuplicateKeyWhoseFirstValueIsNullIsStillADuplicate() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Stream.of("a", "b", "a").collect(CowMap.toCowMap(w -> w, w -> w.equals("a") ? null : w)));
        assertEquals("Duplicate key a (attempted merging values null and null)", e.getMessage());
    }

    @Test
    void toCowMapAllowsNullKeysAndValues() {
        CowMap<String, String> map = Stream.of("a", "b").collect(CowMap.toCowMap(w -> w.equals("a") ? null : w, w -> null));
        assertEquals(2, map.size());
        assertTrue(map.containsKey(null));
        assertNull(map.get("b"));
        assertTrue(map.containsKey("b"));
    }

    @Test
    void aMergeResultOfNullIsStoredNotRemoved() {
        CowMap<String, String> map = Stream.of("a", "a", "b")
                .collect(CowMap.toCowMap(w -> w, w -> w, (x, y) -> null));
        assertEquals(List.of("a", "b"), new ArrayList<>(map.keySet()));
        assertNull(map.get("a"));
    }

    @Test
    void nullFunctionsAreRejectedAtOnce() {
        assertThrows(NullPointerException.class, () -> CowMap.toCowMap(null, Function.identity()));
        assertThrows(NullPointerException.class, () -> CowMap.toCowMap(Function.identity(), null));
        assertThrows(NullPointerException.class, () -> CowMap.toCowMap(Function.identity(), Function.identity(), null));
    }

    @Test
    void collectedHandlesAreIndependentValues() {
        CowMap<Integer, Integer> map = numbers(true).collect(CowMap.toCowMap(i -> i, i -> i));
        CowMap<Integer, Integer> copy = map.copy();
        map.put(-1, -1);
        assertEquals(PARALLEL_SIZE, copy.size());
        assertEquals(PARALLEL_SIZE + 1, map.size());
    }
}

package dev.cowcollections;

import static dev.cowcollections.CowMapSharingTest.assertSameMappingsInOrder;
import static dev.cowcollections.CowMapSharingTest.original;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@link CowMap} and {@link CowSet} fails with the JDK's own exceptions, where
 * {@code HashMap} and {@code HashSet} fail, and leaves the handle and its siblings unchanged.
 */
class CowMapBadInputTest {

    private static Named<Consumer<Map<String, String>>> call(String name, Consumer<Map<String, String>> call) {
        return Named.of(name, call);
    }

    /** Calls that HashMap answers with NullPointerException. */
    static Stream<Named<Consumer<Map<String, String>>>> nullArguments() {
        return Stream.of(
                call("putAll(null)", m -> m.putAll(null)),
                call("compute with a null function", m -> m.compute("a", null)),
                call("computeIfAbsent with a null function", m -> m.computeIfAbsent("x", null)),
                call("computeIfPresent with a null function", m -> m.computeIfPresent("a", null)),
                call("merge with a null function", m -> m.merge("a", "X", null)),
                call("merge of a null value", m -> m.merge("a", null, (v, w) -> w)),
                call("merge of a null value for an absent key", m -> m.merge("x", null, (v, w) -> w)),
                call("replaceAll(null)", m -> m.replaceAll(null)),
                call("forEach(null)", m -> m.forEach(null)),
                call("keySet removeIf(null)", m -> m.keySet().removeIf(null)),
                call("values removeIf(null)", m -> m.values().removeIf(null)),
                call("entrySet removeIf(null)", m -> m.entrySet().removeIf(null)),
                call("keySet removeAll(null)", m -> m.keySet().removeAll(null)),
                call("keySet retainAll(null)", m -> m.keySet().retainAll(null)),
                call("values removeAll(null)", m -> m.values().removeAll(null)),
                call("entrySet retainAll(null)", m -> m.entrySet().retainAll(null)),
                call("keySet forEach(null)", m -> m.keySet().forEach(null)),
                call("values forEach(null)", m -> m.values().forEach(null)));
    }

    /** Checks that {@code call} throws {@code expected} on HashMap and on a fresh and a shared CowMap, changing nothing. */
    private static void assertThrowsAsHashMapAndChangesNothing(Class<? extends Throwable> expected,
            Consumer<Map<String, String>> call) {
        assertThrows(expected, () -> call.accept(new HashMap<>(original())), "HashMap throws the same");
        for (boolean shared : new boolean[] {false, true}) {
            CowMap<String, String> map = new CowMap<>(original());
            CowMap<String, String> sibling = shared ? map.copy() : null;
            RefCount count = map.refCount();

            assertThrows(expected, () -> call.accept(map));

            assertSameMappingsInOrder(original(), map);
            assertSame(count, map.refCount(), "no detach");
            if (sibling != null) {
                assertSameMappingsInOrder(original(), sibling);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("nullArguments")
    void nullWhereHashMapRefusesItThrowsNullPointerExceptionAndChangesNothing(Consumer<Map<String, String>> call) {
        assertThrowsAsHashMapAndChangesNothing(NullPointerException.class, call);
    }

    @Test
    void nullWhereHashMapAllowsItIsAllowed() {
        CowMap<String, String> map = new CowMap<>();
        map.put(null, null);
        map.merge("a", "A", (v, w) -> null);
        map.computeIfAbsent(null, k -> "N");
        assertEquals("{null=N, a=A}", map.toString());
        assertTrue(map.containsKey(null));
        assertTrue(map.remove(null, "N"));
    }

    @Test
    void negativeCapacityIsAnIllegalArgumentThatNamesIt() {
        List<Executable> constructors = List.of(() -> new CowMap<>(-1), () -> new CowSet<>(-1));
        for (Executable constructor : constructors) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, constructor);
            assertEquals("capacity: -1 (expected: >= 0)", e.getMessage());
        }
        assertEquals("capacity: -2147483648 (expected: >= 0)",
                assertThrows(IllegalArgumentException.class, () -> new CowMap<>(Integer.MIN_VALUE)).getMessage());
    }

    /** The limit is checked before anything is allocated, so the error names it instead of the heap. */
    @Test
    void aCapacityBeyondTheLargestTableIsAnOutOfMemoryErrorThatNamesTheLimit() {
        List<Executable> constructors = List.of(
                () -> new CowMap<>(CompactHashTable.MAX_CAPACITY + 1), () -> new CowSet<>(Integer.MAX_VALUE));
        for (Executable constructor : constructors) {
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class, constructor);
            assertTrue(e.getMessage().contains("at most " + CompactHashTable.MAX_CAPACITY + " entries"), e.getMessage());
        }
    }

    @Test
    void nullSourcesAreRefusedWithNullPointerException() {
        List<Executable> calls = List.of(
                () -> new CowMap<>((Map<String, String>) null),
                () -> CowMap.copyOf(null),
                () -> new CowSet<>((List<String>) null),
                () -> CowSet.copyOf(null),
                () -> CowMap.ofEntries((Map.Entry<String, String>[]) null),
                () -> CowMap.ofEntries(Map.entry("a", "A"), null),
                () -> CowSet.of((String[]) null));
        for (Executable call : calls) {
            assertThrows(NullPointerException.class, call);
        }
    }

    @Test
    void duplicateKeysInTheFactoriesAreIllegalArgumentsThatNameTheKey() {
        Map<String, Executable> calls = Map.of(
                "b", () -> CowMap.of("a", 1, "b", 2, "b", 3),
                "a", () -> CowMap.of("a", 1, "a", 2),
                "e", () -> CowMap.of("a", 1, "b", 2, "c", 3, "e", 4, "e", 5),
                "null", () -> CowMap.of(null, 1, null, 2),
                "k", () -> CowMap.ofEntries(Map.entry("k", 1), Map.entry("j", 2), Map.entry("k", 3)));
        for (Map.Entry<String, Executable> call : calls.entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call.getValue());
            assertEquals("duplicate key: " + call.getKey(), e.getMessage());
        }
        assertEquals("duplicate element: y",
                assertThrows(IllegalArgumentException.class, () -> CowSet.of("x", "y", "y")).getMessage());
        assertEquals("duplicate element: null",
                assertThrows(IllegalArgumentException.class, () -> CowSet.of(null, "x", null)).getMessage());
    }

    /** The iterators of a map's three views. */
    static Stream<Named<Function<Map<String, String>, Iterator<?>>>> iterators() {
        return Stream.of(
                Named.of("keySet", m -> m.keySet().iterator()),
                Named.of("values", m -> m.values().iterator()),
                Named.of("entrySet", m -> m.entrySet().iterator()));
    }

    @ParameterizedTest
    @MethodSource("iterators")
    void iteratorPastTheEndThrowsNoSuchElementAndRemoveTwiceIllegalState(Function<Map<String, String>, Iterator<?>> of) {
        CowMap<String, String> map = new CowMap<>(original());
        CowMap<String, String> sibling = map.copy();
        Iterator<?> it = of.apply(map);
        assertThrows(IllegalStateException.class, it::remove, "remove before next");
        for (int i = 0; i < 4; i++) {
            it.next();
        }
        assertThrows(NoSuchElementException.class, it::next);
        it.remove();
        assertThrows(IllegalStateException.class, it::remove);
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals("{a=A, b=B, c=C}", map.toString(), "only the first remove removed");
        assertSameMappingsInOrder(original(), sibling);
    }

    /** Structural changes made under an iterator, other than through it. */
    static Stream<Named<Consumer<Map<String, String>>>> structuralChanges() {
        return Stream.of(
                call("put of a new key", m -> m.put("x", "X")),
                call("remove", m -> m.remove("d")),
                call("clear", Map::clear),
                call("keySet remove", m -> m.keySet().remove("d")),
                call("compute to null", m -> m.compute("d", (k, v) -> null)),
                call("putAll of a CowMap into a map emptied under the iterator", m -> {
                    m.clear();
                    m.putAll(new CowMap<>(original()));
                }));
    }

    static Stream<Arguments> iteratorsAndChanges() {
        return iterators().flatMap(it -> structuralChanges().map(change -> Arguments.of(it, change)));
    }

    @ParameterizedTest
    @MethodSource("iteratorsAndChanges")
    void structuralChangeUnderAViewsIteratorFailsFast(Function<Map<String, String>, Iterator<?>> of,
            Consumer<Map<String, String>> change) {
        for (boolean shared : new boolean[] {false, true}) {
            CowMap<String, String> map = new CowMap<>(original());
            CowMap<String, String> sibling = shared ? map.copy() : null;
            Iterator<?> it = of.apply(map);
            it.next();
            change.accept(map);
            Map<String, String> after = new HashMap<>(map);
            assertThrows(ConcurrentModificationException.class, it::next);
            assertThrows(ConcurrentModificationException.class, it::remove);
            assertEquals(after, map, "the failed calls changed nothing");
            if (sibling != null) {
                assertSameMappingsInOrder(original(), sibling);
            }
        }
    }

    @Test
    void structuralChangeUnderASetsIteratorFailsFast() {
        CowSet<String> set = new CowSet<>(List.of("a", "b", "c"));
        CowSet<String> sibling = set.copy();
        Iterator<String> it = set.iterator();
        it.next();
        set.add("x");
        assertThrows(ConcurrentModificationException.class, it::next);
        assertThrows(ConcurrentModificationException.class, it::remove);
        assertEquals(new LinkedHashSet<>(List.of("a", "b", "c", "x")), set);
        assertEquals(Set.of("a", "b", "c"), sibling);
        assertThrows(ConcurrentModificationException.class, () -> set.forEach(e -> set.remove("x")));
        assertEquals(Set.of("a", "b", "c"), sibling);
    }

    @Test
    void setIteratorPastTheEndThrowsNoSuchElementAndRemoveTwiceIllegalState() {
        CowSet<String> set = new CowSet<>(List.of("a", "b"));
        CowSet<String> sibling = set.copy();
        Iterator<String> it = set.iterator();
        assertThrows(IllegalStateException.class, it::remove);
        it.next();
        it.next();
        assertThrows(NoSuchElementException.class, it::next);
        it.remove();
        assertThrows(IllegalStateException.class, it::remove);
        assertEquals(List.of("a"), List.copyOf(set));
        assertEquals(Set.of("a", "b"), sibling);
    }

    @Test
    void writesThroughOtherHandlesNeverDisturbAnIterator() {
        CowMap<String, String> map = new CowMap<>(original());
        Iterator<String> it = map.keySet().iterator();
        CowMap<String, String> copy = map.copy();
        it.next();
        copy.put("x", "X");
        copy.remove("b");
        copy.clear();
        assertEquals("b", it.next());
        it.remove();
        assertEquals("c", it.next());
        assertEquals("{a=A, c=C, d=D}", map.toString());
    }

    @Test
    void setBadInputChangesNothing() {
        CowSet<String> set = new CowSet<>(List.of("a", "b"));
        CowSet<String> sibling = set.copy();
        RefCount count = set.refCount();
        List<Executable> calls = List.of(
                () -> set.removeIf(null),
                () -> set.removeAll(null),
                () -> set.retainAll(null),
                () -> set.addAll(null),
                () -> set.forEach(null),
                () -> set.containsAll(null));
        for (Executable call : calls) {
            assertThrows(NullPointerException.class, call);
            assertEquals(List.of("a", "b"), List.copyOf(set));
            assertSame(count, set.refCount());
        }
        assertEquals(Set.of("a", "b"), sibling);
    }
}

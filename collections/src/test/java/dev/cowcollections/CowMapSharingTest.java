package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sharing rules of SPEC.md for {@link CowMap}, one test (or one family of cases) per rule. */
class CowMapSharingTest {

    /** The values are distinct objects, so that "the same reference" and "an equal value" differ. */
    static Map<String, String> original() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("a", new String("A"));
        map.put("b", new String("B"));
        map.put("c", new String("C"));
        map.put("d", new String("D"));
        return map;
    }

    private static Named<Consumer<Map<String, String>>> op(String name, Consumer<Map<String, String>> op) {
        return Named.of(name, op);
    }

    private static <T> void removeFirst(Iterator<T> it) {
        it.next();
        it.remove();
    }

    /** Every kind of write, each of which changes the contents of {@link #original()}. */
    static Stream<Named<Consumer<Map<String, String>>>> writes() {
        return Stream.of(
                op("put of a new key", m -> m.put("x", "X")),
                op("put of a present key with another value", m -> m.put("b", "X")),
                op("put of a present key with an equal value", m -> m.put("b", new String("B"))),
                op("remove", m -> m.remove("c")),
                op("remove(key, value)", m -> m.remove("c", "C")),
                op("putAll", m -> m.putAll(Map.of("x", "X", "a", "Y"))),
                op("putIfAbsent of an absent key", m -> m.putIfAbsent("x", "X")),
                op("replace", m -> m.replace("a", "X")),
                op("replace(key, old, new)", m -> m.replace("a", "A", "X")),
                op("compute", m -> m.compute("a", (k, v) -> v + "!")),
                op("compute to null removes", m -> m.compute("a", (k, v) -> null)),
                op("compute of an absent key", m -> m.compute("x", (k, v) -> "X")),
                op("computeIfAbsent of an absent key", m -> m.computeIfAbsent("x", k -> "X")),
                op("computeIfPresent", m -> m.computeIfPresent("d", (k, v) -> v + "!")),
                op("computeIfPresent to null removes", m -> m.computeIfPresent("d", (k, v) -> null)),
                op("merge of a present key", m -> m.merge("b", "X", String::concat)),
                op("merge of an absent key", m -> m.merge("x", "X", String::concat)),
                op("merge to null removes", m -> m.merge("b", "X", (v, w) -> null)),
                op("replaceAll", m -> m.replaceAll((k, v) -> k + v)),
                op("clear", Map::clear),
                op("keySet remove", m -> m.keySet().remove("a")),
                op("keySet removeIf", m -> m.keySet().removeIf("b"::equals)),
                op("keySet removeAll", m -> m.keySet().removeAll(List.of("a", "d"))),
                op("keySet retainAll", m -> m.keySet().retainAll(List.of("c"))),
                op("keySet clear", m -> m.keySet().clear()),
                op("keySet iterator remove", m -> removeFirst(m.keySet().iterator())),
                op("values remove", m -> m.values().remove("C")),
                op("values removeIf", m -> m.values().removeIf("B"::equals)),
                op("values removeAll", m -> m.values().removeAll(List.of("A"))),
                op("values retainAll", m -> m.values().retainAll(List.of("A"))),
                op("values clear", m -> m.values().clear()),
                op("values iterator remove", m -> removeFirst(m.values().iterator())),
                op("entrySet remove", m -> m.entrySet().remove(Map.entry("b", "B"))),
                op("entrySet removeIf", m -> m.entrySet().removeIf(e -> e.getKey().equals("c"))),
                op("entrySet removeAll", m -> m.entrySet().removeAll(List.of(Map.entry("a", "A")))),
                op("entrySet retainAll", m -> m.entrySet().retainAll(List.of(Map.entry("a", "A")))),
                op("entrySet clear", m -> m.entrySet().clear()),
                op("entrySet iterator remove", m -> removeFirst(m.entrySet().iterator())),
                op("Entry.setValue", m -> m.entrySet().iterator().next().setValue("X")),
                op("Entry.setValue of a later entry", m -> {
                    Iterator<Map.Entry<String, String>> it = m.entrySet().iterator();
                    it.next();
                    it.next().setValue("X");
                }));
    }

    /** Calls that leave the contents of {@link #original()} unchanged. */
    static Stream<Named<Consumer<Map<String, String>>>> callsThatChangeNothing() {
        return Stream.of(
                op("remove of an absent key", m -> m.remove("z")),
                op("remove(key, value) of another value", m -> m.remove("a", "B")),
                op("remove(key, value) of an absent key", m -> m.remove("z", "A")),
                op("putIfAbsent of a present key", m -> m.putIfAbsent("a", "X")),
                op("computeIfAbsent of a present key", m -> m.computeIfAbsent("a", k -> {
                    throw new AssertionError("not called for a present key");
                })),
                op("put of the very same value", m -> m.put("b", m.get("b"))),
                op("replace with the very same value", m -> m.replace("b", m.get("b"))),
                op("replace(key, old, new) with the very same value", m -> m.replace("b", "B", m.get("b"))),
                op("replace(key, old, new) of another old value", m -> m.replace("b", "A", "X")),
                op("replace of an absent key", m -> m.replace("z", "X")),
                op("replace(key, old, new) of an absent key", m -> m.replace("z", "A", "X")),
                op("computeIfPresent of an absent key", m -> m.computeIfPresent("z", (k, v) -> "X")),
                op("compute returning the very same value", m -> m.compute("a", (k, v) -> v)),
                op("compute of an absent key returning null", m -> m.compute("z", (k, v) -> null)),
                op("merge returning the very same value", m -> m.merge("a", "X", (v, w) -> v)),
                op("replaceAll returning the very same values", m -> m.replaceAll((k, v) -> v)),
                op("putAll of nothing", m -> m.putAll(Map.of())),
                op("putAll of its own mappings", m -> m.putAll(new HashMap<>(m))),
                op("Entry.setValue with the very same value", m -> {
                    Map.Entry<String, String> e = m.entrySet().iterator().next();
                    e.setValue(e.getValue());
                }),
                op("keySet remove of an absent key", m -> m.keySet().remove("z")),
                op("keySet removeIf matching nothing", m -> m.keySet().removeIf("z"::equals)),
                op("keySet removeAll matching nothing", m -> m.keySet().removeAll(List.of("y", "z"))),
                op("keySet retainAll keeping everything", m -> m.keySet().retainAll(List.of("a", "b", "c", "d", "e"))),
                op("values remove of an absent value", m -> m.values().remove("Z")),
                op("values removeIf matching nothing", m -> m.values().removeIf("Z"::equals)),
                op("values removeAll matching nothing", m -> m.values().removeAll(List.of("Z"))),
                op("values retainAll keeping everything", m -> m.values().retainAll(List.of("A", "B", "C", "D"))),
                op("entrySet remove of an absent key", m -> m.entrySet().remove(Map.entry("z", "A"))),
                op("entrySet remove of another value", m -> m.entrySet().remove(Map.entry("a", "B"))),
                op("entrySet remove of a non-entry", m -> m.entrySet().remove("a")),
                op("entrySet removeIf matching nothing", m -> m.entrySet().removeIf(e -> e.getKey().equals("z"))),
                op("entrySet removeAll matching nothing", m -> m.entrySet().removeAll(List.of(Map.entry("a", "Z")))),
                op("entrySet retainAll keeping everything", m -> m.entrySet().retainAll(Set.copyOf(original().entrySet()))),
                op("reads", m -> {
                    m.get("a");
                    m.getOrDefault("z", "Z");
                    m.containsKey("b");
                    m.containsValue("C");
                    m.hashCode();
                    m.toString();
                    m.equals(original());
                    m.forEach((k, v) -> { });
                    m.keySet().toArray();
                    m.values().toArray(new String[0]);
                    m.entrySet().stream().count();
                    m.entrySet().iterator().next().getValue();
                    m.values().contains("D");
                }));
    }

    private static Map<String, String> expectedAfter(Consumer<Map<String, String>> write) {
        Map<String, String> model = original();
        write.accept(model);
        return model;
    }

    /**
     * {@code table} holds the only share of its buffer (flat) or directory (paged). A paged table
     * may still share pages with the handles it detached from, and SPEC rule 7 has
     * {@code isShared()} say so, so only a flat one must answer false.
     */
    static void assertSoleHolder(CompactHashTable table, String message) {
        assertEquals(1, table.refCount.sharesVolatile(), message);
        if (!table.isPaged()) {
            assertFalse(table.isSharedBuffer(), message);
        }
    }

    /**
     * A write to a unique {@code table} that held {@code count} and {@code layout}
     * ({@link MapPool#layout}) before it did not detach: the count is the same, or the write
     * rebuilt a paged table or changed its layout, which takes storage it holds alone.
     */
    static void assertWrittenInPlace(RefCount count, Object layout, CompactHashTable table) {
        if (layout == MapPool.layout(table)) {
            assertSame(count, table.refCount, "no detach");
        } else {
            assertEquals(1, table.refCount.sharesVolatile(), "a new layout, held alone");
        }
    }

    /** Equal as maps, and in the same iteration order. */
    static void assertSameMappingsInOrder(Map<?, ?> expected, Map<?, ?> actual) {
        assertEquals(expected, actual);
        assertEquals(expected.toString(), actual.toString(), "iteration order");
    }

    @Test
    void copySharesTheBufferAndCountsTheShare() {
        CowMap<String, String> a = new CowMap<>(original());
        RefCount count = a.refCount();
        assertEquals(1, count.sharesVolatile());
        CowMap<String, String> b = a.copy();
        CowMap<String, String> c = b.clone();
        assertSame(count, b.refCount());
        assertSame(count, c.refCount());
        assertEquals(3, count.sharesVolatile());
        assertTrue(a.isShared());
        assertTrue(c.isShared());
        assertSameMappingsInOrder(original(), c);
    }

    @Test
    void theSharingConstructorAndCopyOfOfACowMapShare() {
        CowMap<String, String> a = new CowMap<>(original());
        CowMap<String, String> constructed = new CowMap<>(a);
        CowMap<String, String> copied = CowMap.copyOf(a);
        assertSame(a.refCount(), constructed.refCount());
        assertSame(a.refCount(), copied.refCount());
        assertEquals(3, a.refCount().sharesVolatile());
        assertSameMappingsInOrder(original(), constructed);
        assertSameMappingsInOrder(original(), copied);
    }

    @Test
    void theConstructorAndCopyOfOfAJavaUtilMapCopyIt() {
        Map<String, String> source = original();
        CowMap<String, String> constructed = new CowMap<>(source);
        CowMap<String, String> copied = CowMap.copyOf(source);
        source.put("a", "X");
        source.remove("b");
        assertSameMappingsInOrder(original(), constructed);
        assertSameMappingsInOrder(original(), copied);
        assertFalse(constructed.isShared());
        assertNotSame(constructed.refCount(), copied.refCount());
    }

    @Test
    void putAllOfACowMapIntoAnEmptyCowMapSharesTheBuffer() {
        CowMap<String, String> source = new CowMap<>(original());
        CowMap<String, String> immortalEmpty = new CowMap<>();
        CowMap<String, String> privateEmpty = new CowMap<>(32);
        RefCount privateCount = privateEmpty.refCount();

        immortalEmpty.putAll(source);
        privateEmpty.putAll(source);

        assertSame(source.refCount(), immortalEmpty.refCount());
        assertSame(source.refCount(), privateEmpty.refCount());
        assertEquals(3, source.refCount().sharesVolatile());
        assertEquals(0, privateCount.sharesVolatile(), "the emptied buffer's share was given back");
        privateEmpty.put("x", "X");
        assertSameMappingsInOrder(original(), source);
        assertSameMappingsInOrder(original(), immortalEmpty);
    }

    @Test
    void putAllOfACowMapIntoANonEmptyCowMapCopiesTheMappings() {
        CowMap<String, String> source = new CowMap<>(original());
        CowMap<String, String> target = CowMap.of("z", "Z");
        RefCount targetCount = target.refCount();
        Object targetLayout = MapPool.layout(target);
        target.putAll(source);
        assertWrittenInPlace(targetCount, targetLayout, target);
        assertFalse(source.isShared());
        Map<String, String> expected = new LinkedHashMap<>(Map.of("z", "Z"));
        expected.putAll(original());
        assertSameMappingsInOrder(expected, target);
    }

    @ParameterizedTest
    @MethodSource("writes")
    void writeToASharedMapDetachesOnlyTheWriter(Consumer<Map<String, String>> write) {
        CowMap<String, String> writer = new CowMap<>(original());
        CowMap<String, String> sibling = writer.copy();
        CowMap<String, String> thirdHandle = writer.copy();
        RefCount sharedCount = writer.refCount();

        write.accept(writer);

        assertSameMappingsInOrder(expectedAfter(write), writer);
        assertSameMappingsInOrder(original(), sibling);
        assertSameMappingsInOrder(original(), thirdHandle);
        assertNotSame(sharedCount, writer.refCount(), "the writer detached");
        if (writer.isEmpty()) {
            assertSame(RefCount.IMMORTAL, writer.refCount(), "a shared clear() points at the empty buffer");
        } else {
            assertSoleHolder(writer, "the writer holds its own buffer");
        }
        assertEquals(2, sharedCount.sharesVolatile(), "the writer gave its share back");
        assertSame(sharedCount, sibling.refCount());
    }

    @ParameterizedTest
    @MethodSource("writes")
    void writeToAUniqueMapHappensInPlace(Consumer<Map<String, String>> write) {
        CowMap<String, String> map = new CowMap<>(original());
        RefCount count = map.refCount();
        Object layout = MapPool.layout(map);

        write.accept(map);

        assertSameMappingsInOrder(expectedAfter(write), map);
        assertWrittenInPlace(count, layout, map);
        assertEquals(1, count.sharesVolatile());
    }

    @ParameterizedTest
    @MethodSource("callsThatChangeNothing")
    void callThatChangesNothingNeverDetaches(Consumer<Map<String, String>> call) {
        CowMap<String, String> map = new CowMap<>(original());
        CowMap<String, String> sibling = map.copy();
        RefCount sharedCount = map.refCount();

        call.accept(map);

        assertSameMappingsInOrder(original(), map);
        assertSame(sharedCount, map.refCount());
        assertEquals(2, sharedCount.sharesVolatile());
        assertTrue(sibling.isShared());
    }

    @Test
    void clearOfAnEmptyMapNeverDetaches() {
        CowMap<String, String> immortal = new CowMap<>();
        immortal.clear();
        assertSame(RefCount.IMMORTAL, immortal.refCount());

        CowMap<String, String> emptied = CowMap.of("a", "A");
        emptied.remove("a");
        CowMap<String, String> sibling = emptied.copy();
        RefCount sharedCount = emptied.refCount();
        emptied.clear();
        assertSame(sharedCount, emptied.refCount());
        assertEquals(2, sharedCount.sharesVolatile());
        assertTrue(sibling.isEmpty());
    }

    @Test
    void clearOnASharedMapMovesItToTheImmortalEmptyBufferAndGivesItsShareBack() {
        CowMap<String, String> map = new CowMap<>(original());
        CowMap<String, String> sibling = map.copy();
        RefCount sharedCount = map.refCount();

        map.clear();

        assertTrue(map.isEmpty());
        assertSame(RefCount.IMMORTAL, map.refCount());
        assertEquals(1, sharedCount.sharesVolatile());
        assertSoleHolder(sibling, "the cleared map gave its share back");
        assertSameMappingsInOrder(original(), sibling);
        map.put("x", "X");
        assertNotSame(RefCount.IMMORTAL, map.refCount());
        assertEquals(Map.of("x", "X"), map);
    }

    @Test
    void clearOnAUniqueMapKeepsItsBuffer() {
        CowMap<String, String> map = new CowMap<>(original());
        RefCount count = map.refCount();
        Object layout = MapPool.layout(map);
        map.clear();
        assertWrittenInPlace(count, layout, map);
        count = map.refCount();
        map.put("x", "X");
        assertSame(count, map.refCount());
        assertEquals(Map.of("x", "X"), map);
    }

    /**
     * A put that fills a shared buffer detaches into a bigger one; at some sizes only the
     * entries array grows and the index keeps its length, and the writer must then copy the
     * index too. Every size up to 100 meets both kinds of growth.
     */
    @Test
    void aDetachThatGrowsTheBufferLeavesTheSiblingUntouched() {
        for (int n = 0; n <= 100; n++) {
            CowMap<Integer, Integer> sibling = new CowMap<>();
            Map<Integer, Integer> model = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                sibling.put(k, k);
                model.put(k, k);
            }
            CowMap<Integer, Integer> writer = sibling.copy();
            writer.put(-1, -1);

            assertSameMappingsInOrder(model, sibling);
            assertFalse(sibling.containsKey(-1), "size " + n);
            assertEquals(-1, writer.get(-1), "size " + n);
            assertEquals(n + 1, writer.size());
        }
    }

    /** Maps of {@code n} entries, each {@code k -> k} for {@code k < n}, built as callers build them. */
    static Stream<Arguments> smallMaps() {
        Stream<Arguments> grownByPut = IntStream.rangeClosed(1, 11)
                .mapToObj(n -> Arguments.of("grown by put", n, new CowMap<Integer, Integer>()));
        // Sized for 7 to 11 entries, the first capacity is already served by the 16-slot index.
        Stream<Arguments> sizedExactly = IntStream.rangeClosed(7, 11)
                .mapToObj(n -> Arguments.of("sized exactly", n, new CowMap<Integer, Integer>(n)));
        return Stream.concat(grownByPut, sizedExactly);
    }

    /**
     * The smallest index, 16 slots, holds twelve entries, so the put that detaches a copy of a
     * map of up to eleven on that index copies it and places only the new key: every slot the
     * sibling uses is unchanged in the writer's index, and exactly one empty slot is taken. A map
     * sized exactly for 9 to 11 entries grows to those twelve, not by half, which would double
     * its index.
     */
    @ParameterizedTest(name = "{0}, {1} entries")
    @MethodSource("smallMaps")
    void thePutThatDetachesACopyOfASmallMapPlacesOnlyTheNewKey(String built, int n, CowMap<Integer, Integer> sibling) {
        for (int k = 0; k < n; k++) {
            sibling.put(k, k);
        }
        CowMap<Integer, Integer> writer = sibling.copy();
        writer.put(-1, -1);

        int[] before = sibling.indexSlots();
        int[] after = writer.indexSlots();
        assertFalse(writer.sameBufferAs(sibling));
        assertEquals(16, before.length);
        assertEquals(16, after.length);
        int taken = 0;
        for (int i = 0; i < after.length; i++) {
            if (before[i] != after[i]) {
                assertEquals(0, before[i], "slot " + i);
                taken++;
            }
        }
        assertEquals(1, taken);
        assertEquals(n + 1, writer.size());
        assertEquals(n, sibling.size());
    }

    /** Twelve entries fill the 16-slot index: the put that detaches their copy doubles it. */
    @Test
    void thePutThatDetachesACopyOfTwelveEntriesDoublesTheIndex() {
        CowMap<Integer, Integer> sibling = new CowMap<>();
        for (int k = 0; k < 12; k++) {
            sibling.put(k, k);
        }
        CowMap<Integer, Integer> writer = sibling.copy();
        writer.put(-1, -1);

        assertEquals(16, sibling.indexSlots().length);
        assertEquals(32, writer.indexSlots().length);
        for (int k = -1; k < 12; k++) {
            assertEquals(k, writer.get(k));
        }
        assertFalse(sibling.containsKey(-1));
    }

    @Test
    void writesAfterADetachHappenInPlace() {
        CowMap<String, String> map = new CowMap<>(original());
        CowMap<String, String> sibling = map.copy();
        map.put("x", "X");
        for (int i = 0; i < 100; i++) {
            RefCount privateCount = map.refCount();
            Object layout = MapPool.layout(map);
            map.put("k" + i, "v");
            assertWrittenInPlace(privateCount, layout, map);
        }
        RefCount privateCount = map.refCount();
        map.remove("a");
        map.replaceAll((k, v) -> v + "!");
        assertSame(privateCount, map.refCount());
        assertSameMappingsInOrder(original(), sibling);
        assertSame(sibling.refCount(), sibling.refCount());
    }

    @Test
    void theLastHolderWritesInPlaceOnceTheOthersDetached() {
        CowMap<String, String> map = new CowMap<>(original());
        CowMap<String, String> sibling = map.copy();
        RefCount sharedCount = map.refCount();
        map.put("x", "X");
        sibling.put("y", "Y");
        assertSame(sharedCount, sibling.refCount());
        assertSoleHolder(sibling, "the last holder");
    }

    @Test
    void droppedCopyKeepsItsShareSoTheNextWriteCopiesOnce() {
        CowMap<String, String> map = new CowMap<>(original());
        map.copy();
        assertTrue(map.isShared(), "Java has no destructor: the dropped copy still counts");
        map.put("x", "X");
        assertSoleHolder(map, "the write detached");
        Map<String, String> expected = original();
        expected.put("x", "X");
        assertSameMappingsInOrder(expected, map);
    }

    @Test
    void isSharedAnswersForEveryHandleAsCopiesComeAndGo() {
        CowMap<String, String> a = new CowMap<>(original());
        assertFalse(a.isShared());
        CowMap<String, String> b = a.copy();
        CowMap<String, String> c = a.copy();
        assertTrue(a.isShared() && b.isShared() && c.isShared());
        b.put("x", "X");
        assertSoleHolder(b, "b detached");
        assertTrue(a.isShared() && c.isShared());
        c.clear();
        assertSoleHolder(a, "the last holder of the buffer");
        assertTrue(c.isShared(), "an empty map on the immortal buffer");
    }

    @Test
    void viewsAndEntriesTakenBeforeACopyWriteThroughToTheirOwnHandleOnly() {
        CowMap<String, String> map = new CowMap<>(original());
        Set<String> keys = map.keySet();
        Map.Entry<String, String> first = map.entrySet().iterator().next();
        Iterator<String> values = map.values().iterator();
        CowMap<String, String> sibling = map.copy();

        first.setValue("X");
        values.next();
        values.next();
        values.remove();
        keys.remove("c");

        assertEquals("{a=X, d=D}", map.toString());
        assertSameMappingsInOrder(original(), sibling);
        assertEquals("X", first.getValue());
    }

    @Test
    void iteratorOfASharedMapIsUndisturbedByTheSiblingsWrites() {
        CowMap<String, String> map = new CowMap<>(original());
        CowMap<String, String> sibling = map.copy();
        Iterator<Map.Entry<String, String>> it = map.entrySet().iterator();
        it.next();
        sibling.clear();
        sibling.put("z", "Z");
        sibling.put("a", "Y");
        StringBuilder rest = new StringBuilder();
        it.forEachRemaining(e -> rest.append(e));
        assertEquals("b=Bc=Cd=D", rest.toString());
    }

    @Test
    void equalsOfTwoHandlesOnOneBufferNeedsNoValueComparison() {
        Object refusesComparison = new Object() {
            @Override
            public boolean equals(Object o) {
                throw new AssertionError("two handles of one buffer are equal without comparing values");
            }

            @Override
            public int hashCode() {
                return 1;
            }
        };
        CowMap<String, Object> map = CowMap.of("a", refusesComparison);
        assertTrue(map.equals(map.copy()));
        assertTrue(map.copy().equals(map));
    }

    @Test
    void aCountPushedToTheCeilingSaturatesAndNeverWraps() {
        CowMap<String, String> map = new CowMap<>(original());
        RefCount count = map.refCount();
        count.setSharesVolatileForTesting(RefCount.SATURATED - 1);

        CowMap<String, String> atCeiling = map.copy();
        CowMap<String, String> beyondCeiling = atCeiling.copy();

        assertEquals(RefCount.SATURATED, count.sharesVolatile());
        assertSame(count, beyondCeiling.refCount());
        atCeiling.put("x", "X");
        beyondCeiling.clear();
        assertEquals(RefCount.SATURATED, count.sharesVolatile(), "releases leave a saturated count alone");
        assertTrue(map.isShared(), "shared for good");
        map.remove("a");
        assertNotSame(count, map.refCount(), "every handle on it detaches on its next write");
        assertSoleHolder(map, "the write detached");
        assertEquals("{b=B, c=C, d=D}", map.toString());
        assertEquals("{a=A, b=B, c=C, d=D, x=X}", atCeiling.toString());
        assertTrue(beyondCeiling.isEmpty());
        assertEquals(RefCount.SATURATED, count.sharesVolatile());
    }

    @Test
    void emptyMapsShareTheImmortalBufferUntilTheirFirstWrite() {
        CowMap<String, String> empty = new CowMap<>();
        List<CowMap<String, String>> alsoEmpty = List.of(CowMap.of(), new CowMap<>(0),
                new CowMap<>(Map.of()), CowMap.copyOf(Map.of()), empty.copy(), CowMap.ofEntries());
        assertSame(RefCount.IMMORTAL, empty.refCount());
        for (CowMap<String, String> other : alsoEmpty) {
            assertSame(RefCount.IMMORTAL, other.refCount());
            assertTrue(other.isShared());
        }

        empty.put("a", "A");

        assertNotSame(RefCount.IMMORTAL, empty.refCount());
        assertFalse(empty.isShared());
        assertEquals(RefCount.SATURATED, RefCount.IMMORTAL.sharesVolatile());
        for (CowMap<String, String> other : alsoEmpty) {
            assertTrue(other.isEmpty());
        }
    }

    @Test
    void copiesAreShallowSoAMutableValueIsSharedByBothMaps() {
        CowMap<String, CowList<String>> map = CowMap.of("k", CowList.of("a"));
        CowMap<String, CowList<String>> copy = map.copy();

        copy.get("k").add("b");

        assertSame(map.get("k"), copy.get("k"));
        assertEquals(List.of("a", "b"), map.get("k"), "both maps hold the same list");
    }

    @Test
    void theComputeIdiomOfTheReadmeKeepsTheMapsIndependent() {
        CowMap<String, CowList<String>> map = CowMap.of("k", CowList.of("a"));
        CowMap<String, CowList<String>> copy = map.copy();

        copy.compute("k", (key, list) -> {
            CowList<String> mine = list.copy();
            mine.add("b");
            return mine;
        });

        assertEquals(List.of("a"), map.get("k"));
        assertEquals(List.of("a", "b"), copy.get("k"));
        assertFalse(map.isShared());
    }

    @Test
    void copyOfToAnotherTypeCopiesInsteadOfSharing() {
        CowMap<String, String> map = new CowMap<>(original());
        CowSet<String> keys = CowSet.copyOf(map.keySet());
        CowList<String> values = CowList.copyOf(map.values());
        CowMap<String, String> viaJavaUtil = new CowMap<>(new LinkedHashMap<>(map));

        map.put("a", "X");
        map.remove("b");

        assertNotSame(map.refCount(), keys.refCount());
        assertNotSame(map.refCount(), viaJavaUtil.refCount());
        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(keys));
        assertEquals(List.of("A", "B", "C", "D"), values);
        assertSameMappingsInOrder(original(), viaJavaUtil);
        assertFalse(map.isShared());
    }
}

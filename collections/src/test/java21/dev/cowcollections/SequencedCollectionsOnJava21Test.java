package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CowMap as a SequencedMap and CowSet as a SequencedSet, against LinkedHashMap and LinkedHashSet,
 * on fresh and shared handles; CowList's inherited sequenced defaults against ArrayList. Runs
 * on Java 21 and later against the multi-release jar.
 *
 * <p>The tests are compiled against the class directory, where CowMap is the Java 17 class, so
 * they reach the sequenced methods through the interfaces, as a caller written against them does.
 */
@Timeout(60)
class SequencedCollectionsOnJava21Test {

    @SuppressWarnings("unchecked")
    private static <K, V> SequencedMap<K, V> sequenced(CowMap<K, V> map) {
        return (SequencedMap<K, V>) (Object) map;
    }

    @SuppressWarnings("unchecked")
    private static <E> SequencedSet<E> sequenced(CowSet<E> set) {
        return (SequencedSet<E>) (Object) set;
    }

    private static <K, V> List<Map.Entry<K, V>> entries(Map<K, V> map) {
        List<Map.Entry<K, V>> list = new ArrayList<>();
        map.forEach((k, v) -> list.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        return list;
    }

    private static <K, V> void assertSameMap(SequencedMap<K, V> expected, SequencedMap<K, V> actual) {
        assertEquals(entries(expected), entries(actual));
        assertEquals(entries(expected.reversed()), entries(actual.reversed()));
        assertEquals(expected, actual);
        assertEquals(expected.hashCode(), actual.hashCode());
        assertEquals(expected.firstEntry(), actual.firstEntry());
        assertEquals(expected.lastEntry(), actual.lastEntry());
        assertEquals(new ArrayList<>(expected.sequencedKeySet().reversed()),
                new ArrayList<>(actual.sequencedKeySet().reversed()));
    }

    @Test
    void onJava21TheTypesAreSequenced() {
        assertTrue(SequencedMap.class.isAssignableFrom(CowMap.class));
        assertTrue(SequencedSet.class.isAssignableFrom(CowSet.class));
    }

    // CowMap

    @Test
    void putFirstAndPutLastMoveAPresentKeyAsLinkedHashMapDoes() {
        LinkedHashMap<String, Integer> model = new LinkedHashMap<>();
        SequencedMap<String, Integer> map = sequenced(new CowMap<>());
        for (SequencedMap<String, Integer> m : List.of(model, map)) {
            m.put("a", 1);
            m.put("b", 2);
            m.put("c", 3);
            assertEquals(2, m.putFirst("b", 20));
            assertNull(m.putFirst("z", 0));
            assertEquals(1, m.putLast("a", 10));
            assertNull(m.putLast("y", 9));
            assertEquals(9, m.putLast("y", 99));
            assertEquals(0, m.putFirst("z", 0));
        }
        assertSameMap(model, map);
        assertEquals(List.of("z", "b", "c", "a", "y"), new ArrayList<>(map.keySet()));
    }

    @Test
    void anEntryFollowsItsKeyWhenPutFirstReordersTheMap() {
        LinkedHashMap<String, Integer> model = new LinkedHashMap<>();
        model.put("a", 1);
        model.put("b", 2);
        SequencedMap<String, Integer> map = sequenced(CowMap.of("a", 1, "b", 2));
        Map.Entry<String, Integer> modelEntry = model.entrySet().iterator().next();
        Map.Entry<String, Integer> entry = map.entrySet().iterator().next();
        for (SequencedMap<String, Integer> m : List.of(model, map)) {
            m.putFirst("c", 3);
            m.put("a", 10);
        }
        assertEquals(modelEntry.getValue(), entry.getValue());
        modelEntry.setValue(5);
        entry.setValue(5);
        assertSameMap(model, map);
    }

    @Test
    void pollsAndEndsOfAnEmptyMapAreNullAndDoNotDetach() {
        CowMap<String, Integer> empty = new CowMap<>();
        CowMap<String, Integer> copy = empty.copy();
        assertNull(sequenced(empty).firstEntry());
        assertNull(sequenced(empty).lastEntry());
        assertNull(sequenced(empty).pollFirstEntry());
        assertNull(sequenced(empty).pollLastEntry());
        assertTrue(copy.isShared());
    }

    @Test
    void polledEntriesAreSnapshots() {
        SequencedMap<String, Integer> map = sequenced(new CowMap<>(Map.of("a", 1)));
        Map.Entry<String, Integer> first = map.firstEntry();
        assertThrows(UnsupportedOperationException.class, () -> first.setValue(2));
        assertEquals(Map.entry("a", 1), map.pollLastEntry());
        assertTrue(map.isEmpty());
    }

    @Test
    void aSequencedWriteOnASharedHandleDetachesOnlyTheWriter() {
        CowMap<String, Integer> original = new CowMap<>();
        for (int i = 0; i < 100; i++) {
            original.put("k" + i, i);
        }
        List<Consumer<SequencedMap<String, Integer>>> writes = List.of(
                m -> m.putFirst("k50", -1),
                m -> m.putFirst("new", -1),
                m -> m.putLast("k0", -1),
                m -> m.pollFirstEntry(),
                m -> m.pollLastEntry(),
                m -> m.reversed().put("new", 1),
                m -> m.reversed().putFirst("k3", 3),
                m -> m.reversed().pollFirstEntry(),
                m -> m.reversed().entrySet().iterator().next().setValue(-7),
                m -> {
                    Iterator<String> it = m.reversed().keySet().iterator();
                    it.next();
                    it.remove();
                },
                m -> m.sequencedValues().reversed().removeIf(v -> v % 2 == 0));
        for (Consumer<SequencedMap<String, Integer>> write : writes) {
            CowMap<String, Integer> writer = original.copy();
            CowMap<String, Integer> other = original.copy();
            LinkedHashMap<String, Integer> model = new LinkedHashMap<>(original);
            write.accept(sequenced(writer));
            write.accept(model);
            assertSameMap(model, sequenced(writer));
            assertFalse(writer.isShared());
            assertEquals(new LinkedHashMap<>(original), other);
            assertEquals(entries(original), entries(other));
        }
    }

    @Test
    void writesThatChangeNothingDoNotDetach() {
        CowMap<String, Integer> map = new CowMap<>(Map.of("only", 1));
        map.put("last", 2);
        CowMap<String, Integer> copy = map.copy();
        Integer one = map.get("only");
        Integer two = map.get("last");
        sequenced(map).putFirst("only", one);
        sequenced(map).putLast("last", two);
        sequenced(map).reversed().putLast("only", one);
        assertTrue(map.isShared());
        assertTrue(copy.isShared());
    }

    @Test
    void theReversedViewIsLiveAndFailsFast() {
        CowMap<Integer, String> cow = new CowMap<>();
        SequencedMap<Integer, String> reversed = sequenced(cow).reversed();
        cow.put(1, "a");
        cow.put(2, "b");
        assertEquals(List.of(2, 1), new ArrayList<>(reversed.keySet()));
        assertEquals(sequenced(cow), reversed.reversed());
        reversed.putFirst(3, "c");
        assertEquals(List.of(1, 2, 3), new ArrayList<>(cow.keySet()));
        Iterator<Integer> it = reversed.keySet().iterator();
        it.next();
        cow.put(4, "d");
        assertThrows(ConcurrentModificationException.class, it::next);
        assertEquals(Map.of(1, "a", 2, "b", 3, "c", 4, "d"), reversed);
    }

    @Test
    void drainingFromTheEndThenAppendingMatchesLinkedHashMap() {
        CowMap<Integer, Integer> cow = new CowMap<>();
        LinkedHashMap<Integer, Integer> model = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            cow.put(i, i);
            model.put(i, i);
        }
        for (int i = 0; i < 990; i++) {
            assertEquals(model.pollLastEntry(), sequenced(cow).pollLastEntry());
        }
        cow.remove(0);
        model.remove(0);
        for (int i = 0; i < 10; i++) {
            assertEquals(model.pollFirstEntry(), sequenced(cow).pollFirstEntry());
            cow.put(-i, i);
            model.put(-i, i);
        }
        assertSameMap(model, sequenced(cow));
    }

    @Test
    void putFirstKeepsCollidingKeysFindable() {
        SequencedMap<Object, Integer> cow = sequenced(new CowMap<>());
        LinkedHashMap<Object, Integer> model = new LinkedHashMap<>();
        List<Object> keys = CollidingKeys.UNIVERSE;
        for (int i = 0; i < keys.size(); i++) {
            cow.putFirst(keys.get(i), i);
            model.putFirst(keys.get(i), i);
        }
        for (int i = 0; i < keys.size(); i += 3) {
            cow.putFirst(keys.get(i), -i);
            model.putFirst(keys.get(i), -i);
        }
        assertSameMap(model, cow);
        for (Object key : keys) {
            assertEquals(model.get(key), cow.get(key));
        }
    }

    /**
     * Random sequenced and plain writes over several handles that copy each other, each handle
     * compared with its own LinkedHashMap after every step.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomOperationsOnHandlesThatCopyEachOtherMatchLinkedHashMap(long seed) {
        Random random = new Random(seed);
        List<CowMap<Integer, Integer>> handles = new ArrayList<>(List.of(new CowMap<>()));
        List<LinkedHashMap<Integer, Integer>> models = new ArrayList<>(List.of(new LinkedHashMap<>()));
        for (int step = 0; step < 3000; step++) {
            int h = random.nextInt(handles.size());
            SequencedMap<Integer, Integer> cow = sequenced(handles.get(h));
            LinkedHashMap<Integer, Integer> model = models.get(h);
            int key = random.nextInt(40);
            int value = random.nextInt(5);
            switch (random.nextInt(12)) {
                case 0 -> {
                    handles.add(handles.get(h).copy());
                    models.add(new LinkedHashMap<>(model));
                }
                case 1 -> assertEquals(model.put(key, value), cow.put(key, value));
                case 2 -> assertEquals(model.remove(key), cow.remove(key));
                case 3 -> assertEquals(model.putFirst(key, value), cow.putFirst(key, value));
                case 4 -> assertEquals(model.putLast(key, value), cow.putLast(key, value));
                case 5 -> assertEquals(model.pollFirstEntry(), cow.pollFirstEntry());
                case 6 -> assertEquals(model.pollLastEntry(), cow.pollLastEntry());
                case 7 -> assertEquals(model.reversed().putFirst(key, value), cow.reversed().putFirst(key, value));
                case 8 -> assertEquals(model.reversed().putLast(key, value), cow.reversed().putLast(key, value));
                case 9 -> {
                    model.reversed().entrySet().removeIf(e -> e.getKey() % 7 == value);
                    cow.reversed().entrySet().removeIf(e -> e.getKey() % 7 == value);
                }
                case 10 -> {
                    model.reversed().replaceAll((k, v) -> v + k);
                    cow.reversed().replaceAll((k, v) -> v + k);
                }
                default -> {
                    if (random.nextInt(20) == 0) {
                        model.clear();
                        cow.clear();
                    }
                }
            }
            for (int i = 0; i < handles.size(); i++) {
                assertSameMap(models.get(i), sequenced(handles.get(i)));
            }
        }
    }

    // CowSet

    @Test
    void addFirstAndAddLastMoveAPresentElementAsLinkedHashSetDoes() {
        LinkedHashSet<String> model = new LinkedHashSet<>(List.of("a", "b", "c"));
        SequencedSet<String> set = sequenced(new CowSet<>(model));
        for (SequencedSet<String> s : List.of(model, set)) {
            s.addFirst("c");
            s.addLast("a");
            s.addFirst("z");
            s.reversed().addFirst("y");
            s.reversed().addLast("b");
        }
        assertEquals(new ArrayList<>(model), new ArrayList<>(set));
        assertEquals(new ArrayList<>(model.reversed()), new ArrayList<>(set.reversed()));
        assertEquals(model.getFirst(), set.getFirst());
        assertEquals(model.getLast(), set.getLast());
        assertEquals(model.removeFirst(), set.removeFirst());
        assertEquals(model.removeLast(), set.removeLast());
        assertEquals(model.reversed().removeFirst(), set.reversed().removeFirst());
        assertEquals(new ArrayList<>(model), new ArrayList<>(set));
        assertEquals(set, set.reversed());
    }

    @Test
    void theEndsOfAnEmptySetThrowNoSuchElement() {
        SequencedSet<String> set = sequenced(new CowSet<>());
        assertThrows(NoSuchElementException.class, set::getFirst);
        assertThrows(NoSuchElementException.class, set::getLast);
        assertThrows(NoSuchElementException.class, set::removeFirst);
        assertThrows(NoSuchElementException.class, set.reversed()::removeLast);
    }

    @Test
    void setWritesThroughTheReversedViewDetachOnlyTheWriter() {
        CowSet<Integer> original = new CowSet<>(List.of(1, 2, 3, 4));
        List<Consumer<SequencedSet<Integer>>> writes = List.of(
                s -> s.addFirst(3),
                s -> s.reversed().add(9),
                s -> s.reversed().addFirst(1),
                s -> s.reversed().removeFirst(),
                s -> s.reversed().removeIf(e -> e > 2),
                s -> {
                    Iterator<Integer> it = s.reversed().iterator();
                    it.next();
                    it.remove();
                });
        for (Consumer<SequencedSet<Integer>> write : writes) {
            CowSet<Integer> writer = original.copy();
            CowSet<Integer> other = original.copy();
            LinkedHashSet<Integer> model = new LinkedHashSet<>(original);
            write.accept(sequenced(writer));
            write.accept(model);
            assertEquals(new ArrayList<>(model), new ArrayList<>(writer));
            assertFalse(writer.isShared());
            assertEquals(List.of(1, 2, 3, 4), new ArrayList<>(other));
        }
    }

    // CowList: List's sequenced defaults, inherited

    @Test
    void cowListSequencedDefaultsMatchArrayListOnFreshAndSharedHandles() {
        List<Consumer<List<String>>> ops = List.of(
                l -> l.addFirst("first"),
                l -> l.addLast("last"),
                l -> l.removeFirst(),
                l -> l.removeLast(),
                l -> l.reversed().add("appendedToTheFront"),
                l -> l.reversed().set(0, "x"),
                l -> l.reversed().removeFirst(),
                l -> l.reversed().subList(1, 3).clear(),
                l -> l.reversed().sort(null));
        for (boolean shared : new boolean[] {false, true}) {
            for (Consumer<List<String>> op : ops) {
                ArrayList<String> model = new ArrayList<>(List.of("a", "b", "c", "d"));
                CowList<String> list = new CowList<>(model);
                CowList<String> other = shared ? list.copy() : null;
                op.accept(model);
                op.accept(list);
                assertEquals(model, list);
                assertEquals(model.reversed(), list.reversed());
                assertEquals(model.getFirst(), list.getFirst());
                assertEquals(model.getLast(), list.getLast());
                assertFalse(list.isShared());
                if (shared) {
                    assertEquals(List.of("a", "b", "c", "d"), other);
                }
            }
        }
        assertThrows(NoSuchElementException.class, () -> new CowList<String>().removeLast());
        assertThrows(NoSuchElementException.class, () -> new CowList<String>().getFirst());
    }
}

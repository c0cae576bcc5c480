package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of map operations over four {@code CowTreeMap} handles that copy each other,
 * each with its own {@code TreeMap} model, at the smallest node width so that a few dozen keys
 * make a tree of three or four levels that splits, merges and borrows. Writes go through the map
 * and through every kind of view (sub-, head-, tail- and descending maps, key sets, entry sets
 * and their iterators), polls included. After every step each handle must equal its model entry
 * for entry, by reference, in both directions, answer navigation and range queries as the model
 * does, and have a well-formed tree ({@link TreeInvariants}); a step that changed nothing must
 * have left the handle's tree and epoch as they were, and a step on an unshared handle must have
 * written in place.
 */
class CowTreeMapProperties {

    private static final int HANDLES = 4;
    private static final int KEYS = 48;

    /** One step: what to do, on which handle, with which arguments. */
    record Step(Kind kind, int slot, int other, int key, int key2, Integer value) {
        @Override
        public String toString() {
            return kind + "(slot " + slot + ", other " + other + ", key " + key + ", key2 " + key2 + ", value " + value + ")";
        }
    }

    enum Kind {
        PUT, PUT_SAME, REMOVE, PUT_IF_ABSENT, REPLACE, COMPUTE, COMPUTE_IF_ABSENT, MERGE, COMPUTE_THROWS,
        POLL_FIRST, POLL_LAST, SUBMAP_PUT, SUBMAP_CLEAR, HEADMAP_POLL_LAST, TAILMAP_REMOVE, DESCENDING_POLL_FIRST,
        DESCENDING_KEYS_REMOVE, ITERATOR_REMOVE_EVERY_DTH, DESCENDING_ITERATOR_REMOVE_EVERY_DTH, SET_VALUE_EVERY_DTH,
        RANGE_REMOVE_IF, REPLACE_ALL, CLEAR, COPY, PUT_ALL_FROM, COPY_INSIDE_COMPUTE, ROUND_TRIP
    }

    @Property(tries = 1000)
    void everyHandleBehavesAsItsOwnTreeMap(@ForAll("steps") List<Step> steps) {
        Pool pool = new Pool();
        for (Step step : steps) {
            pool.apply(step);
            pool.checkAll(step);
        }
        Statistics.label("largest height").collect(pool.largestHeight);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Kind.PUT)), Tuple.of(12, Arbitraries.of(Kind.values())));
        Arbitrary<Integer> slots = Arbitraries.integers().between(0, HANDLES - 1);
        Arbitrary<Integer> keys = Arbitraries.integers().between(0, KEYS - 1);
        Arbitrary<Integer> values = Arbitraries.of(1, 2, 3, 1000, 1001);
        return Combinators.combine(kinds, slots, slots, keys, keys, values)
                .as((kind, slot, other, key, key2, value) -> new Step(kind, slot, other, key, key2, value == 1000 ? null : value))
                .list().ofMinSize(20).ofMaxSize(200);
    }

    /** The handles, their models, and what the last step saw of each handle. */
    static final class Pool {
        final List<CowTreeMap<Integer, Integer>> handles = new ArrayList<>();
        final List<TreeMap<Integer, Integer>> models = new ArrayList<>();
        int largestHeight;

        Pool() {
            CowTreeMap<Integer, Integer> first = new CowTreeMap<>(null, BPlusTree.MIN_WIDTH);
            for (int k = 0; k < KEYS; k += 3) {
                first.put(k, k);
            }
            for (int i = 0; i < HANDLES; i++) {
                handles.add(i == 0 ? first : first.copy());
                models.add(new TreeMap<>(first));
            }
        }

        void apply(Step step) {
            CowTreeMap<Integer, Integer> handle = handles.get(step.slot);
            TreeMap<Integer, Integer> model = models.get(step.slot);
            switch (step.kind) {
                case COPY -> {
                    handles.set(step.other, handle.copy());
                    models.set(step.other, new TreeMap<>(model));
                    return;
                }
                case PUT_ALL_FROM -> {
                    CowTreeMap<Integer, Integer> source = handles.get(step.other);
                    TreeMap<Integer, Integer> sourceModel = new TreeMap<>(models.get(step.other));
                    write(step, m -> {
                        m.putAll(m instanceof CowTreeMap ? source : sourceModel);
                        return null;
                    });
                    return;
                }
                case COPY_INSIDE_COMPUTE -> {
                    // The function copies the handle before the write lands: the copy must not see it.
                    Integer[] copiedAt = {null};
                    List<Integer> seen = new ArrayList<>();
                    handle.compute(step.key, (k, old) -> {
                        handles.set(step.other == step.slot ? (step.slot + 1) % HANDLES : step.other, handle.copy());
                        seen.add(old);
                        return step.value;
                    });
                    int target = step.other == step.slot ? (step.slot + 1) % HANDLES : step.other;
                    models.set(target, new TreeMap<>(model));
                    model.compute(step.key, (k, old) -> {
                        copiedAt[0] = old;
                        return step.value;
                    });
                    assertSame(copiedAt[0], seen.get(0), "compute saw the old value");
                    return;
                }
                case ROUND_TRIP -> {
                    CowTreeMap<Integer, Integer> read = HandlePool.roundTrip(handle);
                    assertEquals(model, read, "a round trip keeps the mappings");
                    handles.set(step.slot, read);
                    models.set(step.slot, new TreeMap<>(read));
                    return;
                }
                default -> write(step, m -> operate(step, m));
            }
        }

        /**
         * Runs {@code operation} on the model, then on the handle: same result or same exception
         * class; a step that left the model's entries the same references must not have touched
         * the handle's tree, and a step on an unshared handle must not have moved it to a new epoch.
         */
        private void write(Step step, Function<NavigableMap<Integer, Integer>, Object> operation) {
            CowTreeMap<Integer, Integer> handle = handles.get(step.slot);
            TreeMap<Integer, Integer> model = models.get(step.slot);
            List<Object> before = entries(model);
            TreeNode rootBefore = handle.root;
            RefCount epochBefore = handle.epochForTesting();
            boolean sharedBefore = handle.isShared();
            Object expected = outcome(() -> operation.apply(model));
            Object actual = outcome(() -> operation.apply(handle));
            assertResult(expected, actual, step);
            boolean changed = !HandlePool.sameReferences(before, entries(model));
            if (!changed && step.kind != Kind.PUT_ALL_FROM) {
                assertSame(rootBefore, handle.root, step + " changed nothing and must not copy");
                assertSame(epochBefore, handle.epochForTesting(), step + " changed nothing and must keep its epoch");
            }
            if (changed && !sharedBefore && step.kind != Kind.PUT_ALL_FROM && step.kind != Kind.CLEAR) {
                assertSame(epochBefore, handle.epochForTesting(), step + " on an unshared handle writes in place");
                assertFalse(handle.isShared(), step + " on an unshared handle leaves it unshared");
            }
        }

        private static void assertResult(Object expected, Object actual, Step step) {
            if (expected instanceof Map.Entry<?, ?> e && actual instanceof Map.Entry<?, ?> a) {
                assertSame(e.getKey(), a.getKey(), step + " entry key");
                assertSame(e.getValue(), a.getValue(), step + " entry value");
            } else if (expected instanceof Class<?> || expected instanceof List<?>) {
                assertEquals(expected, actual, step + " result");
            } else {
                assertSame(expected, actual, step + " result");
            }
        }

        private static Object outcome(java.util.function.Supplier<Object> call) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                return e.getClass();
            }
        }

        @SuppressWarnings("unchecked")
        private static Object operate(Step s, NavigableMap<Integer, Integer> m) {
            int lo = Math.min(s.key, s.key2);
            int hi = Math.max(s.key, s.key2);
            int d = 1 + s.key2 % 4;
            return switch (s.kind) {
                case PUT -> m.put(s.key, s.value);
                case PUT_SAME -> m.isEmpty() ? null : m.put(m.ceilingKey(s.key) == null ? m.firstKey() : m.ceilingKey(s.key),
                        m.get(m.ceilingKey(s.key) == null ? m.firstKey() : m.ceilingKey(s.key)));
                case REMOVE -> m.remove(s.key);
                case PUT_IF_ABSENT -> m.putIfAbsent(s.key, s.value);
                case REPLACE -> m.replace(s.key, s.value);
                case COMPUTE -> m.compute(s.key, (k, old) -> s.value);
                case COMPUTE_IF_ABSENT -> m.computeIfAbsent(s.key, k -> s.value);
                case MERGE -> m.merge(s.key, 7, (old, given) -> s.value);
                case COMPUTE_THROWS -> m.compute(s.key, (k, old) -> {
                    throw new IllegalStateException("remapping function throws");
                });
                case POLL_FIRST -> m.pollFirstEntry();
                case POLL_LAST -> m.pollLastEntry();
                case SUBMAP_PUT -> m.subMap(lo, true, hi, true).put(s.key, s.value);
                case SUBMAP_CLEAR -> {
                    m.subMap(lo, true, hi, false).clear();
                    yield null;
                }
                case HEADMAP_POLL_LAST -> m.headMap(s.key, s.key2 % 2 == 0).pollLastEntry();
                case TAILMAP_REMOVE -> m.tailMap(s.key2, s.key % 2 == 0).remove(s.key);
                case DESCENDING_POLL_FIRST -> m.descendingMap().pollFirstEntry();
                case DESCENDING_KEYS_REMOVE -> m.descendingKeySet().remove(s.key);
                case ITERATOR_REMOVE_EVERY_DTH -> removeEveryDth(m.subMap(lo, true, hi, true).entrySet().iterator(), d);
                case DESCENDING_ITERATOR_REMOVE_EVERY_DTH -> removeEveryDth(m.descendingMap().keySet().iterator(), d);
                case SET_VALUE_EVERY_DTH -> {
                    List<Object> returned = new ArrayList<>();
                    int i = 0;
                    for (Map.Entry<Integer, Integer> e : m.tailMap(lo, true).entrySet()) {
                        returned.add(e.setValue(i++ % d == 0 ? s.value : e.getValue()));
                    }
                    yield returned;
                }
                case RANGE_REMOVE_IF -> m.headMap(hi, true).values().removeIf(v -> Objects.equals(v, s.value));
                case REPLACE_ALL -> {
                    m.replaceAll((k, v) -> k % d == 0 ? s.value : v);
                    yield null;
                }
                case CLEAR -> {
                    m.clear();
                    yield null;
                }
                default -> throw new AssertionError(s.kind);
            };
        }

        private static Object removeEveryDth(Iterator<?> it, int d) {
            int i = 0;
            List<Object> seen = new ArrayList<>();
            while (it.hasNext()) {
                Object next = it.next();
                seen.add(next instanceof Map.Entry<?, ?> e ? e.getKey() : next);
                if (i++ % d == 0) {
                    it.remove();
                }
            }
            return seen;
        }

        static List<Object> entries(Map<Integer, Integer> map) {
            List<Object> entries = new ArrayList<>();
            map.forEach((k, v) -> {
                entries.add(k);
                entries.add(v);
            });
            return entries;
        }

        void checkAll(Step step) {
            for (int i = 0; i < HANDLES; i++) {
                CowTreeMap<Integer, Integer> handle = handles.get(i);
                TreeMap<Integer, Integer> model = models.get(i);
                String which = "handle " + i + " after " + step;
                TreeInvariants.check(handle);
                largestHeight = Math.max(largestHeight, handle.height);
                assertEquals(model, handle, which);
                assertEquals(handle, model, which);
                assertEquals(model.hashCode(), handle.hashCode(), which);
                assertEquals(model.toString(), handle.toString(), which);
                assertTrue(HandlePool.sameReferences(entries(model), entries(handle)), which + ": the very same entries in order");
                assertEquals(new ArrayList<>(model.descendingMap().entrySet()), new ArrayList<>(handle.descendingMap().entrySet()),
                        which + " descending");
                int lo = step.key < step.key2 ? step.key : step.key2;
                int hi = step.key < step.key2 ? step.key2 : step.key;
                assertEquals(new ArrayList<>(model.subMap(lo, false, hi, true).entrySet()),
                        new ArrayList<>(handle.subMap(lo, false, hi, true).entrySet()), which + " subMap");
                assertEquals(model.subMap(lo, true, hi, false).size(), handle.subMap(lo, true, hi, false).size(), which + " subMap size");
                assertEquals(new ArrayList<>(model.descendingMap().headMap(lo, true).keySet()),
                        new ArrayList<>(handle.descendingMap().headMap(lo, true).keySet()), which + " descending head");
                for (int k = -1; k <= KEYS; k += 5) {
                    assertEquals(model.ceilingKey(k), handle.ceilingKey(k), which + " ceilingKey " + k);
                    assertEquals(model.floorKey(k), handle.floorKey(k), which + " floorKey " + k);
                    assertEquals(model.higherEntry(k), handle.higherEntry(k), which + " higherEntry " + k);
                    assertEquals(model.lowerEntry(k), handle.lowerEntry(k), which + " lowerEntry " + k);
                    assertEquals(model.containsKey(k), handle.containsKey(k), which + " containsKey " + k);
                    assertSame(model.get(k), handle.get(k), which + " get " + k);
                }
                assertEquals(model.firstEntry(), handle.firstEntry(), which);
                assertEquals(model.lastEntry(), handle.lastEntry(), which);
                for (int j = 0; j < i; j++) {
                    if (handles.get(j).root == handle.root && handle.root != null) {
                        assertTrue(handle.isShared() && handles.get(j).isShared(), "handles on one tree are shared");
                        assertNotSame(null, handle.root);
                    }
                }
            }
        }
    }
}

package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of {@link CowMapProperties}: a few {@code CowMap} handles that copy each other, each
 * with a {@code LinkedHashMap} model, and the {@link ShareModel} of their buffers. A call changed
 * a handle when its model's keys and values afterwards differ from before by reference (see
 * {@link HandlePool}): a value replaced by an equal object is a change, by the same object is
 * not. The one call with sharing of its own is {@code putAll} of another handle into an empty
 * map, which gives the empty buffer back and shares the other handle's buffer, as its Javadoc
 * says.
 *
 * <p>It also notes what happened to collision trees along the way, for the property's statistics.
 */
final class MapPool extends HandlePool<Map<Object, Object>, CowMap<Object, Object>> {

    /** The values, {@code null} and Integers; 128 to 131 twice each, as equal objects that are not the same. */
    static final List<Object> VALUES;

    static {
        List<Object> values = new ArrayList<>(Arrays.asList(null, 126, 127));
        for (int n = 128; n <= 131; n++) {
            Integer first = Integer.valueOf(n);
            Integer second = Integer.valueOf(n);
            assertTrue(first != second, "Integers above 127 are not cached, so two equal values can be two objects");
            values.add(first);
            values.add(second);
        }
        VALUES = Collections.unmodifiableList(values);
    }

    /** Keys that no map ever holds, beside the ones of {@link CollidingKeys#UNIVERSE} a map lacks. */
    private static final List<Object> NEVER_PRESENT = List.of(
            new CollidingKeys.Plain(99, 0), new CollidingKeys.Ordered(99, 7), 1000, "0", "\u0007");

    private static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "ABSENT";
        }
    };

    private final int[] lastGroups = new int[HANDLES];
    private final int[] lastSizes = new int[HANDLES];
    private final RefCount[] lastCounts = new RefCount[HANDLES];
    private final boolean[] lastShared = new boolean[HANDLES];
    private boolean treeFormed;
    private boolean treeGrew;
    private boolean treeShrank;
    private boolean treeDetached;
    private boolean wentPaged;
    private boolean wentFlat;
    private final boolean[] lastPaged = new boolean[HANDLES];

    MapPool() {
        super(initial(), CowMap::copy, CowMap::refCount, MapPool::layout, MapPool::entries, LinkedHashMap::new);
    }

    /**
     * What comes with a table's count: nothing for a flat table, whose count outlives its
     * rebuilds; the index pages of a paged one, whose every rebuild takes new ones and a new
     * directory as its count.
     */
    static Object layout(CompactHashTable table) {
        return table.indexPages;
    }

    /** Eight keys of hash 7, one short of a tree, four of hash 0 (null among them), and two more. */
    private static CowMap<Object, Object> initial() {
        CowMap<Object, Object> map = new CowMap<>();
        Object[] keys = {
            7, new CollidingKeys.Plain(0, 7), new CollidingKeys.Ordered(0, 7), new CollidingKeys.Plain(1, 7),
            null, new CollidingKeys.Ordered(1, 7), new CollidingKeys.Plain(2, 7), 0, new CollidingKeys.Ordered(2, 7),
            new CollidingKeys.Plain(3, 7), new CollidingKeys.Plain(0, 0), 1, new CollidingKeys.Ordered(0, 0), 2,
        };
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], VALUES.get(i % VALUES.size()));
        }
        return map;
    }

    /** Keys and values alternating, in iteration order. */
    static List<Object> entries(Map<Object, Object> map) {
        List<Object> entries = new ArrayList<>(2 * map.size());
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            entries.add(e.getKey());
            entries.add(e.getValue());
        }
        return entries;
    }

    /** An equal value that is another object, or the value itself when it has no such twin. */
    static Object twin(Object value) {
        for (Object candidate : VALUES) {
            if (candidate != value && Objects.equals(candidate, value)) {
                return candidate;
            }
        }
        return value;
    }

    /**
     * {@code putAll} of the handle in {@code source}: into an empty map it shares the source's
     * buffer (giving the empty one back); otherwise it is a write like any other.
     */
    void putAllFrom(int slot, int source) {
        CowMap<Object, Object> handle = handle(slot);
        CowMap<Object, Object> other = handle(source);
        boolean adopts = slot != source && handle.isEmpty() && !other.isEmpty();
        Map<Object, Object> sourceModel = new LinkedHashMap<>(model(source));
        boolean changed = changes(slot, m -> m.putAll(sourceModel));
        handle.putAll(other);
        if (adopts) {
            shares().releasedAndCopied(source, slot);
        } else {
            shares().expectDetach(slot, changed, false);
        }
    }

    /** The invariant checked after every step. */
    void checkEveryHandle() {
        for (int i = 0; i < HANDLES; i++) {
            CowMap<Object, Object> handle = handle(i);
            notePaging(i, handle.isPaged());
            Map<Object, Object> model = model(i);
            String which = "handle " + i;
            assertEquals(model, handle, which);
            assertEquals(handle, model, which);
            assertTrue(sameReferences(entries(model), entries(handle)), which + " holds the very same keys and values, in order");
            assertTrue(sameReferences(new ArrayList<>(model.keySet()), new ArrayList<>(handle.keySet())), which + " keySet order");
            assertTrue(sameReferences(new ArrayList<>(model.values()), new ArrayList<>(handle.values())), which + " values order");
            assertTrue(sameReferences(Arrays.asList(model.keySet().toArray()), Arrays.asList(handle.keySet().toArray())),
                    which + " keySet().toArray()");
            assertTrue(sameReferences(Arrays.asList(model.values().toArray()), Arrays.asList(handle.values().toArray())),
                    which + " values().toArray()");
            List<Object> visited = new ArrayList<>();
            handle.forEach((k, v) -> {
                visited.add(k);
                visited.add(v);
            });
            assertTrue(sameReferences(entries(model), visited), which + " forEach order");
            assertTrue(sameReferences(entries(model), handle.entrySet().stream()
                    .flatMap(e -> Arrays.asList(e.getKey(), e.getValue()).stream()).toList()), which + " entrySet().stream() order");
            assertEquals(model.entrySet(), handle.entrySet(), which + " entrySet()");
            assertEquals(handle.entrySet(), model.entrySet(), which + " entrySet()");
            assertEquals(model.entrySet().hashCode(), handle.entrySet().hashCode(), which + " entrySet().hashCode()");
            assertEquals(model.keySet(), handle.keySet(), which + " keySet()");
            assertEquals(handle.keySet(), model.keySet(), which + " keySet()");
            assertEquals(model.size(), handle.size(), which);
            assertEquals(model.isEmpty(), handle.isEmpty(), which);
            assertEquals(model.hashCode(), handle.hashCode(), which + " hashCode");
            assertEquals(model.toString(), handle.toString(), which + " toString");
            checkLookups(model, handle, which);
            shares().check(i, handle.isShared(), handle.isPaged(), which);
            for (int j = 0; j < i; j++) {
                assertEquals(model(j).equals(model), handle(j).equals(handle), "handles " + j + " and " + i + " are equal as their models are");
            }
            noteTrees(i, handle);
        }
    }

    private static void checkLookups(Map<Object, Object> model, CowMap<Object, Object> handle, String which) {
        for (Object key : CollidingKeys.UNIVERSE) {
            for (Object probe : new Object[] {key, CollidingKeys.equalCopy(key)}) {
                assertSame(model.get(probe), handle.get(probe), which + " get(" + probe + ")");
                assertEquals(model.containsKey(probe), handle.containsKey(probe), which + " containsKey(" + probe + ")");
                assertSame(model.getOrDefault(probe, ABSENT), handle.getOrDefault(probe, ABSENT), which + " getOrDefault(" + probe + ")");
                assertEquals(model.keySet().contains(probe), handle.keySet().contains(probe), which + " keySet().contains(" + probe + ")");
            }
            if (model.containsKey(key)) {
                Map.Entry<Object, Object> entry = new AbstractMap.SimpleEntry<>(key, model.get(key));
                assertTrue(handle.entrySet().contains(entry), which + " entrySet().contains(" + entry + ")");
            }
        }
        for (Object key : NEVER_PRESENT) {
            assertEquals(false, handle.containsKey(key), which + " containsKey(" + key + ")");
            assertSame(ABSENT, handle.getOrDefault(key, ABSENT), which + " getOrDefault(" + key + ")");
        }
        Collection<Object> values = handle.values();
        for (Object value : VALUES) {
            assertEquals(model.containsValue(value), handle.containsValue(value), which + " containsValue(" + value + ")");
            assertEquals(model.containsValue(value), values.contains(value), which + " values().contains(" + value + ")");
        }
    }

    private void notePaging(int slot, boolean paged) {
        wentPaged |= paged && !lastPaged[slot];
        wentFlat |= !paged && lastPaged[slot];
        lastPaged[slot] = paged;
    }

    /** Whether a handle moved into pages and a handle moved out of them in this sequence. */
    boolean crossedThePagingThresholdBothWays() {
        return wentPaged && wentFlat;
    }

    /** Notes, for statistics, what the last step did to the collision trees of the handle in {@code slot}. */
    private void noteTrees(int slot, CowMap<Object, Object> handle) {
        int groups = CollidingKeys.collisionGroups(handle);
        RefCount count = handle.refCount();
        if (groups > 0) {
            treeFormed = true;
            if (lastGroups[slot] > 0) {
                treeGrew |= handle.size() > lastSizes[slot];
                treeShrank |= handle.size() < lastSizes[slot];
                treeDetached |= lastShared[slot] && lastCounts[slot] != count && (handle.isPaged() || !handle.isShared());
            }
        }
        lastGroups[slot] = groups;
        lastSizes[slot] = handle.size();
        lastCounts[slot] = count;
        lastShared[slot] = handle.isShared();
    }

    /** What happened to collision trees in this sequence: formed, grew, shrank, detached (a tree copied). */
    List<Boolean> treeHistory() {
        return List.of(treeFormed, treeGrew, treeShrank, treeDetached);
    }
}

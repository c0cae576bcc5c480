package dev.cowcollections;

import static dev.cowcollections.CowMapSharingTest.assertSameMappingsInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Keys whose hash codes collide, exactly or in the bits the table uses, against a {@code HashMap}
 * or {@code LinkedHashMap} model: the map stays correct through groups, removals, copies and
 * rebuilds, and colliding {@code Comparable} keys cost O(log n) comparisons, not O(n).
 */
class CowMapCollisionTest {

    private static final int MANY = 20_000;
    private static final int SAME_HASH = 42;

    /** A key with a chosen hash code, ordered by id, that counts the equals and compareTo calls made on it. */
    static final class Key implements Comparable<Key> {
        final int id;
        final int hash;
        final long[] calls;

        Key(int id, int hash, long[] calls) {
            this.id = id;
            this.hash = hash;
            this.calls = calls;
        }

        Key(int id, int hash) {
            this(id, hash, new long[1]);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            calls[0]++;
            return o instanceof Key && ((Key) o).id == id && ((Key) o).hash == hash;
        }

        @Override
        public int compareTo(Key other) {
            calls[0]++;
            return Integer.compare(id, other.id);
        }

        @Override
        public String toString() {
            return "k" + id;
        }
    }

    /** A colliding key that is not {@code Comparable}: the tree can only tell it apart with equals. */
    static final class OpaqueKey {
        final int id;
        final int hash;

        OpaqueKey(int id, int hash) {
            this.id = id;
            this.hash = hash;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OpaqueKey && ((OpaqueKey) o).id == id && ((OpaqueKey) o).hash == hash;
        }

        @Override
        public String toString() {
            return "o" + id;
        }
    }

    private static List<Integer> shuffled(int n, long seed) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, new Random(seed));
        return ids;
    }

    /** Checks every key of {@code model}, and {@code absent} keys, against {@code map}. */
    private static <K> void assertAgrees(Map<K, Integer> model, CowMap<K, Integer> map, List<K> absent) {
        assertEquals(model.size(), map.size());
        for (Map.Entry<K, Integer> e : model.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey()), () -> "get " + e.getKey());
            assertTrue(map.containsKey(e.getKey()));
        }
        for (K key : absent) {
            assertFalse(map.containsKey(key), () -> "absent " + key);
            assertNull(map.get(key));
        }
        assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(map.keySet()), "iteration order");
        assertEquals(model, map);
    }

    @Test
    void twentyThousandKeysOfOneHashCodeBehaveAsInALinkedHashMap() {
        Map<Key, Integer> model = new LinkedHashMap<>();
        CowMap<Key, Integer> map = new CowMap<>();
        for (int id : shuffled(MANY, 1)) {
            Key key = new Key(id, SAME_HASH);
            assertEquals(model.put(key, id), map.put(key, id));
        }
        List<Key> absent = List.of(new Key(-1, SAME_HASH), new Key(MANY, SAME_HASH), new Key(5, SAME_HASH + 1));
        assertAgrees(model, map, absent);

        for (int id = 0; id < MANY; id += 2) {
            Key key = new Key(id, SAME_HASH);
            assertEquals(model.remove(key), map.remove(key));
        }
        for (int id = 0; id < MANY; id += 3) {
            Key key = new Key(id, SAME_HASH);
            assertEquals(model.put(key, -id), map.put(key, -id), "re-put after remove or overwrite");
        }
        assertAgrees(model, map, absent);

        for (Key key : new ArrayList<>(model.keySet())) {
            assertEquals(model.remove(key), map.remove(key));
        }
        assertTrue(map.isEmpty());
        assertAgrees(model, map, List.of(new Key(0, SAME_HASH), new Key(1, SAME_HASH)));

        for (int id = MANY - 1; id >= 0; id--) {
            Key key = new Key(id, SAME_HASH);
            assertEquals(model.put(key, id), map.put(key, id), "back from empty");
        }
        assertAgrees(model, map, absent);
    }

    @Test
    void aWriteToACopyOfCollidingKeysLeavesTheSiblingIntact() {
        CowMap<Key, Integer> map = new CowMap<>();
        for (int id : shuffled(3_000, 2)) {
            map.put(new Key(id, SAME_HASH), id);
        }
        Map<Key, Integer> before = new LinkedHashMap<>(map);
        CowMap<Key, Integer> copy = map.copy();
        Map<Key, Integer> copyModel = new LinkedHashMap<>(before);

        for (int id = 0; id < 3_000; id += 5) {
            Key key = new Key(id, SAME_HASH);
            copy.remove(key);
            copyModel.remove(key);
        }
        for (int id = 3_000; id < 3_500; id++) {
            Key key = new Key(id, SAME_HASH);
            copy.put(key, id);
            copyModel.put(key, id);
        }

        assertAgrees(copyModel, copy, List.of(new Key(0, SAME_HASH)));
        assertAgrees(before, map, List.of(new Key(3_000, SAME_HASH)));
        CowMapSharingTest.assertSoleHolder(map, "the copy detached");
    }

    /**
     * Many groups of colliding keys next to keys that spread, in a map that starts empty, so that
     * it grows through many rebuilds and compacts the tombstones of removals as it goes.
     */
    @Test
    void groupsOfCollidingKeysSurviveGrowthAndTombstoneCompaction() {
        Map<Key, Integer> model = new LinkedHashMap<>();
        CowMap<Key, Integer> map = new CowMap<>();
        Random random = new Random(3);
        for (int step = 0; step < 60_000; step++) {
            int id = random.nextInt(8_000);
            // A third of the keys spread; the others fall into 40 groups of one exact hash each.
            int hash = id % 3 == 0 ? id * 31 : 1000 + id % 40;
            Key key = new Key(id, hash);
            if (random.nextInt(3) == 0) {
                assertEquals(model.remove(key), map.remove(key));
            } else {
                assertEquals(model.put(key, step), map.put(key, step));
            }
        }
        assertAgrees(model, map, List.of(new Key(8_000, 1000), new Key(8_001, 1001)));
    }

    @Test
    void collidingKeysThatAreNotComparableAreStillFound() {
        Map<OpaqueKey, Integer> model = new LinkedHashMap<>();
        CowMap<OpaqueKey, Integer> map = new CowMap<>();
        for (int id : shuffled(1_500, 4)) {
            OpaqueKey key = new OpaqueKey(id, SAME_HASH);
            assertEquals(model.put(key, id), map.put(key, id));
        }
        for (int id = 0; id < 1_500; id += 4) {
            OpaqueKey key = new OpaqueKey(id, SAME_HASH);
            assertEquals(model.remove(key), map.remove(key));
        }
        CowMap<OpaqueKey, Integer> copy = map.copy();
        copy.put(new OpaqueKey(9_999, SAME_HASH), 0);
        assertAgrees(model, map, List.of(new OpaqueKey(0, SAME_HASH), new OpaqueKey(9_999, SAME_HASH)));
        assertEquals(model.size() + 1, copy.size());
    }

    /** Keys of several classes whose hash code is 0, the null key's, in one group. */
    @Test
    void keysOfDifferentClassesAndTheNullKeyShareAHashCode() {
        List<Object> keys = new ArrayList<>(Arrays.asList(null, 0, 0L, "", 0.0f, 0.0d, (short) 0));
        for (int id = 0; id < 40; id++) {
            keys.add(new Key(id, 0));
            keys.add(new OpaqueKey(id, 0));
        }
        Collections.shuffle(keys, new Random(5));
        Map<Object, Integer> model = new LinkedHashMap<>();
        CowMap<Object, Integer> map = new CowMap<>();
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(model.put(keys.get(i), i), map.put(keys.get(i), i));
        }
        assertAgrees(model, map, List.of(new Key(40, 0), new OpaqueKey(40, 0), (byte) 0));
        for (int i = 0; i < keys.size(); i += 2) {
            assertEquals(model.remove(keys.get(i)), map.remove(keys.get(i)));
        }
        assertEquals(model.containsKey(null), map.containsKey(null));
        assertAgrees(model, map, List.of(new Key(40, 0)));
        map.put(null, -1);
        model.put(null, -1);
        assertAgrees(model, map, List.of());
    }

    /**
     * Builds a map of {@code count} keys with the given hash codes, removes every other one, and
     * checks it against a model; returns the equals and compareTo calls that looking up every
     * key made.
     */
    private static long agreesAndCountsLookups(int count, IntUnaryOperator hashOf) {
        long[] calls = new long[1];
        Map<Key, Integer> model = new LinkedHashMap<>();
        CowMap<Key, Integer> map = new CowMap<>();
        for (int id = 0; id < count; id++) {
            Key key = new Key(id, hashOf.applyAsInt(id), calls);
            model.put(key, id);
            map.put(key, id);
        }
        for (int id = 0; id < count; id += 2) {
            Key key = new Key(id, hashOf.applyAsInt(id), calls);
            assertEquals(model.remove(key), map.remove(key));
        }
        assertAgrees(model, map, List.of(new Key(0, hashOf.applyAsInt(0)), new Key(count, hashOf.applyAsInt(1))));
        calls[0] = 0;
        for (int id = 0; id < count; id++) {
            assertEquals(id % 2 == 1, map.containsKey(new Key(id, hashOf.applyAsInt(id), calls)));
        }
        return calls[0];
    }

    /**
     * Distinct hash codes whose low bits are all zero. With the home slot taken from those low
     * bits, every key would land in one run of slots and a lookup would compare its key with
     * thousands of others; spread, a hit compares with about one key and a miss with none.
     */
    @Test
    void distinctHashCodesThatDifferOnlyInTheirHighBitsSpread() {
        Map<String, IntUnaryOperator> hashes = new LinkedHashMap<>();
        hashes.put("i << 16", i -> i << 16);
        hashes.put("bit-reversed i", Integer::reverse);
        hashes.put("multiples of 2^17", i -> i * (1 << 17));
        for (Map.Entry<String, IntUnaryOperator> hash : hashes.entrySet()) {
            long calls = agreesAndCountsLookups(MANY, hash.getValue());
            assertTrue(calls < 2L * MANY, hash.getKey() + ": " + calls + " key comparisons for " + MANY + " lookups");
        }
        long calls = agreesAndCountsLookups(256, i -> i << 24);
        assertTrue(calls < 2L * 256, "i << 24: " + calls + " key comparisons for 256 lookups");
    }

    /** Hash codes that wrap around to a few values form large groups of exact collisions. */
    @Test
    void highBitHashCodesThatWrapIntoFewValuesFormCorrectGroups() {
        agreesAndCountsLookups(MANY, i -> i << 24);
        agreesAndCountsLookups(MANY, i -> i * (1 << 28));
        agreesAndCountsLookups(MANY, i -> i * (1 << 31));
    }

    /**
     * Counts equals and compareTo calls to insert {@code MANY} keys of one hash code in the given
     * order of ids, then to look each one up.
     */
    private static long[] comparisonsToInsertAndFind(String order, IntFunction<Integer> idAt) {
        long[] calls = new long[1];
        CowMap<Key, Integer> map = new CowMap<>();
        for (int i = 0; i < MANY; i++) {
            map.put(new Key(idAt.apply(i), SAME_HASH, calls), i);
        }
        long inserting = calls[0];
        calls[0] = 0;
        for (int id = 0; id < MANY; id++) {
            assertTrue(map.containsKey(new Key(id, SAME_HASH, calls)), order);
        }
        return new long[] {inserting, calls[0]};
    }

    /**
     * A balanced search over {@code n = 20 000} keys is about {@code log2 n = 15} levels deep (a
     * random treap's average depth is about {@code 2 ln n = 20}), and each level costs an insert
     * at most three calls (equals and compareTo on the way down, compareTo to place the key) and
     * a lookup two, so a tree spends 30 to 60 calls per operation. A linear scan of one hash's
     * keys, as plain linear probing or a list bin would make, costs {@code n / 2 = 10 000} on
     * average. The bound of 100 leaves the tree room for bad luck and is a hundred times below
     * the scan, so no quadratic structure can pass it.
     */
    @Test
    void collidingComparableKeysCostLogarithmicallyManyComparisons() {
        List<Integer> random = shuffled(MANY, 6);
        Map<String, IntFunction<Integer>> orders = new LinkedHashMap<>();
        orders.put("ascending", i -> i);
        orders.put("descending", i -> MANY - 1 - i);
        orders.put("random", random::get);
        for (Map.Entry<String, IntFunction<Integer>> order : orders.entrySet()) {
            long[] calls = comparisonsToInsertAndFind(order.getKey(), order.getValue());
            assertTrue(calls[0] < 100L * MANY, order.getKey() + ": " + calls[0] / MANY + " calls per insert");
            assertTrue(calls[1] < 100L * MANY, order.getKey() + ": " + calls[1] / MANY + " calls per lookup");
        }
    }

    /**
     * An attacker who controls the keys and their order (the fields of a JSON object, say) and
     * has read this library's source can order colliding keys so that a tree whose shape follows
     * from insertion order alone degenerates into a list: here, with the ranks of the priorities
     * that a treap would derive from entry numbers by a fixed multiply, key order and heap order
     * agree and the treap would be a path, with recursion as deep as the map is large. Priorities
     * must be unknowable to the caller for the bound to hold whatever the order.
     */
    @Test
    void anInsertionOrderChosenFromTheSourceCannotDegenerateTheTree() {
        Integer[] entries = new Integer[MANY];
        for (int e = 0; e < MANY; e++) {
            entries[e] = e;
        }
        Arrays.sort(entries, Comparator.comparingInt(e -> (e + 1) * 0x9E3779B9));
        int[] idOfEntry = new int[MANY];
        for (int rank = 0; rank < MANY; rank++) {
            idOfEntry[entries[rank]] = rank;
        }
        long[] calls = comparisonsToInsertAndFind("adversarial", e -> idOfEntry[e]);
        assertTrue(calls[0] < 100L * MANY, calls[0] / MANY + " calls per insert");
        assertTrue(calls[1] < 100L * MANY, calls[1] / MANY + " calls per lookup");
    }

    @Test
    void theSameCollidingMappingsInAnotherOrderAreEqualButIterateDifferently() {
        CowMap<Key, Integer> forward = new CowMap<>();
        CowMap<Key, Integer> backward = new CowMap<>();
        for (int id = 0; id < 100; id++) {
            forward.put(new Key(id, SAME_HASH), id);
            backward.put(new Key(99 - id, SAME_HASH), 99 - id);
        }
        assertEquals(forward, backward);
        assertEquals(forward.hashCode(), backward.hashCode());
        assertFalse(forward.toString().equals(backward.toString()));
        assertSameMappingsInOrder(new LinkedHashMap<>(forward), forward);
    }
}

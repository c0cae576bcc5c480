package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sharing rules of SPEC.md as they apply to the tree: what a write copies, and what it must not. */
class CowTreeMapSharingTest {

    static CowTreeMap<Integer, Integer> identityMap(int width, int n) {
        CowTreeMap<Integer, Integer> map = new CowTreeMap<>(null, width);
        for (int i = 0; i < n; i++) {
            map.put(i, i);
        }
        return map;
    }

    /** The nodes of {@code map}'s tree that are not in {@code other}'s, by identity. */
    static int nodesNotIn(CowTreeMap<?, ?> map, CowTreeMap<?, ?> other) {
        java.util.Set<TreeNode> theirs = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        collect(other.root, theirs);
        java.util.Set<TreeNode> mine = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        collect(map.root, mine);
        mine.removeAll(theirs);
        return mine.size();
    }

    private static void collect(TreeNode node, java.util.Set<TreeNode> into) {
        if (node == null) {
            return;
        }
        into.add(node);
        if (node instanceof TreeInner inner) {
            for (int i = 0; i < inner.size; i++) {
                collect(inner.children[i], into);
            }
        }
    }

    @Test
    void copyIsConstantTimeAndSharesTheRoot() {
        CowTreeMap<Integer, Integer> map = identityMap(32, 100_000);
        assertFalse(map.isShared());
        CowTreeMap<Integer, Integer> copy = map.copy();
        assertSame(map.root, copy.root);
        assertTrue(map.isShared());
        assertTrue(copy.isShared());
        assertEquals(map, copy);
    }

    @Test
    void firstWriteAfterACopyCopiesOnlyThePathAndLaterWritesThereAreInPlace() {
        CowTreeMap<Integer, Integer> map = identityMap(32, 100_000);
        CowTreeMap<Integer, Integer> snapshot = map.copy();
        map.put(50_000, -1);
        assertEquals(map.height + 1, nodesNotIn(map, snapshot), "one node per level is copied");
        assertEquals(50_000, snapshot.get(50_000));
        assertEquals(-1, map.get(50_000));
        TreeNode root = map.root;
        map.put(50_001, -2);
        assertSame(root, map.root, "a write along the copied path is in place");
        assertEquals(map.height + 1, nodesNotIn(map, snapshot), "no further copies");
        assertTrue(map.isShared(), "the other paths are still shared");
        TreeInvariants.check(map);
        TreeInvariants.check(snapshot);
    }

    @Test
    void writesThatChangeNothingNeverCopy() {
        CowTreeMap<Integer, Integer> map = identityMap(4, 200);
        CowTreeMap<Integer, Integer> copy = map.copy();
        TreeNode root = map.root;
        Integer present = map.get(7);
        map.put(7, present);
        map.remove(-1);
        map.remove(1000);
        map.putIfAbsent(7, 99);
        map.computeIfAbsent(8, k -> 99);
        map.computeIfPresent(1000, (k, v) -> 99);
        map.replace(1000, 1);
        map.replace(7, 5, 6);
        map.remove(7, 8);
        map.subMap(300, 400).clear();
        map.headMap(0).clear();
        map.navigableKeySet().removeIf(k -> k > 1000);
        map.values().removeIf(v -> v < 0);
        map.replaceAll((k, v) -> v);
        map.descendingMap().tailMap(-5).clear();
        assertSame(root, map.root);
        assertSame(copy.root, map.root);
    }

    @Test
    void clearGivesTheShareBackSoTheSiblingWritesInPlaceAgain() {
        CowTreeMap<Integer, Integer> map = identityMap(32, 1_000);
        CowTreeMap<Integer, Integer> snapshot = map.copy();
        assertTrue(map.isShared());
        snapshot.clear();
        assertTrue(snapshot.isEmpty());
        assertFalse(map.isShared(), "the only other holder gave its share back");
        TreeNode root = map.root;
        map.put(5, -5);
        assertSame(root, map.root, "written in place");
    }

    @Test
    void aSnapshotThatWroteAndClearedGivesBothSharesBack() {
        CowTreeMap<Integer, Integer> map = identityMap(32, 1_000);
        CowTreeMap<Integer, Integer> snapshot = map.copy();
        snapshot.put(3, -3);
        snapshot.clear();
        assertFalse(map.isShared());
        TreeNode root = map.root;
        map.put(900, -900);
        assertSame(root, map.root);
    }

    @Test
    void aDroppedCopyCostsOnePathCopyPerPathNeverAWrongResult() {
        CowTreeMap<Integer, Integer> map = identityMap(32, 10_000);
        map.copy();
        map.put(1, -1);
        assertTrue(map.isShared(), "the dropped copy's share is never given back");
        TreeNode root = map.root;
        map.put(2, -2);
        assertSame(root, map.root, "the next write along the same path is in place");
        assertEquals(-1, map.get(1));
    }

    @Test
    void viewsBelongToTheirHandle() {
        CowTreeMap<Integer, Integer> map = identityMap(4, 100);
        CowTreeMap<Integer, Integer> copy = map.copy();
        NavigableMap<Integer, Integer> view = map.subMap(10, true, 20, true);
        view.put(15, -15);
        view.pollFirstEntry();
        view.descendingMap().entrySet().iterator().next().setValue(-20);
        map.navigableKeySet().remove(50);
        Iterator<Integer> it = map.descendingKeySet().iterator();
        it.next();
        it.remove();
        assertEquals(identityMap(4, 100), copy, "the sibling sees none of it");
        assertEquals(-15, map.get(15));
        assertNull(map.get(10));
        assertEquals(-20, map.get(20));
        assertFalse(map.containsKey(50));
        assertFalse(map.containsKey(99));
    }

    @Test
    void aThrowingComparatorLeavesEveryHandleUnchanged() {
        Comparator<Integer> throwsOn13 = (a, b) -> {
            if (a == 13 || b == 13) {
                throw new IllegalStateException("no 13");
            }
            return Integer.compare(a, b);
        };
        CowTreeMap<Integer, Integer> map = new CowTreeMap<>(throwsOn13, 4);
        for (int i = 0; i < 50; i++) {
            if (i != 13) {
                map.put(i, i);
            }
        }
        CowTreeMap<Integer, Integer> copy = map.copy();
        TreeMap<Integer, Integer> before = new TreeMap<>(map);
        TreeNode root = map.root;
        assertThrows(IllegalStateException.class, () -> map.put(13, 13));
        assertThrows(IllegalStateException.class, () -> map.remove(13));
        assertThrows(IllegalStateException.class, () -> map.merge(13, 1, Integer::sum));
        assertThrows(IllegalStateException.class, () -> copy.put(13, 13));
        assertSame(root, map.root);
        assertSame(root, copy.root);
        assertEquals(before, map);
        assertEquals(before, copy);
        TreeInvariants.check(map);
    }

    @Test
    void nullKeysAreRejectedInNaturalOrderAsTreeMapRejectsThem() {
        CowTreeMap<String, String> map = new CowTreeMap<>();
        assertThrows(NullPointerException.class, () -> map.put(null, "x"));
        map.put("a", null);
        assertThrows(NullPointerException.class, () -> map.get(null));
        assertThrows(NullPointerException.class, () -> map.containsKey(null));
        assertThrows(NullPointerException.class, () -> map.remove(null));
        assertTrue(map.containsKey("a"));
        assertNull(map.get("a"));
    }

    @Test
    void aRangeIteratorFindsItsPlaceAgainAfterEveryPathCopyAndRemoval() {
        CowTreeMap<Integer, Integer> map = identityMap(4, 60);
        TreeMap<Integer, Integer> model = new TreeMap<>(map);
        Iterator<Map.Entry<Integer, Integer>> it = map.subMap(7, true, 50, false).descendingMap().entrySet().iterator();
        List<Integer> seen = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<Integer, Integer> e = it.next();
            int key = e.getKey();
            seen.add(key);
            CowTreeMap<Integer, Integer> snapshot = map.copy();
            if (key % 3 == 0) {
                it.remove();
                model.remove(key);
            } else {
                e.setValue(-key);
                model.put(key, -key);
            }
            assertEquals(key, snapshot.get(key), "the snapshot keeps what the iterator wrote over");
        }
        assertEquals(IntStream.range(7, 50).map(i -> 56 - i).boxed().collect(Collectors.toList()), seen);
        assertEquals(model, map);
    }

    @Test
    void forEachShowsValuesTheActionWroteAheadOfItAcrossPathCopies() {
        for (int width : new int[] {4, 32}) {
            CowTreeMap<Integer, Integer> map = identityMap(width, 100);
            TreeMap<Integer, Integer> model = new TreeMap<>(map);
            List<Integer> seen = new ArrayList<>();
            List<Integer> expected = new ArrayList<>();
            List<CowTreeMap<Integer, Integer>> snapshots = new ArrayList<>();
            map.forEach((k, v) -> {
                seen.add(v);
                snapshots.add(map.copy());
                if (k % 10 == 0) {
                    map.put(k + 5, -(k + 5));
                }
            });
            model.forEach((k, v) -> {
                expected.add(v);
                if (k % 10 == 0) {
                    model.put(k + 5, -(k + 5));
                }
            });
            assertEquals(expected, seen, "width " + width);
            assertEquals(model, map);
            assertEquals(identityMap(width, 100), snapshots.get(0), "the first snapshot keeps every value");
        }
    }

    /**
     * After one write following a copy, the root is the map's own and the nodes away from that
     * write are not: a later write copies only the leaf (and inner nodes) it takes, under the
     * same root, so a walk that watched the root alone went on reading the old leaf.
     */
    @Test
    void walksShowValuesWrittenAheadWhenAWriteCopiesNodesUnderARootAlreadyOwned() {
        for (int width : new int[] {4, 32}) {
            for (int walk = 0; walk < 3; walk++) {
                CowTreeMap<Integer, Integer> map = identityMap(width, 100);
                CowTreeMap<Integer, Integer> snapshot = map.copy();
                map.put(99, -99);
                TreeMap<Integer, Integer> model = new TreeMap<>(map);
                List<Integer> seen = new ArrayList<>();
                if (walk == 0) {
                    map.forEach((k, v) -> {
                        seen.add(v);
                        writeAhead(map, k);
                    });
                } else if (walk == 1) {
                    for (Map.Entry<Integer, Integer> e : map.entrySet()) {
                        seen.add(e.getValue());
                        writeAhead(map, e.getKey());
                    }
                } else {
                    int k = 0;
                    for (Integer v : map.values()) {
                        seen.add(v);
                        writeAhead(map, k++);
                    }
                }
                List<Integer> expected = new ArrayList<>();
                model.forEach((k, v) -> {
                    expected.add(v);
                    writeAhead(model, k);
                });
                assertEquals(expected, seen, "width " + width + ", walk " + walk);
                assertEquals(model, map);
                assertEquals(identityMap(width, 100), snapshot);
            }
        }
    }

    /**
     * A range iterator at the end of a leaf, when a write under inner nodes the map already owns
     * copies the leaf that holds the range's end: the path it would climb now leads to that copy,
     * not to the leaf it took the end from, and it must still stop at the end (it walked on past
     * it, and then off its leaf's arrays). Every end, and a write of the end's key after every
     * step, both directions, at two node widths.
     */
    @Test
    void aRangeIteratorStopsAtItsEndWhenAWriteCopiesTheLeafThatHoldsIt() {
        int n = 64;
        for (int width : new int[] {4, 32}) {
            for (int end = 1; end < n - 1; end++) {
                for (boolean descending : new boolean[] {false, true}) {
                    int fenceKey = descending ? end - 1 : end;
                    int rangeSize = descending ? n - end : end;
                    for (int writeAt = 0; writeAt < rangeSize; writeAt++) {
                        CowTreeMap<Integer, Integer> map = identityMap(width, n);
                        CowTreeMap<Integer, Integer> snapshot = map.copy();
                        // The map now owns the root and the path to where the walk starts.
                        map.put(descending ? n - 1 : 0, -1);
                        NavigableMap<Integer, Integer> range = descending
                                ? map.tailMap(end, true).descendingMap() : map.headMap(end, false);
                        List<Integer> expected = new ArrayList<>(range.keySet());
                        List<Integer> seen = new ArrayList<>();
                        Iterator<Integer> it = range.keySet().iterator();
                        while (it.hasNext()) {
                            seen.add(it.next());
                            if (seen.size() == writeAt + 1) {
                                map.put(fenceKey, -fenceKey - 100);
                            }
                        }
                        String where = "width " + width + ", end " + end + (descending ? " descending" : "")
                                + ", write after " + (writeAt + 1);
                        assertEquals(expected, seen, where);
                        assertEquals(-fenceKey - 100, map.get(fenceKey), where);
                        assertEquals(identityMap(width, n), snapshot, where);
                    }
                }
            }
        }
    }

    /** Replaces the value of the key after {@code k} with its negation, at every third key. */
    private static void writeAhead(Map<Integer, Integer> map, int k) {
        if (k % 3 == 0 && k + 1 < 99) {
            map.put(k + 1, -(k + 1));
        }
    }

    @Test
    void removingTheLastEntryThroughAnIteratorEndsTheWalkEvenWhenTheTreeIsMendedInPlace() {
        CowTreeMap<Integer, Integer> map = new CowTreeMap<>();
        for (int k = 0; k <= 1024; k++) {
            map.put(2 * k, k);
        }
        map.remove(2048);
        map.put(1, 0);
        map.put(65, 0);
        for (int k = 1008; k <= 1023; k++) {
            map.remove(2 * k);
        }
        for (int k = 975; k <= 989; k++) {
            map.remove(2 * k);
        }
        TreeMap<Integer, Integer> model = new TreeMap<>(map);
        map.tailMap(2014).clear();
        model.tailMap(2014).clear();
        assertEquals(model, map);
    }

    @Test
    void iteratorsFailFastButNotOnCopiesOrSiblingWrites() {
        CowTreeMap<Integer, Integer> map = identityMap(4, 50);
        Iterator<Map.Entry<Integer, Integer>> it = map.entrySet().iterator();
        it.next();
        CowTreeMap<Integer, Integer> copy = map.copy();
        copy.put(100, 100);
        copy.remove(3);
        map.put(10, -10);
        List<Integer> values = new ArrayList<>();
        it.forEachRemaining(e -> values.add(e.getValue()));
        assertEquals(49, values.size());
        assertEquals(-10, values.get(9), "a value written after a path copy shows in the iterator");
        Iterator<Integer> keys = map.keySet().iterator();
        keys.next();
        map.put(1000, 0);
        assertThrows(ConcurrentModificationException.class, keys::next);
    }

    /** The documented difference from {@code TreeMap}, whose {@code hasNext()} stays false here. */
    @Test
    void aKeyAddedAfterTheLastStepMakesTheIteratorFailFast() {
        CowTreeMap<Integer, Integer> map = identityMap(4, 10);
        Iterator<Integer> keys = map.keySet().iterator();
        while (keys.hasNext()) {
            keys.next();
        }
        map.put(100, 0);
        assertTrue(keys.hasNext());
        assertThrows(ConcurrentModificationException.class, keys::next);
        Iterator<Integer> exhausted = map.keySet().iterator();
        while (exhausted.hasNext()) {
            exhausted.next();
        }
        map.put(5, -5);
        assertFalse(exhausted.hasNext(), "a value replaced is no structural change");
    }

    @Test
    void sortedSourcesAreSharedOrBuiltInLinearTime() {
        CowTreeMap<Integer, Integer> map = identityMap(32, 1_000);
        assertSame(map.root, new CowTreeMap<>(map).root);
        assertSame(map.root, CowTreeMap.copyOf(map).root);
        assertSame(map.root, CowTreeMap.copyOf((Map<Integer, Integer>) map).root);
        TreeMap<Integer, Integer> sorted = new TreeMap<>(map);
        for (int width : new int[] {4, 5, 32}) {
            for (int n : new int[] {0, 1, 3, 4, 5, 9, 17, 100, 1_000}) {
                CowTreeMap<Integer, Integer> built = new CowTreeMap<>(null, width);
                built.putAll(new TreeMap<>(sorted.headMap(n)));
                TreeInvariants.check(built);
                assertEquals(sorted.headMap(n), built);
                assertFalse(n > 0 && built.isShared());
            }
        }
        CowTreeMap<Integer, Integer> reversed = new CowTreeMap<>(new TreeMap<>(Comparator.<Integer>reverseOrder()) {
            {
                putAll(sorted);
            }
        });
        assertEquals(999, reversed.firstKey());
        TreeInvariants.check(reversed);
    }

    @Test
    void factoriesAndCollectors() {
        assertEquals("{1=a, 2=b}", CowTreeMap.of(2, "b", 1, "a").toString());
        assertThrows(IllegalArgumentException.class, () -> CowTreeMap.of(1, "a", 1, "b"));
        assertThrows(NullPointerException.class, () -> CowTreeMap.of(null, "a"));
        CowTreeMap<Integer, Integer> squares = IntStream.range(0, 100).boxed().parallel()
                .collect(CowTreeMap.toCowTreeMap(i -> i, i -> i * i));
        assertEquals(100, squares.size());
        assertEquals(81, squares.get(9));
        assertThrows(IllegalStateException.class, () -> IntStream.of(1, 1).boxed().collect(CowTreeMap.toCowTreeMap(i -> i, i -> i)));
        CowTreeMap<Integer, Integer> counts = IntStream.of(1, 1, 2).boxed()
                .collect(CowTreeMap.toCowTreeMap(i -> i, i -> 1, Integer::sum));
        assertEquals(Map.of(1, 2, 2, 1), counts);
        CowTreeMap<Integer, Integer> descending = IntStream.of(1, 2, 3).boxed()
                .collect(CowTreeMap.toCowTreeMap(Comparator.<Integer>reverseOrder(), i -> i, i -> i, Integer::sum));
        assertEquals(3, descending.firstKey());
        CowTreeSet<Integer> set = IntStream.of(5, 3, 3, 9).boxed().collect(CowTreeSet.toCowTreeSet());
        assertEquals("[3, 5, 9]", set.toString());
        assertEquals(new TreeSet<>(List.of(9, 5, 3)), IntStream.of(5, 3, 9).boxed()
                .collect(CowTreeSet.toCowTreeSet(Comparator.reverseOrder())));
        assertEquals("[a, b]", CowTreeSet.of("b", "a").toString());
        assertThrows(IllegalArgumentException.class, () -> CowTreeSet.of("a", "a"));
        assertEquals(List.of(1, 2), CowTreeSet.of(2, 1).stream().collect(Collectors.toList()));
    }

    @Test
    void setCopiesShareAndDetachAlike() {
        CowTreeSet<Integer> set = new CowTreeSet<>(null, 4);
        for (int i = 0; i < 100; i++) {
            set.add(i);
        }
        CowTreeSet<Integer> copy = set.copy();
        assertSame(set.map().root, copy.map().root);
        TreeNode root = set.map().root;
        set.add(5);
        set.remove(1000);
        assertSame(root, set.map().root, "a present add and an absent remove never copy");
        set.subSet(10, 20).clear();
        set.headSet(5, true).add(-1);
        assertThrows(IllegalArgumentException.class, () -> set.headSet(5, true).add(6));
        assertEquals(100, copy.size());
        assertEquals(91, set.size());
        assertSame(copy.map().root, new CowTreeSet<>(copy).map().root);
        assertSame(copy.map().root, CowTreeSet.copyOf(copy).map().root);
        assertNotSame(set.map().root, copy.map().root);
        TreeInvariants.check(set.map());
    }
}

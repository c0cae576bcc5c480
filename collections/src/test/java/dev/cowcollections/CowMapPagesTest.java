package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 7 for the paged layout of {@link CowMap} (and so {@link CowSet}): what a write after
 * a copy copies, what it leaves shared, and the layout never showing in results. Maps here go
 * paged above a capacity of 16 entries, with entry pages of four references (two entries) and
 * index pages of four slots.
 */
class CowMapPagesTest {

    private int savedPagedAbove;
    private int savedPageShift;
    private int savedIndexPageShift;

    @BeforeEach
    void smallPages() {
        savedPagedAbove = PageDirectory.pagedAbove();
        savedPageShift = PageDirectory.pageShift();
        savedIndexPageShift = IndexPages.pageShift();
        PageDirectory.setGeometryForTesting(16, 2);
        IndexPages.setPageShiftForTesting(2);
    }

    @AfterEach
    void restoreGeometry() {
        PageDirectory.setGeometryForTesting(savedPagedAbove, savedPageShift);
        IndexPages.setPageShiftForTesting(savedIndexPageShift);
    }

    private static CowMap<Integer, String> pagedMap(int count) {
        CowMap<Integer, String> map = new CowMap<>();
        for (int k = 0; k < count; k++) {
            map.put(k, "v" + k);
        }
        assertTrue(map.isPaged());
        return map;
    }

    private static Map<Integer, String> model(int count) {
        Map<Integer, String> model = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            model.put(k, "v" + k);
        }
        return model;
    }

    /** The pages of {@code after} that are not pages of {@code before}, by identity. */
    private static int newPages(List<Object> before, List<Object> after) {
        Set<Object> old = Collections.newSetFromMap(new IdentityHashMap<>());
        old.addAll(before);
        int fresh = 0;
        for (Object page : after) {
            if (!old.contains(page)) {
                fresh++;
            }
        }
        return fresh;
    }

    private static void assertSameInOrder(Map<Integer, String> expected, Map<Integer, String> actual) {
        assertEquals(expected, actual);
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()));
        assertEquals(expected.hashCode(), actual.hashCode());
        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void aMapCopiedFromAnotherIsBuiltFlatThenPaged() {
        Map<Integer, String> model = model(100);
        CowMap<Integer, String> copied = new CowMap<>(model);
        assertTrue(copied.isPaged());
        assertFalse(copied.isSharedBuffer(), "every page of the new map is its own");
        assertSameInOrder(model, copied);
        CowMapBehaviourTest.assertIndexBoundedByUsedEntries(copied);
        assertNull(copied.get(100));
        CowMap<Integer, String> snapshot = copied.copy();
        List<Object> before = snapshot.pagesForTesting();
        copied.put(100, "new");
        copied.remove(0);
        List<Object> after = copied.pagesForTesting();
        int fresh = newPages(before, after);
        assertTrue(fresh > 0 && fresh <= 6, () -> fresh + " of " + after.size() + " pages copied by two writes");
        assertSameInOrder(model, snapshot);
        model.put(100, "new");
        model.remove(0);
        assertSameInOrder(model, copied);
    }

    @Test
    void aMapCopiedFromAnotherWithCollisionGroupsIsPagedToo() {
        // Ten keys share each hash code, one more than a collision group needs.
        Map<CollidingKeys.Ordered, Integer> model = new LinkedHashMap<>();
        for (int id = 0; id < 100; id++) {
            model.put(new CollidingKeys.Ordered(id, id / 10), id);
        }
        CowMap<CollidingKeys.Ordered, Integer> copied = new CowMap<>(model);
        assertTrue(CollidingKeys.collisionGroups(copied) > 0, "the keys formed collision groups");
        assertTrue(copied.isPaged());
        assertEquals(model, copied);
        assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(copied.keySet()));
        for (int id = 100; id < 200; id++) {
            copied.put(new CollidingKeys.Ordered(id, id / 10), id);
            model.put(new CollidingKeys.Ordered(id, id / 10), id);
        }
        for (int id = 0; id < 200; id += 3) {
            CollidingKeys.Ordered key = new CollidingKeys.Ordered(id, id / 10);
            assertEquals(model.remove(key), copied.remove(key));
        }
        assertEquals(model, copied);
        assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(copied.keySet()));
    }

    @Test
    void keysThatComeAndGoGiveTheirPlacesBackWhileEachSnapshotKeepsItsOwn() {
        CowMap<Integer, String> map = pagedMap(100);
        Map<Integer, String> model = model(100);
        for (int round = 0; round < 50; round++) {
            CowMap<Integer, String> snapshot = map.copy();
            Map<Integer, String> snapshotModel = new LinkedHashMap<>(model);
            for (int k = 1_000; k < 1_020; k++) {
                map.put(k, "r" + round);
            }
            for (int k = 1_000; k < 1_020; k++) {
                assertEquals("r" + round, map.remove(k));
            }
            assertEquals(new ArrayList<>(snapshotModel.entrySet()), new ArrayList<>(snapshot.entrySet()));
            // Keys and values, not entries: entry views would keep the map from giving places back.
            assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(map.keySet()));
            assertEquals(new ArrayList<>(model.values()), new ArrayList<>(map.values()));
            assertEquals(map.size() + map.deletedSlots, map.used, "the tombstones at the end were given back");
            CowMapBehaviourTest.assertIndexBoundedByUsedEntries(map);
            assertTrue(map.isPaged());
        }
    }

    @Test
    void aMapGrowsIntoPagesAndAnswersAsAFlatOne() {
        CowMap<Integer, String> map = new CowMap<>();
        Map<Integer, String> model = new LinkedHashMap<>();
        for (int k = 0; k < 300; k++) {
            map.put(k, "v" + k);
            model.put(k, "v" + k);
            if (k == 0) {
                assertFalse(map.isPaged(), "a map of one entry is flat");
            }
        }
        assertTrue(map.isPaged());
        for (int k = 0; k < 300; k += 3) {
            assertEquals(model.remove(k), map.remove(k));
        }
        for (int k = 1; k < 300; k += 3) {
            assertEquals(model.put(k, "w" + k), map.put(k, "w" + k));
        }
        assertSameInOrder(model, map);
        for (int k = -5; k < 305; k++) {
            assertEquals(model.get(k), map.get(k));
            assertEquals(model.containsKey(k), map.containsKey(k));
        }
        assertTrue(map.containsValue("w1"));
        assertFalse(map.containsValue("v0"));
        assertEquals(model.keySet(), map.keySet());
        assertEquals(new ArrayList<>(model.values()), new ArrayList<>(map.values()));
    }

    @Test
    void aPutOfANewKeyAfterACopyCopiesTheLastEntryPageAndOneIndexPage() {
        CowMap<Integer, String> original = pagedMap(101);
        CowMap<Integer, String> copy = original.copy();
        List<Object> shared = original.pagesForTesting();

        copy.put(1000, "new");

        assertEquals(shared, original.pagesForTesting(), "the sibling's pages are untouched");
        List<Object> written = copy.pagesForTesting();
        assertEquals(2, newPages(shared, written), "the last entry page, holding entry 100 and the new one, and one index page");
        assertSameInOrder(model(101), original);
        Map<Integer, String> expected = model(101);
        expected.put(1000, "new");
        assertSameInOrder(expected, copy);
    }

    @Test
    void replacingAValueAfterACopyCopiesOneEntryPageAndNoIndexPage() {
        CowMap<Integer, String> original = pagedMap(100);
        CowMap<Integer, String> copy = original.copy();
        List<Object> shared = original.pagesForTesting();

        assertEquals("v41", copy.put(41, "changed"));

        assertEquals(1, newPages(shared, copy.pagesForTesting()));
        assertEquals("v41", original.get(41));
        assertEquals("changed", copy.get(41));
    }

    @Test
    void aRemovalAfterACopyCopiesOneEntryPageAndOneIndexPage() {
        CowMap<Integer, String> original = pagedMap(100);
        CowMap<Integer, String> copy = original.copy();
        List<Object> shared = original.pagesForTesting();

        assertEquals("v57", copy.remove(57));

        assertEquals(2, newPages(shared, copy.pagesForTesting()));
        assertEquals("v57", original.get(57));
        assertNull(copy.get(57));
        assertEquals(100, original.size());
        assertEquals(99, copy.size());
    }

    @Test
    void writesToPagesAlreadyCopiedAreInPlace() {
        CowMap<Integer, String> original = pagedMap(100);
        CowMap<Integer, String> copy = original.copy();
        copy.put(40, "a");
        List<Object> afterFirst = copy.pagesForTesting();
        copy.put(41, "b");
        copy.put(40, "c");
        assertEquals(afterFirst, copy.pagesForTesting(), "entries 40 and 41 share a page, copied once");
        assertEquals("v40", original.get(40));
        assertEquals("v41", original.get(41));
    }

    /**
     * Rule 3 of PageDirectory: the original made every page and owned them; once its copy has
     * detached and given its share back, the original is the only holder of its directory, yet
     * the copy's directory holds the same pages, so the original must copy before it writes.
     */
    @Test
    void theLastHolderOfADirectoryStillCopiesPagesASiblingTook() {
        CowMap<Integer, String> original = pagedMap(100);
        CowMap<Integer, String> copy = original.copy();
        copy.put(1000, "detached");
        assertEquals(1, original.refCount().sharesVolatile(), "the copy gave its share of the directory back");
        assertTrue(original.isShared(), "the copy's directory still holds the original's pages");

        original.put(10, "changed");
        original.remove(20);
        original.put(2000, "added");

        assertEquals("v10", copy.get(10));
        assertEquals("v20", copy.get(20));
        assertFalse(copy.containsKey(2000));
        Map<Integer, String> expected = model(100);
        expected.put(1000, "detached");
        assertSameInOrder(expected, copy);
    }

    @Test
    void anIteratorSeesRemovalsThroughItselfAcrossPageCopies() {
        CowMap<Integer, String> original = pagedMap(60);
        CowMap<Integer, String> copy = original.copy();
        Map<Integer, String> model = model(60);
        Iterator<Map.Entry<Integer, String>> it = copy.entrySet().iterator();
        Iterator<Map.Entry<Integer, String>> expected = model.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, String> entry = it.next();
            assertEquals(expected.next(), entry);
            if (entry.getKey() % 4 == 1) {
                it.remove();
                expected.remove();
            } else if (entry.getKey() % 4 == 2) {
                entry.setValue("set");
                model.put(entry.getKey(), "set");
            }
        }
        assertSameInOrder(model, copy);
        assertSameInOrder(model(60), original);
    }

    /**
     * {@code forEach} reads a page at a time. Every even key here replaces the value of the next
     * key, on the page the loop is reading (two entries a page): the first such write detaches
     * the handle, each later one copies that page, and the loop must see every one of them, as
     * {@code LinkedHashMap.forEach} does.
     */
    @Test
    void forEachSeesValuesTheActionReplacedAcrossADetachAndPageCopies() {
        CowMap<Integer, String> original = pagedMap(60);
        CowMap<Integer, String> copy = original.copy();
        Map<Integer, String> model = model(60);
        List<String> seen = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        copy.forEach((k, v) -> {
            seen.add(k + "=" + v);
            if (k % 2 == 0) {
                copy.put(k + 1, "by" + k);
            }
        });
        model.forEach((k, v) -> {
            expected.add(k + "=" + v);
            if (k % 2 == 0) {
                model.put(k + 1, "by" + k);
            }
        });
        assertEquals(expected, seen);
        assertSameInOrder(model, copy);
        assertSameInOrder(model(60), original);
    }

    @Test
    void anEntryShowsAValueWrittenAfterItWasMadeWhenTheWriteCopiedItsPage() {
        CowMap<Integer, String> original = pagedMap(60);
        CowMap<Integer, String> copy = original.copy();
        Map.Entry<Integer, String> beforeDetach = copy.entrySet().iterator().next();
        copy.put(0, "detached");
        assertEquals("detached", beforeDetach.getValue());
        for (Map.Entry<Integer, String> e : copy.entrySet()) {
            copy.put(e.getKey(), "new" + e.getKey());
            assertEquals("new" + e.getKey(), e.getValue(), "the write copied the page the entry was read from");
            copy.put(e.getKey(), "again" + e.getKey());
            assertEquals("again" + e.getKey(), e.getValue(), "the second write was in place");
        }
        assertSameInOrder(model(60), original);
    }

    @Test
    void hashCodeAndContainsValueReadEveryPageAndSkipRemovedEntries() {
        CowMap<Integer, String> map = pagedMap(60);
        Map<Integer, String> model = model(60);
        for (int k = 0; k < 60; k += 3) {
            map.remove(k);
            model.remove(k);
        }
        assertEquals(model.hashCode(), map.hashCode());
        assertTrue(map.containsValue("v59"));
        assertTrue(map.containsValue("v1"));
        assertFalse(map.containsValue("v0"));
        assertFalse(map.containsValue("v57"));
    }

    @Test
    void evictingTheEldestAgainAndAgainKeepsOrderOnPages() {
        CowMap<Integer, String> map = pagedMap(40);
        Map<Integer, String> model = model(40);
        List<CowMap<Integer, String>> snapshots = new ArrayList<>();
        List<Map<Integer, String>> models = new ArrayList<>();
        for (int k = 40; k < 400; k++) {
            map.put(k, "v" + k);
            model.put(k, "v" + k);
            Integer eldest = map.keySet().iterator().next();
            assertEquals(model.remove(eldest), map.remove(eldest));
            if (k % 50 == 0) {
                snapshots.add(map.copy());
                models.add(new LinkedHashMap<>(model));
            }
        }
        assertSameInOrder(model, map);
        for (int i = 0; i < snapshots.size(); i++) {
            assertSameInOrder(models.get(i), snapshots.get(i));
        }
    }

    @Test
    void collidingKeysOnPagesStayApartFromTheirSibling() {
        CowMap<Object, Integer> map = new CowMap<>();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(new CollidingKeys.Ordered(i, 7));
            keys.add(i);
        }
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), i);
        }
        assertTrue(map.isPaged());
        assertTrue(CollidingKeys.collisionGroups(map) > 0);
        CowMap<Object, Integer> copy = map.copy();
        for (int i = 0; i < keys.size(); i += 2) {
            copy.remove(keys.get(i));
        }
        copy.put(new CollidingKeys.Ordered(99, 7), -1);
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(i, map.get(keys.get(i)));
            assertEquals(i % 2 == 0 ? null : (Integer) i, copy.get(keys.get(i)));
        }
        assertEquals(-1, copy.get(new CollidingKeys.Ordered(99, 7)));
        assertNull(map.get(new CollidingKeys.Ordered(99, 7)));
    }

    @Test
    void aKeyWhoseHashCodeThrowsLeavesAPagedMapAndItsSiblingAsTheyWere() {
        CowMap<Object, String> map = new CowMap<>();
        for (int k = 0; k < 50; k++) {
            map.put(k, "v" + k);
        }
        CowMap<Object, String> copy = map.copy();
        Object hostile = new Object() {
            @Override
            public int hashCode() {
                throw new IllegalStateException("no hash");
            }
        };
        assertThrows(IllegalStateException.class, () -> copy.put(hostile, "x"));
        assertEquals(map, copy);
        assertEquals(50, copy.size());
        assertSame(null, copy.get(50));
    }

    @Test
    void clearingAPagedMapGoesBackToFlatAndLeavesTheSibling() {
        CowMap<Integer, String> map = pagedMap(50);
        CowMap<Integer, String> copy = map.copy();
        copy.clear();
        assertFalse(copy.isPaged());
        assertTrue(copy.isEmpty());
        assertSameInOrder(model(50), map);
        map.clear();
        assertFalse(map.isPaged());
        map.put(1, "one");
        assertEquals(Map.of(1, "one"), map);
    }

    @Test
    void aSetOnPagesIsAsIndependentAsItsMap() {
        CowSet<Integer> set = new CowSet<>();
        for (int k = 0; k < 100; k++) {
            set.add(k);
        }
        CowSet<Integer> copy = set.copy();
        copy.remove(3);
        copy.add(500);
        assertTrue(set.contains(3));
        assertFalse(set.contains(500));
        assertFalse(copy.contains(3));
        assertTrue(copy.contains(500));
        assertEquals(100, set.size());
        assertEquals(100, copy.size());
    }
}

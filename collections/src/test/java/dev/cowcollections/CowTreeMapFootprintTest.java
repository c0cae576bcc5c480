package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** What the tree costs in the heap, measured by JOL: the goals of issue 30. */
class CowTreeMapFootprintTest {

    private static final int ENTRIES = 100_000;

    private static long bytes(Object... roots) {
        return GraphLayout.parseInstance(roots).totalSize();
    }

    private static List<Integer> shuffledKeys() {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            keys.add(i * 7);
        }
        Collections.shuffle(keys, new Random(30));
        return keys;
    }

    @Test
    void aSnapshotPlusOnePutRetainsAtMostTwoKilobytes() {
        CowTreeMap<Integer, Integer> map = new CowTreeMap<>();
        for (Integer key : shuffledKeys()) {
            map.put(key, key);
        }
        CowTreeMap<Integer, Integer> snapshot = map.copy();
        map.put(7 * (ENTRIES / 2), -1);
        long retained = bytes(map, snapshot) - bytes(snapshot);
        assertTrue(retained <= 2048, "a snapshot and one put retain " + retained + " bytes beyond the map");
    }

    @Test
    void anEntryCostsAtMostFourTenthsOfATreeMapEntry() {
        List<Integer> keys = shuffledKeys();
        CowTreeMap<Integer, Integer> map = new CowTreeMap<>();
        TreeMap<Integer, Integer> treeMap = new TreeMap<>();
        for (Integer key : keys) {
            map.put(key, key);
            treeMap.put(key, key);
        }
        // The keys, which are also the values, counted once. The array is passed as the list of
        // roots, not as one root (varargs), so no array is counted.
        long keyBytes = bytes(keys.toArray());
        double ours = (double) (bytes(map) - keyBytes) / ENTRIES;
        double theirs = (double) (bytes(treeMap) - keyBytes) / ENTRIES;
        assertTrue(ours <= 0.4 * theirs, "a CowTreeMap entry costs " + ours + " bytes, a TreeMap entry " + theirs);
    }
}

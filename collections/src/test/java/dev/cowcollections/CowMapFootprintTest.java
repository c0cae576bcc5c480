package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * What a paged map costs in the heap, measured by JOL on the production geometry (entry pages of
 * 512 references and index pages of 512 slots above 4 096 entries): a snapshot plus one put that
 * keeps a page of each and the directories, not a copy of the table, and entries at most 0.6 of
 * {@code HashMap}'s bytes.
 */
class CowMapFootprintTest {

    private int savedPagedAbove;
    private int savedPageShift;
    private int savedIndexPageShift;

    @BeforeEach
    void productionGeometry() {
        savedPagedAbove = PageDirectory.pagedAbove();
        savedPageShift = PageDirectory.pageShift();
        savedIndexPageShift = IndexPages.pageShift();
        PageDirectory.resetGeometry();
        IndexPages.resetPageShift();
    }

    @AfterEach
    void restoreGeometry() {
        PageDirectory.setGeometryForTesting(savedPagedAbove, savedPageShift);
        IndexPages.setPageShiftForTesting(savedIndexPageShift);
    }

    private static List<Integer> keys(int count) {
        return IntStream.range(0, count).boxed().collect(Collectors.toList());
    }

    /** The bytes of {@code roots} and all they reach, less the bytes of the keys, which are the values too. */
    private static long bytesBeyond(List<Integer> keys, Object... roots) {
        return GraphLayout.parseInstance(roots).totalSize() - GraphLayout.parseInstance(keys.toArray()).totalSize();
    }

    private static List<CowMap<Integer, Integer>> builtBothWays(List<Integer> keys) {
        CowMap<Integer, Integer> put = new CowMap<>();
        Map<Integer, Integer> source = new HashMap<>();
        for (Integer k : keys) {
            put.put(k, k);
            source.put(k, k);
        }
        return List.of(put, new CowMap<>(source));
    }

    @Test
    void aSnapshotPlusOnePutOfAHundredThousandEntriesRetainsAtMostEightKilobytes() {
        List<Integer> keys = keys(100_000);
        for (CowMap<Integer, Integer> map : builtBothWays(keys)) {
            assertTrue(map.isPaged());
            long alone = bytesBeyond(keys, map);
            CowMap<Integer, Integer> snapshot = map.copy();
            Integer added = keys.size();
            snapshot.put(added, added);
            long retained = bytesBeyond(keys, map, snapshot) - alone - GraphLayout.parseInstance(added).totalSize();
            assertTrue(retained <= 8192, "a snapshot plus one put retains " + retained + " bytes");
        }
    }

    @Test
    void anEntryCostsAtMostSixTenthsOfAHashMapEntry() {
        for (int n : new int[] {100_000, 1_000_000}) {
            List<Integer> keys = keys(n);
            Map<Integer, Integer> hashMap = new HashMap<>();
            keys.forEach(k -> hashMap.put(k, k));
            long hashMapBytes = bytesBeyond(keys, hashMap);
            for (CowMap<Integer, Integer> map : builtBothWays(keys)) {
                assertTrue(map.isPaged());
                long bytes = bytesBeyond(keys, map);
                assertTrue(bytes <= 0.6 * hashMapBytes, n + " entries: " + bytes + " bytes against HashMap's " + hashMapBytes);
            }
        }
    }
}

package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * What a paged list costs in the heap, measured by JOL on the production geometry (pages of 512
 * references above 4 096 elements): its elements' references at about 4 bytes each, and a
 * snapshot plus one write that keeps one page and a directory, not a copy of the list.
 */
class CowListFootprintTest {

    private int savedPagedAbove;
    private int savedPageShift;

    @BeforeEach
    void productionGeometry() {
        savedPagedAbove = PageDirectory.pagedAbove();
        savedPageShift = PageDirectory.pageShift();
        PageDirectory.resetGeometry();
    }

    @AfterEach
    void restoreGeometry() {
        PageDirectory.setGeometryForTesting(savedPagedAbove, savedPageShift);
    }

    private static List<Integer> numbers(int count) {
        return IntStream.range(0, count).boxed().collect(Collectors.toList());
    }

    /**
     * The bytes of {@code roots} and all they reach, less the bytes of the elements themselves.
     * Given an {@code Object[]}, JOL takes each element as a root and does not count the array.
     */
    private static long bytesBeyond(List<Integer> elements, Object... roots) {
        return GraphLayout.parseInstance(roots).totalSize() - GraphLayout.parseInstance(elements.toArray()).totalSize();
    }

    @Test
    void aMillionElementsCostAtMostFourPointThreeBytesEach() {
        List<Integer> elements = numbers(1_000_000);
        CowList<Integer> added = new CowList<>();
        elements.forEach(added::add);
        for (CowList<Integer> list : List.of(added, new CowList<>(elements))) {
            assertTrue(list.isPaged());
            double perElement = (double) bytesBeyond(elements, list) / elements.size();
            assertTrue(perElement <= 4.3, perElement + " bytes per element");
        }
    }

    @Test
    void aSnapshotPlusOneWriteOfAHundredThousandElementsRetainsAtMostFourKilobytes() {
        List<Integer> elements = numbers(100_000);
        CowList<Integer> list = new CowList<>(elements);
        long alone = bytesBeyond(elements, list);
        CowList<Integer> snapshot = list.copy();
        snapshot.set(50_000, -1);
        long retained = bytesBeyond(elements, list, snapshot) - alone;
        assertTrue(retained <= 4096, "a snapshot plus one write retains " + retained + " bytes");
    }
}

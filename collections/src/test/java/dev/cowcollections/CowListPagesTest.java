package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.util.Spliterator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 7 for {@link CowList}'s paged layout: what a write after a copy copies, what it
 * leaves shared, and the layout never showing in results. Lists here go paged above 16 elements,
 * in pages of four, and flat again at eight.
 */
class CowListPagesTest {

    private static final int PAGE = 4;

    private int savedPagedAbove;
    private int savedPageShift;

    @BeforeEach
    void smallPages() {
        savedPagedAbove = PageDirectory.pagedAbove();
        savedPageShift = PageDirectory.pageShift();
        PageDirectory.setGeometryForTesting(16, 2);
    }

    @AfterEach
    void restoreGeometry() {
        PageDirectory.setGeometryForTesting(savedPagedAbove, savedPageShift);
    }

    private static List<Integer> numbers(int count) {
        return IntStream.range(0, count).mapToObj(i -> 1000 + i).collect(Collectors.toList());
    }

    private static CowList<Integer> pagedList(int count) {
        CowList<Integer> list = new CowList<>(numbers(count));
        assertTrue(list.isPaged());
        return list;
    }

    @Test
    void firstWriteAfterACopyCopiesOnlyThePageItWrites() {
        CowList<Integer> list = pagedList(64);
        CowList<Integer> snapshot = list.copy();
        List<Object[]> shared = snapshot.storageForTesting();

        list.set(10, -1);

        List<Object[]> mine = list.storageForTesting();
        assertNotSame(snapshot.refCount(), list.refCount(), "the directory was copied");
        for (int p = 0; p < mine.size(); p++) {
            if (p == 10 / PAGE) {
                assertNotSame(shared.get(p), mine.get(p), "the written page was copied");
            } else {
                assertSame(shared.get(p), mine.get(p), "page " + p + " is still shared");
            }
        }
        assertEquals(numbers(64), snapshot);
        assertSame(shared.get(10 / PAGE), snapshot.storageForTesting().get(10 / PAGE));
    }

    @Test
    void laterWritesToACopiedPageAreInPlace() {
        CowList<Integer> list = pagedList(64);
        CowList<Integer> snapshot = list.copy();
        list.set(10, -1);
        RefCount directory = list.refCount();
        Object[] page = list.storageForTesting().get(10 / PAGE);

        list.set(11, -2);
        list.set(8, -3);

        assertSame(directory, list.refCount());
        assertSame(page, list.storageForTesting().get(10 / PAGE));
        assertEquals(numbers(64), snapshot);
    }

    @Test
    void copyTouchesNoPage() {
        CowList<Integer> list = pagedList(64);
        List<Object[]> before = list.storageForTesting();
        CowList<Integer> copy = list.copy();
        assertSame(list.refCount(), copy.refCount());
        List<Object[]> after = copy.storageForTesting();
        for (int p = 0; p < before.size(); p++) {
            assertSame(before.get(p), after.get(p));
        }
    }

    @Test
    void siblingLeftAloneOnTheDirectoryCopiesThePagesTheOtherStillHolds() {
        CowList<Integer> list = pagedList(64);
        CowList<Integer> sibling = list.copy();
        Object[] sharedPage = list.storageForTesting().get(5);
        sibling.set(0, -1);
        RefCount directory = list.refCount();

        list.set(5 * PAGE, -2);

        assertSame(directory, list.refCount(), "the last holder keeps the directory");
        assertNotSame(sharedPage, list.storageForTesting().get(5), "but not a page the sibling still holds");
        assertSame(sharedPage, sibling.storageForTesting().get(5));
        assertEquals(1000 + 5 * PAGE, sibling.get(5 * PAGE));
        assertEquals(-2, list.get(5 * PAGE));
    }

    @Test
    void droppedCopyCostsOneCopyOfEachPageWritten() {
        CowList<Integer> list = pagedList(64);
        list.copy();
        list.set(0, -1);
        Object[] page = list.storageForTesting().get(0);
        RefCount directory = list.refCount();
        list.set(1, -2);
        list.set(2, -3);
        assertSame(page, list.storageForTesting().get(0));
        assertSame(directory, list.refCount());
    }

    @Test
    void isSharedUntilEveryPageIsTheHandlesOwn() {
        CowList<Integer> list = pagedList(16 + PAGE);
        CowList<Integer> sibling = list.copy();
        list.set(0, -1);
        assertTrue(list.isShared(), "the other pages are still the sibling's too");
        assertTrue(sibling.isShared(), "its pages are still the writer's too");
        for (int i = 0; i < list.size(); i += PAGE) {
            list.set(i, -1);
        }
        assertFalse(list.isShared());
        for (int i = 0; i < sibling.size(); i += PAGE) {
            sibling.set(i, -2);
        }
        assertFalse(sibling.isShared());
    }

    @Test
    void listGrowsIntoPagesAndShrinksBackToFlat() {
        CowList<Integer> list = new CowList<>();
        List<Integer> model = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            assertFalse(list.isPaged(), "flat up to the threshold");
            list.add(i);
            model.add(i);
        }
        assertTrue(list.isPaged(), "paged above it");
        while (list.size() > 9) {
            list.remove(list.size() / 2);
            model.remove(model.size() / 2);
            assertTrue(list.isPaged(), "paged down to half the threshold");
        }
        list.remove(0);
        model.remove(0);
        assertFalse(list.isPaged(), "flat again at half");
        assertEquals(model, list);
    }

    @Test
    void iteratorSeesTheListsOwnWritesAfterTheirPageWasCopied() {
        CowList<Integer> list = pagedList(32);
        CowList<Integer> sibling = list.copy();
        ListIterator<Integer> it = list.listIterator();
        it.next();
        list.set(1, -1);
        list.set(2, -2);
        assertEquals(-1, it.next());
        it.set(-11);
        assertEquals(-2, it.next());
        assertEquals(-2, it.previous());
        assertEquals(-11, it.previous());
        List<Integer> seen = new ArrayList<>();
        list.forEach(e -> {
            if (seen.isEmpty()) {
                list.set(3, -3);
            }
            seen.add(e);
        });
        assertEquals(-3, seen.get(3), "forEach sees a write its action made to a later element");
        assertEquals(numbers(32), sibling);
    }

    @Test
    void indexOfSeesAWriteThatEqualsMadeToALaterPage() {
        CowList<Object> list = new CowList<>(numbers(32));
        assertTrue(list.isPaged());
        CowList<Object> sibling = list.copy();
        Object probe = new Object() {
            private boolean wrote;

            @Override
            public boolean equals(Object o) {
                if (!wrote) {
                    wrote = true;
                    list.set(29, "found");
                }
                return "found".equals(o);
            }

            @Override
            public int hashCode() {
                return 0;
            }
        };
        assertEquals(29, list.indexOf(probe), "the page the write copied is read, not the sibling's");
        assertEquals(numbers(32), sibling);
    }

    @Test
    void equalsComparesListsWhosePagesDoNotLineUp() {
        List<Integer> model = numbers(40);
        CowList<Integer> smallPages = CowList.pagedForTesting(model, 2);
        CowList<Integer> largerPages = CowList.pagedForTesting(model, 3);
        assertEquals(smallPages, largerPages);
        assertEquals(largerPages, smallPages);
        for (int differing = 0; differing < model.size(); differing++) {
            CowList<Integer> changed = largerPages.copy();
            changed.set(differing, -1);
            assertFalse(smallPages.equals(changed), "differs at " + differing);
            assertFalse(changed.equals(smallPages), "differs at " + differing);
            assertEquals(smallPages, largerPages, "the copy's write left its sibling equal");
        }
        assertFalse(smallPages.equals(numbers(39)));
    }

    @Test
    void equalsSeesAWriteThatAnElementsEqualsMadeToThePageItIsReading() {
        List<Object> expected = new ArrayList<>(numbers(32));
        expected.set(0, "anything");
        expected.set(2, "found");
        CowList<Object> list = new CowList<>(numbers(32));
        assertTrue(list.isPaged());
        list.set(0, new Object() {
            @Override
            public boolean equals(Object o) {
                list.set(2, "found");
                return true;
            }

            @Override
            public int hashCode() {
                return 0;
            }
        });
        CowList<Object> sibling = list.copy();
        assertTrue(list.equals(new CowList<>(expected)), "the page the write copied is read, not the sibling's");
        assertEquals(1002, sibling.get(2));
    }

    @Test
    void spliteratorSplitsWherePagesStart() {
        CowList<Integer> list = pagedList(64);
        Spliterator<Integer> right = list.spliterator();
        Spliterator<Integer> left = right.trySplit();
        assertEquals(0, left.estimateSize() % PAGE);
        Spliterator<Integer> leftOfLeft = left.trySplit();
        assertEquals(0, leftOfLeft.estimateSize() % PAGE);
        List<Integer> all = new ArrayList<>();
        leftOfLeft.forEachRemaining(all::add);
        left.forEachRemaining(all::add);
        right.forEachRemaining(all::add);
        assertEquals(numbers(64), all);
    }

    @Test
    void sortOfASharedListCopiesOnlyThePagesItChanges() {
        CowList<Integer> list = pagedList(64);
        CowList<Integer> sibling = list.copy();
        list.sort(null);
        assertSame(sibling.refCount(), list.refCount(), "sorted already: still shared");
        list.set(40, 2000);
        list.set(41, 1999);
        CowList<Integer> snapshot = list.copy();
        List<Object[]> before = snapshot.storageForTesting();
        list.sort(null);
        List<Object[]> after = list.storageForTesting();
        for (int p = 0; p < after.size(); p++) {
            if (p < 10) {
                assertSame(before.get(p), after.get(p), "page " + p + " did not change");
            }
        }
        List<Integer> expected = new ArrayList<>(snapshot);
        expected.sort(Comparator.naturalOrder());
        assertEquals(expected, list);
        assertEquals(numbers(64), sibling);
    }

    @Test
    void serializedFormIsTheFlatListsByteForByte() throws Exception {
        CowList<Integer> paged = pagedList(40);
        PageDirectory.setGeometryForTesting(1000, 2);
        CowList<Integer> flat = new CowList<>(numbers(40));
        assertFalse(flat.isPaged());
        assertArrayEquals(CowListSerializationTest.serialize(flat), CowListSerializationTest.serialize(paged));
        PageDirectory.setGeometryForTesting(16, 2);
        CowList<?> read = (CowList<?>) CowListSerializationTest.deserialize(CowListSerializationTest.serialize(flat));
        assertTrue(read.isPaged(), "a list read back is paged when it is large");
        assertEquals(numbers(40), read);
    }

    @Test
    void theSessionsGeometryDecidesWhetherAListOfThreeIsPaged() {
        restoreGeometry();
        assertEquals(PagedLayoutSession.tinyPages(), CowList.of(1, 2, 3).isPaged(),
                "the paged-layout run pages every list of three or more; the default run pages none that small");
        assertFalse(CowList.of(1, 2).isPaged());
    }
}

package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Sub-list views: fail-fast rules and edge cases that ArrayList's sub-list sets and the suites miss. */
class CowSubListTest {

    private static CowList<Integer> list() {
        return CowList.of(0, 1, 2, 3, 4);
    }

    @Test
    void viewOfAStaleViewFailsFast() {
        CowList<Integer> list = list();
        List<Integer> view = list.subList(0, 5);
        list.clear();
        assertThrows(ConcurrentModificationException.class, () -> view.subList(0, 5));
    }

    @Test
    void nestedViewMadeBeforeASiblingViewChangedTheListFailsFast() {
        CowList<Integer> list = list();
        List<Integer> first = list.subList(0, 3);
        List<Integer> nested = first.subList(0, 2);
        List<Integer> sibling = list.subList(0, 3);
        sibling.add(9);
        assertThrows(ConcurrentModificationException.class, () -> nested.get(0));
        assertThrows(ConcurrentModificationException.class, () -> nested.removeIf(x -> x == 1));
        assertEquals(List.of(0, 1, 2, 9, 3, 4), list);
    }

    @Test
    void readsOfAViewOfASharedListThatShrankFailFast() {
        CowList<Integer> list = list();
        CowList<Integer> sibling = list.copy();
        List<Integer> view = list.subList(0, 5);
        list.remove(4);
        assertThrows(ConcurrentModificationException.class, view::hashCode);
        assertThrows(ConcurrentModificationException.class, () -> view.equals(List.of()));
        assertThrows(ConcurrentModificationException.class, () -> view.indexOf(4));
        assertThrows(ConcurrentModificationException.class, () -> view.lastIndexOf(4));
        assertEquals(List.of(0, 1, 2, 3, 4), sibling);
    }

    @Test
    void addingNothingThroughAViewLeavesOtherViewsValid() {
        CowList<Integer> list = list();
        List<Integer> first = list.subList(0, 2);
        List<Integer> second = list.subList(1, 3);
        assertFalse(first.addAll(List.of()));
        assertFalse(first.addAll(1, List.of()));
        assertEquals(1, second.get(0));
    }

    @Test
    void viewIteratorAnswersHasNextAsArrayListsDoesThenFailsFast() {
        for (List<Integer> list : List.<List<Integer>>of(list(), new ArrayList<>(list()))) {
            List<Integer> view = list.subList(1, 4);
            Iterator<Integer> it = view.iterator();
            it.next();
            list.add(5);
            assertTrue(it.hasNext(), list.getClass().getSimpleName());
            assertThrows(ConcurrentModificationException.class, it::next, list.getClass().getSimpleName());
        }
    }

    @Test
    void viewSpliteratorBindsAtItsFirstUse() {
        CowList<Integer> list = list();
        List<Integer> view = list.subList(1, 3);
        Spliterator<Integer> spliterator = view.spliterator();
        view.add(7);
        assertEquals(List.of(1, 2, 7), StreamSupport.stream(spliterator, false).toList());
        assertEquals(Spliterator.ORDERED | Spliterator.SIZED | Spliterator.SUBSIZED, view.spliterator().characteristics());
    }

    @Test
    void viewSpliteratorFailsFastAfterTheListChanged() {
        CowList<Integer> list = list();
        List<Integer> view = list.subList(1, 3);
        Spliterator<Integer> spliterator = view.spliterator();
        spliterator.tryAdvance(x -> { });
        list.add(5);
        assertThrows(ConcurrentModificationException.class, () -> spliterator.forEachRemaining(x -> { }));
    }

    @Test
    void writesThroughAViewIteratorDetachTheSharedList() {
        CowList<Integer> list = list();
        CowList<Integer> sibling = list.copy();
        var it = list.subList(1, 4).listIterator();
        it.next();
        it.set(10);
        it.next();
        it.remove();
        it.add(20);
        assertEquals(List.of(0, 10, 20, 3, 4), list);
        assertEquals(List.of(0, 1, 2, 3, 4), sibling);
    }
}

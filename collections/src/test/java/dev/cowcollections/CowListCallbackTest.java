package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * User code that runs inside a list operation (a comparator, a filter, an action, an element's
 * equals) and writes to the same list. Whatever it does, the list's siblings see none of it, and
 * the list itself never reads a buffer it has given back.
 */
class CowListCallbackTest {

    private static final List<String> ORIGINAL = List.of("a0", "a1", "a2", "a3");

    @Test
    void copyTakenInsideAComparatorNeverSeesTheSortInProgress() {
        CowList<Integer> list = CowList.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        List<CowList<Integer>> snapshot = new ArrayList<>();
        list.sort((x, y) -> {
            if (snapshot.isEmpty()) {
                snapshot.add(list.copy());
            }
            return Integer.compare(x, y);
        });
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), list);
        assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), snapshot.get(0));
        CowListSharingTest.assertSoleHolder(snapshot.get(0), "the sorted list detached from the snapshot");
    }

    @Test
    void comparatorThatChangesTheListStructurallyFailsFastAndLeavesItUsable() {
        for (boolean shared : new boolean[] {false, true}) {
            CowList<Integer> list = CowList.of(3, 1, 2);
            CowList<Integer> sibling = shared ? list.copy() : null;
            boolean[] added = {false};
            assertThrows(ConcurrentModificationException.class, () -> list.sort((x, y) -> {
                if (!added[0]) {
                    added[0] = true;
                    list.add(9);
                }
                return Integer.compare(x, y);
            }));
            assertEquals(List.of(3, 1, 2, 9), list, "the comparator's add stands, the sort does not");
            assertEquals(9, list.get(3));
            list.add(7);
            assertEquals(List.of(3, 1, 2, 9, 7), list);
            if (sibling != null) {
                assertEquals(List.of(3, 1, 2), sibling);
            }
        }
    }

    /**
     * Runs {@code read} on a copy {@code b} of {@code a}; the first callback detaches {@code b}
     * through {@code set}, which leaves {@code a} unique, and {@code a} then writes "A" in place
     * into the buffer {@code b} gave back. Returns everything the callbacks saw.
     */
    private static List<String> readWithDetachingCallback(Consumer<Scenario> read) {
        Scenario scenario = new Scenario();
        read.accept(scenario);
        assertEquals(List.of("b0", "a1", "a2", "a3"), scenario.b);
        assertEquals(List.of("a0", "a1", "a2", "A"), scenario.a);
        return scenario.seen;
    }

    static final class Scenario {
        final CowList<String> a = new CowList<>(ORIGINAL);
        final CowList<String> b = a.copy();
        final List<String> seen = new ArrayList<>();

        /** The callback: records the element, and on the first call detaches b and writes a. */
        boolean see(String element) {
            seen.add(element);
            if (seen.size() == 1) {
                b.set(0, "b0");
                a.set(3, "A");
            }
            return false;
        }
    }

    @Test
    void streamActionThatDetachesTheListNeverSeesASiblingsWrite() {
        List<String> seen = readWithDetachingCallback(s -> s.b.stream().forEach(s::see));
        assertEquals(List.of("a0", "a1", "a2", "a3"), seen);
    }

    @Test
    void forEachActionThatDetachesTheListNeverSeesASiblingsWrite() {
        assertEquals(List.of("a0", "a1", "a2", "a3"), readWithDetachingCallback(s -> s.b.forEach(s::see)));
        assertEquals(List.of("a0", "a1", "a2", "a3"),
                readWithDetachingCallback(s -> s.b.iterator().forEachRemaining(s::see)));
    }

    @Test
    void filterThatDetachesTheListNeverSeesASiblingsWrite() {
        assertEquals(List.of("a0", "a1", "a2", "a3"), readWithDetachingCallback(s -> s.b.removeIf(s::see)));
    }

    @Test
    void equalsThatDetachesTheListNeverMatchesASiblingsWrite() {
        Scenario scenario = new Scenario();
        Object probe = new Object() {
            @Override
            public boolean equals(Object other) {
                scenario.see((String) other);
                return "A".equals(other);
            }

            @Override
            public int hashCode() {
                return 0;
            }
        };
        assertEquals(-1, scenario.b.indexOf(probe), "\"A\" is only in the sibling");
        assertEquals(List.of("a0", "a1", "a2", "a3"), scenario.seen);
    }

    @Test
    void operatorThatClearsASharedListFailsFast() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();
        assertThrows(ConcurrentModificationException.class, () -> list.replaceAll(e -> {
            list.clear();
            return e + "!";
        }));
        assertTrue(list.isEmpty());
        assertEquals(ORIGINAL, sibling);
    }

    @Test
    void streamIteratorOverASharedListThatWasClearedFailsFast() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();
        Iterator<String> it = list.stream().iterator();
        it.next();
        list.clear();
        assertThrows(ConcurrentModificationException.class, it::next);
        assertEquals(ORIGINAL, sibling);
    }

    @Test
    void comparatorThatThrowsOnAUniqueListLeavesItUnchanged() {
        CowList<String> list = new CowList<>(List.of("d", "c", "b", "a"));
        Comparator<String> failing = (x, y) -> {
            throw new IllegalStateException("comparator failed");
        };
        assertThrows(IllegalStateException.class, () -> list.sort(failing));
        assertEquals(List.of("d", "c", "b", "a"), list);
    }
}

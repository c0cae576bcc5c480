package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input fails with the JDK's own exceptions and messages, and leaves the list unchanged. */
class CowListBadInputTest {

    private static final List<String> ORIGINAL = List.of("a", "b", "c");

    private static Named<Consumer<List<String>>> call(String name, Consumer<List<String>> call) {
        return Named.of(name, call);
    }

    static Stream<Named<Consumer<List<String>>>> indexOutOfBounds() {
        return Stream.of(
                call("get(-1)", l -> l.get(-1)),
                call("get(size)", l -> l.get(3)),
                call("set(size)", l -> l.set(3, "x")),
                call("set(-1)", l -> l.set(-1, "x")),
                call("add(size + 1)", l -> l.add(4, "x")),
                call("add(-1)", l -> l.add(-1, "x")),
                call("remove(size)", l -> l.remove(3)),
                call("addAll(size + 1)", l -> l.addAll(4, List.of("x"))),
                call("listIterator(size + 1)", l -> l.listIterator(4)),
                call("subList(-1, 2)", l -> l.subList(-1, 2)),
                call("subList(0, size + 1)", l -> l.subList(0, 4)),
                call("subList get", l -> l.subList(1, 2).get(1)),
                call("subList add", l -> l.subList(1, 2).add(2, "x")),
                call("subList remove", l -> l.subList(1, 2).remove(-1)));
    }

    @ParameterizedTest
    @MethodSource("indexOutOfBounds")
    void badIndexThrowsAsArrayListDoesAndChangesNothing(Consumer<List<String>> call) {
        for (boolean shared : new boolean[] {false, true}) {
            CowList<String> list = new CowList<>(ORIGINAL);
            CowList<String> sibling = shared ? list.copy() : null;
            RefCount count = list.refCount();

            assertThrows(IndexOutOfBoundsException.class, () -> call.accept(list));
            assertThrows(IndexOutOfBoundsException.class, () -> call.accept(new ArrayList<>(ORIGINAL)),
                    "ArrayList throws the same for the same call");

            assertEquals(ORIGINAL, list);
            assertEquals(count, list.refCount(), "no detach");
            if (sibling != null) {
                assertEquals(ORIGINAL, sibling);
            }
        }
    }

    @Test
    void indexMessagesAreWordedAsObjectsCheckIndexWordsThem() {
        CowList<String> list = new CowList<>(ORIGINAL);
        assertEquals("Index 3 out of bounds for length 3",
                assertThrows(IndexOutOfBoundsException.class, () -> list.get(3)).getMessage());
        assertEquals("Index -1 out of bounds for length 3",
                assertThrows(IndexOutOfBoundsException.class, () -> list.set(-1, "x")).getMessage());
        assertEquals("Index 4 out of bounds for length 3",
                assertThrows(IndexOutOfBoundsException.class, () -> list.add(4, "x")).getMessage());
    }

    @Test
    void subListWithFromAfterToThrowsWhatListDocuments() {
        CowList<String> list = new CowList<>(ORIGINAL);
        assertEquals("Range [2, 1) out of bounds for length 3",
                assertThrows(IndexOutOfBoundsException.class, () -> list.subList(2, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ArrayList<>(ORIGINAL).subList(2, 1),
                "ArrayList departs from List.subList's contract here; CowList follows the contract");
    }

    @Test
    void negativeCapacityIsAnIllegalArgumentNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CowList<>(-7));
        assertEquals("capacity: -7 (expected: >= 0)", e.getMessage());
    }

    @Test
    void nullCollectionsAreRejectedBeforeAnyChange() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> empty = new CowList<>();
        assertThrows(NullPointerException.class, () -> list.addAll(null));
        assertThrows(NullPointerException.class, () -> list.addAll(1, null));
        assertThrows(NullPointerException.class, () -> list.removeAll(null));
        assertThrows(NullPointerException.class, () -> empty.retainAll(null));
        assertThrows(NullPointerException.class, () -> list.removeIf(null));
        assertThrows(NullPointerException.class, () -> list.replaceAll(null));
        assertThrows(NullPointerException.class, () -> list.forEach(null));
        assertThrows(NullPointerException.class, () -> new CowList<String>(null));
        assertThrows(NullPointerException.class, () -> CowList.copyOf(null));
        assertEquals(ORIGINAL, list);
    }

    @Test
    void structuralChangeUnderAnIteratorFailsFast() {
        CowList<String> list = new CowList<>(ORIGINAL);
        Iterator<String> it = list.iterator();
        it.next();
        list.add("x");
        assertThrows(ConcurrentModificationException.class, it::next);
    }

    @Test
    void structuralChangeFromForEachFailsFast() {
        CowList<String> list = new CowList<>(ORIGINAL);
        assertThrows(ConcurrentModificationException.class, () -> list.forEach(e -> list.add("x")));
    }

    @Test
    void spliteratorBindsLateAndFailsFast() {
        CowList<String> list = new CowList<>(ORIGINAL);
        Spliterator<String> spliterator = list.spliterator();
        list.add("late");
        List<String> seen = new ArrayList<>();
        spliterator.forEachRemaining(seen::add);
        assertEquals(List.of("a", "b", "c", "late"), seen, "binds at first use, not at creation");

        Spliterator<String> bound = list.spliterator();
        bound.tryAdvance(e -> { });
        list.remove(0);
        assertThrows(ConcurrentModificationException.class, () -> bound.forEachRemaining(e -> { }));
        assertEquals(Spliterator.ORDERED | Spliterator.SIZED | Spliterator.SUBSIZED,
                list.spliterator().characteristics());
    }

    @Test
    void subListFailsFastAfterTheListChangedStructurally() {
        CowList<String> list = new CowList<>(ORIGINAL);
        List<String> view = list.subList(0, 2);
        list.remove(2);
        assertThrows(ConcurrentModificationException.class, view::size);
        assertThrows(ConcurrentModificationException.class, () -> view.get(0));
    }

    @Test
    void copyingTheListDoesNotDisturbAnIterator() {
        CowList<String> list = new CowList<>(ORIGINAL);
        Iterator<String> it = list.iterator();
        it.next();
        list.copy().add("x");
        assertEquals("b", it.next());
    }
}

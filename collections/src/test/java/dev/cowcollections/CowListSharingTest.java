package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sharing rules of SPEC.md, one test (or one family of cases) per rule. */
class CowListSharingTest {

    private static final List<String> ORIGINAL = List.of("a", "b", "c", "d");

    private static Named<Consumer<List<String>>> op(String name, Consumer<List<String>> op) {
        return Named.of(name, op);
    }

    /** Every kind of write, each of which changes the contents of {@link #ORIGINAL}. */
    static Stream<Named<Consumer<List<String>>>> writes() {
        return Stream.of(
                op("add", l -> l.add("x")),
                op("add at index", l -> l.add(1, "x")),
                op("set", l -> l.set(2, "x")),
                op("remove at index", l -> l.remove(1)),
                op("remove object", l -> l.remove("c")),
                op("addAll", l -> l.addAll(List.of("x", "y"))),
                op("addAll at index", l -> l.addAll(0, List.of("x", "y"))),
                op("removeIf", l -> l.removeIf(e -> e.compareTo("b") > 0)),
                op("removeAll", l -> l.removeAll(List.of("a", "d"))),
                op("retainAll", l -> l.retainAll(List.of("b"))),
                op("replaceAll", l -> l.replaceAll(String::toUpperCase)),
                op("sort", l -> l.sort(Comparator.reverseOrder())),
                op("clear", List::clear),
                op("subList clear", l -> l.subList(1, 3).clear()),
                op("subList set", l -> l.subList(1, 3).set(0, "x")),
                op("subList add", l -> l.subList(1, 3).add("x")),
                op("subList removeIf", l -> l.subList(1, 3).removeIf("b"::equals)),
                op("nested subList remove", l -> l.subList(1, 4).subList(1, 2).remove(0)),
                op("iterator remove", l -> {
                    Iterator<String> it = l.iterator();
                    it.next();
                    it.remove();
                }),
                op("listIterator set", l -> {
                    ListIterator<String> it = l.listIterator(1);
                    it.next();
                    it.set("x");
                }),
                op("listIterator add", l -> l.listIterator(2).add("x")));
    }

    /** Calls that leave the contents of {@link #ORIGINAL} unchanged. */
    static Stream<Named<Consumer<List<String>>>> callsThatChangeNothing() {
        return Stream.of(
                op("remove of an absent element", l -> l.remove("z")),
                op("removeIf matching nothing", l -> l.removeIf("z"::equals)),
                op("removeAll matching nothing", l -> l.removeAll(List.of("y", "z"))),
                op("retainAll keeping everything", l -> l.retainAll(List.of("a", "b", "c", "d", "e"))),
                op("addAll of nothing", l -> l.addAll(List.of())),
                op("set to the same reference", l -> l.set(1, l.get(1))),
                op("replaceAll with identity", l -> l.replaceAll(e -> e)),
                op("sort of a sorted list", l -> l.sort(null)),
                op("empty subList clear", l -> l.subList(2, 2).clear()),
                op("subList removeIf matching nothing", l -> l.subList(0, 2).removeIf("c"::equals)),
                op("ensureCapacity below the capacity", l -> ((CowList<String>) l).ensureCapacity(2)),
                op("trimToSize on a shared handle", l -> ((CowList<String>) l).trimToSize()),
                op("reads", l -> {
                    l.get(0);
                    l.contains("b");
                    l.indexOf("c");
                    l.toArray();
                    l.hashCode();
                    l.equals(ORIGINAL);
                    l.forEach(e -> { });
                    l.stream().count();
                    l.subList(0, 2).iterator().next();
                }));
    }

    private static List<String> expectedAfter(Consumer<List<String>> write) {
        List<String> model = new ArrayList<>(ORIGINAL);
        write.accept(model);
        return model;
    }

    @Test
    void copySharesTheBufferWithoutCopyingIt() {
        CowList<String> a = new CowList<>(ORIGINAL);
        CowList<String> b = a.copy();
        assertSame(a.refCount(), b.refCount());
        assertEquals(2, a.refCount().sharesVolatile());
        assertTrue(a.isShared());
        assertTrue(b.isShared());
        assertEquals(a, b);
    }

    @Test
    void cloneCopyOfAndTheSharingConstructorShareToo() {
        CowList<String> a = new CowList<>(ORIGINAL);
        CowList<String> cloned = a.clone();
        List<String> copied = CowList.copyOf(a);
        CowList<String> constructed = new CowList<>(a);
        assertSame(a.refCount(), cloned.refCount());
        assertSame(a.refCount(), ((CowList<String>) copied).refCount());
        assertSame(a.refCount(), constructed.refCount());
        assertEquals(4, a.refCount().sharesVolatile());
        assertEquals(ORIGINAL, cloned);
        assertEquals(ORIGINAL, copied);
        assertEquals(ORIGINAL, constructed);
    }

    @Test
    void copyOfAnotherCollectionCopiesIt() {
        ArrayList<String> source = new ArrayList<>(ORIGINAL);
        CowList<String> list = CowList.copyOf(source);
        source.set(0, "x");
        assertEquals(ORIGINAL, list);
        assertFalse(list.isShared());
    }

    @ParameterizedTest
    @MethodSource("writes")
    void writeToSharedListDetachesOnlyTheWriter(Consumer<List<String>> write) {
        CowList<String> writer = new CowList<>(ORIGINAL);
        CowList<String> sibling = writer.copy();
        RefCount sharedCount = writer.refCount();

        write.accept(writer);

        assertEquals(expectedAfter(write), writer);
        assertEquals(ORIGINAL, sibling, "the sibling sees nothing");
        assertNotSame(sharedCount, writer.refCount(), "the writer detached");
        assertSoleHolder(sibling, "the writer gave its share back");
    }

    @ParameterizedTest
    @MethodSource("writes")
    void writeToUniqueListHappensInPlace(Consumer<List<String>> write) {
        CowList<String> list = new CowList<>(ORIGINAL);
        RefCount count = list.refCount();
        boolean paged = list.isPaged();

        write.accept(list);

        assertEquals(expectedAfter(write), list);
        if (list.isPaged() == paged) {
            assertSame(count, list.refCount(), "no detach");
        } else {
            assertEquals(1, list.refCount().sharesVolatile(), "a change of layout moves to private storage");
        }
        assertFalse(list.isShared());
    }

    /**
     * {@code list} holds the only share of its buffer (flat) or directory (paged). A paged list
     * may still share pages with the handles it detached from, and SPEC rule 7 has
     * {@code isShared()} say so, so only a flat list must answer false.
     */
    static void assertSoleHolder(CowList<?> list, String message) {
        assertEquals(1, list.refCount().sharesVolatile(), message);
        if (!list.isPaged()) {
            assertFalse(list.isShared(), message);
        }
    }

    @ParameterizedTest
    @MethodSource("callsThatChangeNothing")
    void callThatChangesNothingNeverDetaches(Consumer<List<String>> call) {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();
        RefCount sharedCount = list.refCount();

        call.accept(list);

        assertEquals(ORIGINAL, list);
        assertSame(sharedCount, list.refCount());
        assertTrue(list.isShared());
        assertTrue(sibling.isShared());
    }

    @Test
    void clearOfAnEmptyListNeverDetaches() {
        CowList<String> list = new CowList<>();
        list.clear();
        assertSame(RefCount.IMMORTAL, list.refCount());
    }

    @Test
    void writeThatFollowsADetachHappensInPlace() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();
        list.add("x");
        RefCount privateCount = list.refCount();
        list.add("y");
        list.set(0, "z");
        list.remove(1);
        assertSame(privateCount, list.refCount());
        assertEquals(ORIGINAL, sibling);
    }

    @Test
    void siblingLeftAloneAfterTheOtherDetachedWritesInPlace() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();
        RefCount sharedCount = list.refCount();
        list.add("x");
        sibling.add("y");
        assertSame(sharedCount, sibling.refCount(), "the last holder keeps the buffer");
        assertEquals(List.of("a", "b", "c", "d", "y"), sibling);
        assertEquals(List.of("a", "b", "c", "d", "x"), list);
    }

    @Test
    void clearOnSharedListGivesItsShareBackInConstantTime() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();

        list.clear();

        assertTrue(list.isEmpty());
        assertSame(RefCount.IMMORTAL, list.refCount(), "points at the static empty buffer");
        assertSoleHolder(sibling, "the cleared handle gave its share back");
        assertEquals(ORIGINAL, sibling);
    }

    @Test
    void droppedCopyKeepsItsShareSoTheNextWriteCopiesOnce() {
        CowList<String> list = new CowList<>(ORIGINAL);
        list.copy();
        assertTrue(list.isShared(), "Java has no destructor: the dropped copy still counts");
        list.add("x");
        assertSoleHolder(list, "the write detached");
        assertEquals(List.of("a", "b", "c", "d", "x"), list);
    }

    @Test
    void viewCreatedBeforeACopyWritesThroughToItsOwnHandleOnly() {
        CowList<String> list = new CowList<>(ORIGINAL);
        List<String> view = list.subList(1, 3);
        ListIterator<String> iterator = list.listIterator();
        CowList<String> sibling = list.copy();

        view.set(0, "x");
        iterator.next();
        iterator.set("y");

        assertEquals(List.of("y", "x", "c", "d"), list);
        assertEquals(ORIGINAL, sibling);
    }

    @Test
    void iteratorOfASharedListSurvivesTheSiblingsWrites() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();
        Iterator<String> it = list.iterator();
        it.next();
        sibling.clear();
        sibling.add("z");
        List<String> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertEquals(List.of("b", "c", "d"), rest);
    }

    @Test
    void copiesAreShallowSoMutableElementsAreShared() {
        CowList<CowList<String>> outer = CowList.of(CowList.of("a"));
        CowList<CowList<String>> outerCopy = outer.copy();

        outerCopy.get(0).add("b");

        assertEquals(List.of("a", "b"), outer.get(0), "both lists hold the same inner list");
    }

    @Test
    void copyingTheElementBeforeWritingKeepsTheListsIndependent() {
        CowList<CowList<String>> outer = CowList.of(CowList.of("a"));
        CowList<CowList<String>> outerCopy = outer.copy();

        CowList<String> mine = outerCopy.get(0).copy();
        mine.add("b");
        outerCopy.set(0, mine);

        assertEquals(List.of("a"), outer.get(0));
        assertEquals(List.of("a", "b"), outerCopy.get(0));
    }

    @Test
    void listAtTheCountCeilingStaysSharedAndNeverWraps() {
        CowList<String> list = new CowList<>(ORIGINAL);
        RefCount count = list.refCount();
        count.setSharesVolatileForTesting(RefCount.SATURATED - 1);

        CowList<String> atCeiling = list.copy();
        CowList<String> beyondCeiling = list.copy();

        assertEquals(RefCount.SATURATED, count.sharesVolatile());
        atCeiling.add("x");
        beyondCeiling.clear();
        assertEquals(RefCount.SATURATED, count.sharesVolatile(), "releases leave a saturated count alone");
        assertTrue(list.isShared(), "shared for good");
        list.set(0, "y");
        assertNotSame(count, list.refCount(), "every handle on it detaches on its next write");
        assertEquals(List.of("y", "b", "c", "d"), list);
        assertEquals(List.of("a", "b", "c", "d", "x"), atCeiling);
        assertSoleHolder(list, "the write detached");
    }

    @Test
    void emptyListsShareTheImmortalBufferUntilTheirFirstWrite() {
        CowList<String> empty = new CowList<>();
        CowList<String> alsoEmpty = CowList.of();
        assertSame(RefCount.IMMORTAL, empty.refCount());
        assertSame(RefCount.IMMORTAL, alsoEmpty.refCount());
        assertSame(RefCount.IMMORTAL, new CowList<>(List.of()).refCount());
        assertTrue(empty.isShared());

        empty.add("a");

        assertNotSame(RefCount.IMMORTAL, empty.refCount());
        assertFalse(empty.isShared());
        assertEquals(RefCount.SATURATED, RefCount.IMMORTAL.sharesVolatile());
        assertTrue(alsoEmpty.isEmpty());
    }

    @Test
    void ensureCapacityBeyondTheSharedBufferDetachesOnceForTheAddsThatFollow() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();
        list.ensureCapacity(100);
        RefCount privateCount = list.refCount();
        for (int i = 0; i < 96; i++) {
            list.add("x");
        }
        assertSame(privateCount, list.refCount());
        assertEquals(100, list.size());
        assertEquals(ORIGINAL, sibling);
    }

    @Test
    void sortThatThrowsOnASharedListLeavesBothHandlesUnchanged() {
        CowList<String> list = new CowList<>(List.of("d", "c", "b", "a"));
        CowList<String> sibling = list.copy();
        Comparator<String> failing = (x, y) -> {
            throw new IllegalStateException("comparator failed");
        };
        try {
            list.sort(failing);
        } catch (IllegalStateException expected) {
            // the point of the test is what the handles hold afterwards
        }
        assertEquals(List.of("d", "c", "b", "a"), list);
        assertEquals(List.of("d", "c", "b", "a"), sibling);
        assertTrue(list.isShared());
    }

    @Test
    void removeIfThatThrowsLeavesTheListUnchanged() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();
        CowList<String> unique = new CowList<>(ORIGINAL);
        for (CowList<String> target : List.of(list, unique)) {
            try {
                target.removeIf(e -> {
                    if (e.equals("c")) {
                        throw new IllegalStateException("filter failed");
                    }
                    return e.equals("a");
                });
            } catch (IllegalStateException expected) {
                // the point of the test is what the handles hold afterwards
            }
            assertEquals(ORIGINAL, target);
        }
        assertEquals(ORIGINAL, sibling);
    }

    @Test
    void replaceAllThatThrowsNeverChangesASibling() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();
        try {
            list.replaceAll(e -> {
                if (e.equals("c")) {
                    throw new IllegalStateException("operator failed");
                }
                return e + "!";
            });
        } catch (IllegalStateException expected) {
            // the point of the test is what the handles hold afterwards
        }
        assertEquals(List.of("a!", "b!", "c", "d"), list, "as ArrayList, the elements before the failure are replaced");
        assertEquals(ORIGINAL, sibling);
    }

    @Test
    void filterThatDetachesTheListThroughSetNeverWritesIntoTheSharedBuffer() {
        CowList<String> list = new CowList<>(ORIGINAL);
        CowList<String> sibling = list.copy();
        list.removeIf(e -> {
            if (e.equals("a")) {
                list.set(3, "D");
            }
            return e.equals("b");
        });
        assertEquals(List.of("a", "c", "D"), list);
        assertEquals(ORIGINAL, sibling);
    }

    @Test
    void equalsHashCodeAndToStringAgreeWithArrayList() {
        List<String> withNull = new ArrayList<>(ORIGINAL);
        withNull.add(null);
        CowList<String> list = new CowList<>(withNull);
        assertEquals(withNull, list);
        assertEquals(list, withNull);
        assertEquals(withNull.hashCode(), list.hashCode());
        assertEquals(withNull.toString(), list.toString());
        assertEquals(list, list.copy());
        assertFalse(list.equals(new ArrayList<>(ORIGINAL)));
        assertFalse(list.equals(CowList.of("a", "b", "c", "d", "e")));
    }
}

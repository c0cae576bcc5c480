package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sharing rules of SPEC.md for {@link CowSet}, one test (or one family of cases) per rule. */
class CowSetSharingTest {

    private static final List<String> ORIGINAL = List.of("a", "b", "c", "d");

    private static Set<String> original() {
        return new LinkedHashSet<>(ORIGINAL);
    }

    private static Named<Consumer<Set<String>>> op(String name, Consumer<Set<String>> op) {
        return Named.of(name, op);
    }

    /** Every kind of write, each of which changes the contents of {@link #ORIGINAL}. */
    static Stream<Named<Consumer<Set<String>>>> writes() {
        return Stream.of(
                op("add", s -> s.add("x")),
                op("remove", s -> s.remove("b")),
                op("addAll", s -> s.addAll(List.of("a", "x", "y"))),
                op("removeAll", s -> s.removeAll(List.of("a", "d"))),
                op("retainAll", s -> s.retainAll(List.of("c"))),
                op("removeIf", s -> s.removeIf(e -> e.compareTo("b") > 0)),
                op("clear", Set::clear),
                op("iterator remove", s -> {
                    Iterator<String> it = s.iterator();
                    it.next();
                    it.next();
                    it.remove();
                }));
    }

    /** Calls that leave the contents of {@link #ORIGINAL} unchanged. */
    static Stream<Named<Consumer<Set<String>>>> callsThatChangeNothing() {
        return Stream.of(
                op("add of a present element", s -> s.add("a")),
                op("add of an equal element", s -> s.add(new String("b"))),
                op("addAll of present elements", s -> s.addAll(List.of("d", "c"))),
                op("remove of an absent element", s -> s.remove("z")),
                op("removeAll matching nothing", s -> s.removeAll(List.of("y", "z"))),
                op("retainAll keeping everything", s -> s.retainAll(List.of("a", "b", "c", "d", "e"))),
                op("removeIf matching nothing", s -> s.removeIf("z"::equals)),
                op("reads", s -> {
                    s.contains("a");
                    s.containsAll(List.of("a", "b"));
                    s.hashCode();
                    s.toString();
                    s.equals(original());
                    s.toArray();
                    s.toArray(new String[0]);
                    s.forEach(e -> { });
                    s.stream().count();
                    s.iterator().next();
                }));
    }

    private static Set<String> expectedAfter(Consumer<Set<String>> write) {
        Set<String> model = original();
        write.accept(model);
        return model;
    }

    private static void assertSameElementsInOrder(Set<String> expected, Set<String> actual) {
        assertEquals(expected, actual);
        assertEquals(List.copyOf(expected), List.copyOf(actual), "iteration order");
    }

    @Test
    void copySharesTheBufferAndCountsTheShare() {
        CowSet<String> a = new CowSet<>(ORIGINAL);
        RefCount count = a.refCount();
        CowSet<String> b = a.copy();
        CowSet<String> c = b.clone();
        assertSame(count, b.refCount());
        assertSame(count, c.refCount());
        assertEquals(3, count.sharesVolatile());
        assertTrue(a.isShared());
        assertTrue(c.isShared());
        assertSameElementsInOrder(original(), c);
    }

    @Test
    void theSharingConstructorAndCopyOfOfACowSetShare() {
        CowSet<String> a = new CowSet<>(ORIGINAL);
        CowSet<String> constructed = new CowSet<>(a);
        CowSet<String> copied = CowSet.copyOf(a);
        assertSame(a.refCount(), constructed.refCount());
        assertSame(a.refCount(), copied.refCount());
        assertEquals(3, a.refCount().sharesVolatile());
        assertSameElementsInOrder(original(), copied);
    }

    @Test
    void theConstructorAndCopyOfOfAnotherCollectionCopyIt() {
        Set<String> source = original();
        CowList<String> list = new CowList<>(ORIGINAL);
        CowSet<String> constructed = new CowSet<>(source);
        CowSet<String> copied = CowSet.copyOf(source);
        CowSet<String> fromCowList = CowSet.copyOf(list);
        CowSet<String> fromMapKeys = new CowSet<>(CowMap.of("a", 1, "b", 2, "c", 3, "d", 4).keySet());

        source.remove("a");
        list.set(0, "x");

        for (CowSet<String> set : List.of(constructed, copied, fromCowList, fromMapKeys)) {
            assertSameElementsInOrder(original(), set);
            assertFalse(set.isShared());
        }
        assertNotSame(constructed.refCount(), copied.refCount());
        assertNotSame(list.refCount(), fromCowList.refCount());
    }

    @ParameterizedTest
    @MethodSource("writes")
    void writeToASharedSetDetachesOnlyTheWriter(Consumer<Set<String>> write) {
        CowSet<String> writer = new CowSet<>(ORIGINAL);
        CowSet<String> sibling = writer.copy();
        CowSet<String> thirdHandle = sibling.copy();
        RefCount sharedCount = writer.refCount();

        write.accept(writer);

        assertSameElementsInOrder(expectedAfter(write), writer);
        assertSameElementsInOrder(original(), sibling);
        assertSameElementsInOrder(original(), thirdHandle);
        assertNotSame(sharedCount, writer.refCount(), "the writer detached");
        assertEquals(2, sharedCount.sharesVolatile(), "the writer gave its share back");
        if (writer.isEmpty()) {
            assertSame(RefCount.IMMORTAL, writer.refCount(), "a shared clear() points at the empty buffer");
        } else {
            CowMapSharingTest.assertSoleHolder(writer.elementMap(), "the writer holds its own buffer");
        }
    }

    @ParameterizedTest
    @MethodSource("writes")
    void writeToAUniqueSetHappensInPlace(Consumer<Set<String>> write) {
        CowSet<String> set = new CowSet<>(ORIGINAL);
        RefCount count = set.refCount();
        Object layout = MapPool.layout(set.elementMap());

        write.accept(set);

        assertSameElementsInOrder(expectedAfter(write), set);
        CowMapSharingTest.assertWrittenInPlace(count, layout, set.elementMap());
        assertEquals(1, count.sharesVolatile());
    }

    @ParameterizedTest
    @MethodSource("callsThatChangeNothing")
    void callThatChangesNothingNeverDetaches(Consumer<Set<String>> call) {
        CowSet<String> set = new CowSet<>(ORIGINAL);
        CowSet<String> sibling = set.copy();
        RefCount sharedCount = set.refCount();

        call.accept(set);

        assertSameElementsInOrder(original(), set);
        assertSame(sharedCount, set.refCount());
        assertEquals(2, sharedCount.sharesVolatile());
        assertTrue(sibling.isShared());
    }

    @Test
    void addOfAPresentElementKeepsTheFirstElementObject() {
        String first = new String("a");
        CowSet<String> set = CowSet.of(first);
        CowSet<String> sibling = set.copy();
        assertFalse(set.add(new String("a")));
        assertSame(first, set.iterator().next(), "as HashSet, the element already there stays");
        assertSame(sibling.refCount(), set.refCount());
    }

    @Test
    void clearOfAnEmptySetNeverDetaches() {
        CowSet<String> immortal = new CowSet<>();
        immortal.clear();
        assertSame(RefCount.IMMORTAL, immortal.refCount());

        CowSet<String> emptied = CowSet.of("a");
        emptied.remove("a");
        CowSet<String> sibling = emptied.copy();
        RefCount sharedCount = emptied.refCount();
        emptied.clear();
        assertSame(sharedCount, emptied.refCount());
        assertTrue(sibling.isShared());
    }

    @Test
    void clearOnASharedSetMovesItToTheImmortalEmptyBufferAndGivesItsShareBack() {
        CowSet<String> set = new CowSet<>(ORIGINAL);
        CowSet<String> sibling = set.copy();
        RefCount sharedCount = set.refCount();

        set.clear();

        assertSame(RefCount.IMMORTAL, set.refCount());
        assertEquals(1, sharedCount.sharesVolatile());
        CowMapSharingTest.assertSoleHolder(sibling.elementMap(), "the cleared set gave its share back");
        assertSameElementsInOrder(original(), sibling);
        set.add("x");
        assertEquals(Set.of("x"), set);
        assertFalse(set.isShared());
    }

    @Test
    void iteratorTakenBeforeACopyRemovesFromItsOwnHandleOnly() {
        CowSet<String> set = new CowSet<>(ORIGINAL);
        Iterator<String> it = set.iterator();
        CowSet<String> sibling = set.copy();
        it.next();
        it.remove();
        assertEquals("b", it.next());
        it.remove();
        assertEquals(List.of("c", "d"), List.copyOf(set));
        assertSameElementsInOrder(original(), sibling);
        CowMapSharingTest.assertSoleHolder(sibling.elementMap(), "the set detached");
    }

    @Test
    void iteratorOfASharedSetIsUndisturbedByTheSiblingsWrites() {
        CowSet<String> set = new CowSet<>(ORIGINAL);
        CowSet<String> sibling = set.copy();
        Iterator<String> it = set.iterator();
        it.next();
        sibling.remove("b");
        sibling.add("z");
        StringBuilder rest = new StringBuilder();
        it.forEachRemaining(rest::append);
        assertEquals("bcd", rest.toString());
    }

    @Test
    void equalsOfTwoHandlesOnOneBufferNeedsNoElementComparison() {
        Object refusesComparison = new Object() {
            @Override
            public boolean equals(Object o) {
                if (o == this) {
                    return true;
                }
                throw new AssertionError("two handles of one buffer are equal without comparing elements");
            }

            @Override
            public int hashCode() {
                return 1;
            }
        };
        CowSet<Object> set = CowSet.of(refusesComparison, "b");
        assertTrue(set.equals(set.copy()));
        assertTrue(set.copy().equals(set));
        assertEquals(new HashSet<>(set), set);
    }

    @Test
    void aCountPushedToTheCeilingSaturatesAndNeverWraps() {
        CowSet<String> set = new CowSet<>(ORIGINAL);
        RefCount count = set.refCount();
        count.setSharesVolatileForTesting(RefCount.SATURATED - 1);

        CowSet<String> atCeiling = set.copy();
        CowSet<String> beyondCeiling = atCeiling.copy();

        assertEquals(RefCount.SATURATED, count.sharesVolatile());
        assertSame(count, beyondCeiling.refCount());
        atCeiling.add("x");
        beyondCeiling.clear();
        assertEquals(RefCount.SATURATED, count.sharesVolatile(), "releases leave a saturated count alone");
        assertTrue(set.isShared(), "shared for good");
        set.remove("a");
        assertNotSame(count, set.refCount(), "every handle on it detaches on its next write");
        CowMapSharingTest.assertSoleHolder(set.elementMap(), "the write detached");
        assertEquals(List.of("b", "c", "d"), List.copyOf(set));
        assertEquals(List.of("a", "b", "c", "d", "x"), List.copyOf(atCeiling));
        assertTrue(beyondCeiling.isEmpty());
    }

    @Test
    void emptySetsShareTheImmortalBufferUntilTheirFirstWrite() {
        CowSet<String> empty = new CowSet<>();
        List<CowSet<String>> alsoEmpty = List.of(CowSet.of(), new CowSet<>(0), new CowSet<>(List.of()),
                CowSet.copyOf(Set.of()), empty.copy());
        assertSame(RefCount.IMMORTAL, empty.refCount());
        for (CowSet<String> other : alsoEmpty) {
            assertSame(RefCount.IMMORTAL, other.refCount());
            assertTrue(other.isShared());
        }

        empty.add("a");

        assertNotSame(RefCount.IMMORTAL, empty.refCount());
        assertFalse(empty.isShared());
        assertEquals(RefCount.SATURATED, RefCount.IMMORTAL.sharesVolatile());
        for (CowSet<String> other : alsoEmpty) {
            assertTrue(other.isEmpty());
        }
    }
}

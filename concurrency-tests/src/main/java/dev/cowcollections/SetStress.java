package dev.cowcollections;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * The thread-safety guarantee of SPEC.md for {@link CowSet}. Small sets hold one-digit numbers,
 * and outcomes print contents as numbers in iteration order: [1, 2, 3] is 123. Larger sets are
 * checked against the list of elements they must hold, in order and by lookup of every element.
 * A {@code CowSet} is a {@code CowMap} of its elements, whose detach {@link MapStress} covers in
 * depth; these scenarios go through the set's own entry points. Every outcome not named is
 * forbidden.
 */
public final class SetStress {

    private SetStress() {
    }

    /** The table behind a set: a private field, read here only to show which buffer a scenario built. */
    private static final Field TABLE;

    static {
        try {
            TABLE = CowSet.class.getDeclaredField("map");
            TABLE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static CompactHashTable tableOf(CowSet<?> set) {
        try {
            return (CompactHashTable) TABLE.get(set);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether {@code set} iterates exactly {@code expected}, in order, and finds each element by lookup. */
    static boolean holdsExactly(Set<?> set, List<?> expected) {
        return new ArrayList<>(set).equals(expected) && set.containsAll(expected);
    }

    /**
     * Scenario 1: three handles on one buffer, two of them written at the same moment: one adds
     * an element (a detach that rebuilds, since {@code of} fills its buffer), one removes one (a
     * detach that copies). Each must show exactly its own write and the original neither; both
     * releases must count, leaving the original with the only share.
     */
    @JCStressTest
    @Outcome(id = "1234, 13, 123, 1", expect = ACCEPTABLE,
            desc = "each copy shows exactly its own write; the original is whole and holds the only share")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into another handle or was lost, or a release was lost")
    @State
    public static class SiblingAddAndRemove {
        final CowSet<Integer> original = CowSet.of(1, 2, 3);
        final CowSet<Integer> adder = original.copy();
        final CowSet<Integer> remover = original.copy();

        @Actor
        public void add() {
            adder.add(4);
        }

        @Actor
        public void remove() {
            remover.remove(2);
        }

        @Arbiter
        public void contents(IIII_Result r) {
            r.r1 = Digits.of(adder);
            r.r2 = Digits.of(remover);
            r.r3 = Digits.of(original);
            r.r4 = original.refCount().sharesVolatile();
        }
    }

    private static final int TREE_ELEMENTS = CompactHashTable.TREEIFY_THRESHOLD + 4;
    private static final CollidingKey[] COLLIDING = CollidingKey.first(TREE_ELEMENTS);
    private static final int PLAIN_ELEMENTS = 32 - TREE_ELEMENTS;
    private static final List<Object> GROWN = new ArrayList<>();
    private static final List<Object> WRITTEN_IN_PLACE = new ArrayList<>();

    static {
        GROWN.addAll(Arrays.asList(COLLIDING));
        WRITTEN_IN_PLACE.addAll(Arrays.asList(COLLIDING));
        WRITTEN_IN_PLACE.remove(COLLIDING[5]);
        for (int i = 0; i < PLAIN_ELEMENTS; i++) {
            GROWN.add(i);
            if (i != PLAIN_ELEMENTS - 1) {
                WRITTEN_IN_PLACE.add(i);
            }
        }
        GROWN.add(PLAIN_ELEMENTS);
    }

    /**
     * Scenario 2, a rebuilding detach of a buffer that holds a collision tree racing an in-place
     * write: the set is full (32 elements, the first twelve of one hash code, so in a tree), so
     * the first handle's add copies the live elements into a buffer of 48 and builds a new index
     * and a new tree from them. The second handle removes a colliding element (relinking its
     * tree) and the last plain one (a tombstone), in place once it sees itself unique. The
     * rebuild must read the old buffer as it was: a tombstone or a relinked tree seen half-way
     * would drop an element from the copy or duplicate one.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 0, 1", expect = ACCEPTABLE, desc = "the second handle found the buffer shared and detached too")
    @Outcome(id = "1, 1, 1, 1", expect = ACCEPTABLE,
            desc = "the second handle saw the first's release, then wrote its elements, index and tree in place")
    @Outcome(expect = FORBIDDEN, desc = "a torn rebuild, a lost write, or a buffer without its tree")
    @State
    public static class RebuildingDetachRacingInPlaceWrite {
        final CowSet<Object> first = CowSet.of(GROWN.subList(0, GROWN.size() - 1).toArray());
        final CowSet<Object> second = first.copy();
        final RefCount secondCountBefore = second.refCount();

        @Actor
        public void rebuild() {
            first.add(PLAIN_ELEMENTS);
        }

        @Actor
        public void writeInPlace(IIII_Result r) {
            second.remove(COLLIDING[5]);
            second.remove(PLAIN_ELEMENTS - 1);
            r.r3 = second.refCount() == secondCountBefore ? 1 : 0;
        }

        @Arbiter
        public void contents(IIII_Result r) {
            CompactHashTable firstTable = tableOf(first);
            r.r1 = holdsExactly(first, GROWN) ? 1 : 0;
            r.r2 = holdsExactly(second, WRITTEN_IN_PLACE) ? 1 : 0;
            r.r4 = firstTable.entries.length >> 1 == 48 && firstTable.trees != null && tableOf(second).trees != null
                    ? 1 : 0;
        }
    }

    /**
     * Scenarios 3 and 7: one handle is copied, then iterated, hashed, searched and compared, while
     * a sibling on the same buffer removes and adds elements. The sibling detaches before its
     * first write, so the reader sees its own value throughout, in its order, and the copy, read
     * after the sibling's writes, is an exact snapshot.
     */
    @JCStressTest
    @Outcome(id = "1234, 1, 1234, 245", expect = ACCEPTABLE,
            desc = "the reader saw its own value throughout; the copy is an exact snapshot")
    @Outcome(expect = FORBIDDEN, desc = "the reader or its copy saw a sibling's write, or the sibling lost one")
    @State
    public static class CopyAndIterateWhileSiblingWrites {
        final CowSet<Integer> reader = CowSet.of(1, 2, 3, 4);
        final CowSet<Integer> writer = reader.copy();
        CowSet<Integer> snapshot;

        @Actor
        public void copyAndRead(IIII_Result r) {
            snapshot = reader.copy();
            r.r1 = Digits.of(reader);
            r.r2 = reader.hashCode() == 10 && reader.contains(4) && reader.equals(Set.of(1, 2, 3, 4))
                    && Arrays.equals(reader.toArray(), new Object[] {1, 2, 3, 4}) ? 1 : 0;
        }

        @Actor
        public void write() {
            writer.remove(1);
            writer.add(5);
            writer.removeIf(e -> e == 3);
        }

        @Arbiter
        public void contents(IIII_Result r) {
            r.r3 = Digits.of(snapshot);
            r.r4 = Digits.of(writer);
        }
    }

    /**
     * Scenarios 4 and 5: a copy handed to another thread through a volatile field, after which
     * the giver gives its share back ({@code clear()} on a shared handle) while the receiver
     * tests its uniqueness and adds an element: in place if it saw the release, by detaching
     * otherwise. The receiver holds exactly its own write, the giver is empty, and the handed-off
     * copy ends unshared whether or not the receiver looked in time: the release was counted.
     */
    @JCStressTest
    @Outcome(id = "1234, 0, 0", expect = ACCEPTABLE, desc = "the receiver got the copy and added to it; the giver is empty")
    @Outcome(id = "-1, 0, 0", expect = ACCEPTABLE, desc = "the receiver looked before the hand-off")
    @Outcome(expect = FORBIDDEN, desc = "the clear crossed the hand-off, the receiver lost its write, or the release was lost")
    @State
    public static class HandOffThenGiverClears {
        final CowSet<Integer> source = new CowSet<>(8);
        volatile CowSet<Integer> handedOff;

        public HandOffThenGiverClears() {
            source.addAll(List.of(1, 2, 3));
        }

        @Actor
        public void giver() {
            handedOff = source.copy();
            source.clear();
        }

        @Actor
        public void receiver(III_Result r) {
            CowSet<Integer> received = handedOff;
            if (received == null) {
                r.r1 = -1;
            } else {
                received.add(4);
                r.r1 = Digits.of(received);
            }
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r2 = Digits.of(source);
            r.r3 = handedOff.isShared() ? 1 : 0;
        }
    }
}

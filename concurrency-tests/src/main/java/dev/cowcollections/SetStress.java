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

    /** The colliding elements, then the plain elements {@code 0} to {@code plain - 1}, in order. */
    private static List<Object> treeAndPlain(int plain) {
        List<Object> elements = new ArrayList<>(Arrays.asList(COLLIDING));
        for (int i = 0; i < plain; i++) {
            elements.add(i);
        }
        return elements;
    }

    /**
     * Scenario 2 for a buffer that holds a collision tree and must make room: the set is full
     * ({@code n} elements, the first twelve of one hash code, so in a tree), so the first
     * handle's add detaches into a buffer half again as large, with a tree of that capacity.
     * The second handle removes a colliding element (relinking its tree) and the last plain one
     * (a tombstone), in place once it sees itself unique. Outcomes: whether each handle holds
     * exactly what it must, whether the second wrote in place, and whether the first has the new
     * capacity, the index length that shows which kind of growth the case exercises, and both
     * have their trees.
     */
    abstract static class FullBufferDetach {
        final CowSet<Object> first;
        final CowSet<Object> second;
        final RefCount secondCountBefore;
        private final int plain;
        private final int grownCapacity;
        private final int grownIndexLength;
        private final List<Object> grown;
        private final List<Object> writtenInPlace;

        FullBufferDetach(int n, int grownCapacity, int grownIndexLength, List<Object> grown, List<Object> writtenInPlace) {
            plain = n - TREE_ELEMENTS;
            first = CowSet.of(grown.subList(0, n).toArray());
            second = first.copy();
            secondCountBefore = second.refCount();
            this.grownCapacity = grownCapacity;
            this.grownIndexLength = grownIndexLength;
            this.grown = grown;
            this.writtenInPlace = writtenInPlace;
        }

        void addNewElement() {
            first.add(plain);
        }

        void writeInPlace(IIII_Result r) {
            second.remove(COLLIDING[5]);
            second.remove(plain - 1);
            r.r3 = second.refCount() == secondCountBefore ? 1 : 0;
        }

        void contents(IIII_Result r) {
            CompactHashTable firstTable = tableOf(first);
            r.r1 = holdsExactly(first, grown) ? 1 : 0;
            r.r2 = holdsExactly(second, writtenInPlace) ? 1 : 0;
            r.r4 = firstTable.entries.length >> 1 == grownCapacity && firstTable.index.length == grownIndexLength
                    && firstTable.trees != null
                    && tableOf(second).trees != null ? 1 : 0;
        }

        /** What the second handle holds after its writes: {@code n} elements less two. */
        static List<Object> writtenInPlace(int n) {
            List<Object> elements = treeAndPlain(n - TREE_ELEMENTS - 1);
            elements.remove(COLLIDING[5]);
            return elements;
        }
    }

    private static final List<Object> GROWN_FROM_48 = treeAndPlain(48 - TREE_ELEMENTS + 1);
    private static final List<Object> WRITTEN_IN_48 = FullBufferDetach.writtenInPlace(48);

    /**
     * {@link FullBufferDetach} where only the arrays grow: 72 entries fit the index of 128 slots
     * that 48 have, so the detach copies the entries and the tree's arrays, longer, and clones
     * the index. It must copy the old buffer as it was: a tombstone or a relinked tree seen
     * half-way would drop an element from the copy or duplicate one.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 0, 1", expect = ACCEPTABLE, desc = "the second handle found the buffer shared and detached too")
    @Outcome(id = "1, 1, 1, 1", expect = ACCEPTABLE,
            desc = "the second handle saw the first's release, then wrote its elements, index and tree in place")
    @Outcome(expect = FORBIDDEN, desc = "a torn copy, a lost write, or a buffer without its tree")
    @State
    public static class GrowingDetachRacingInPlaceWrite extends FullBufferDetach {
        public GrowingDetachRacingInPlaceWrite() {
            super(48, 72, 128, GROWN_FROM_48, WRITTEN_IN_48);
        }

        @Actor
        public void grow() {
            addNewElement();
        }

        @Actor
        public void inPlace(IIII_Result r) {
            writeInPlace(r);
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            contents(r);
        }
    }

    private static final List<Object> GROWN_FROM_32 = treeAndPlain(32 - TREE_ELEMENTS + 1);
    private static final List<Object> WRITTEN_IN_32 = FullBufferDetach.writtenInPlace(32);

    /**
     * {@link FullBufferDetach} where the index must double: 48 entries do not fit the 64 slots
     * of 32, so the detach rebuilds, reading every live element and its hash code and building a
     * new index and a new tree. The rebuild must read the old buffer as it was: a tombstone or a
     * relinked tree seen half-way would drop an element from the copy or duplicate one.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 0, 1", expect = ACCEPTABLE, desc = "the second handle found the buffer shared and detached too")
    @Outcome(id = "1, 1, 1, 1", expect = ACCEPTABLE,
            desc = "the second handle saw the first's release, then wrote its elements, index and tree in place")
    @Outcome(expect = FORBIDDEN, desc = "a torn rebuild, a lost write, or a buffer without its tree")
    @State
    public static class RebuildingDetachRacingInPlaceWrite extends FullBufferDetach {
        public RebuildingDetachRacingInPlaceWrite() {
            super(32, 48, 128, GROWN_FROM_32, WRITTEN_IN_32);
        }

        @Actor
        public void rebuild() {
            addNewElement();
        }

        @Actor
        public void inPlace(IIII_Result r) {
            writeInPlace(r);
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            contents(r);
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

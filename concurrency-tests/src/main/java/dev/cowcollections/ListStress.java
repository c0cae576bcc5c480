package dev.cowcollections;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.Comparator;
import java.util.List;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The thread-safety guarantee of SPEC.md for {@link CowList}: handles that share a buffer may be
 * written from different threads at the same time with no synchronization, each seeing only its
 * own writes. Lists hold one-digit numbers, and outcomes print contents as numbers: [1, 2, 3] is
 * 123. Every outcome not named is forbidden.
 */
public final class ListStress {

    private ListStress() {
    }

    /**
     * Scenario 1: two copies of one buffer append at the same moment. Both see the count at 3, or
     * one sees it drop to 2 after the other detached; either way each must get a private buffer
     * holding the shared prefix plus its own element. A lost element, or an original that shows a
     * write, would mean a handle wrote into a buffer it did not own.
     */
    @JCStressTest
    @Outcome(id = "12, 13, 1", expect = ACCEPTABLE, desc = "each copy shows exactly its own add")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into another handle or was lost")
    @State
    public static class SiblingAdds {
        final CowList<Integer> original = CowList.of(1);
        final CowList<Integer> first = original.copy();
        final CowList<Integer> second = original.copy();

        @Actor
        public void first() {
            first.add(2);
        }

        @Actor
        public void second() {
            second.add(3);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = Digits.of(first);
            r.r2 = Digits.of(second);
            r.r3 = Digits.of(original);
        }
    }

    /** Scenario 1 with {@code set}: a write that keeps the size detaches just the same. */
    @JCStressTest
    @Outcome(id = "423, 125, 123", expect = ACCEPTABLE, desc = "each copy shows exactly its own set")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into another handle or was lost")
    @State
    public static class SiblingSets {
        final CowList<Integer> original = CowList.of(1, 2, 3);
        final CowList<Integer> first = original.copy();
        final CowList<Integer> second = original.copy();

        @Actor
        public void first() {
            first.set(0, 4);
        }

        @Actor
        public void second() {
            second.set(2, 5);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = Digits.of(first);
            r.r2 = Digits.of(second);
            r.r3 = Digits.of(original);
        }
    }

    /**
     * Scenario 1 with {@code remove}, on two handles only: the second remover may find itself
     * unique once the first released its share, and then removes in place. The first must have
     * copied the buffer before that, so its copy still holds the element the second removed.
     */
    @JCStressTest
    @Outcome(id = "23, 12", expect = ACCEPTABLE, desc = "each handle shows exactly its own removal")
    @Outcome(expect = FORBIDDEN, desc = "a removal leaked into the other handle or was lost")
    @State
    public static class SiblingRemoves {
        final CowList<Integer> first = CowList.of(1, 2, 3);
        final CowList<Integer> second = first.copy();

        @Actor
        public void first() {
            first.remove(0);
        }

        @Actor
        public void second() {
            second.remove(2);
        }

        @Arbiter
        public void contents(II_Result r) {
            r.r1 = Digits.of(first);
            r.r2 = Digits.of(second);
        }
    }

    /**
     * Scenario 1 with {@code clear}: both copies give their share back at once. Neither release
     * may be lost, so the original must end unshared, and it must still hold its elements.
     */
    @JCStressTest
    @Outcome(id = "0, 0, 123, 0", expect = ACCEPTABLE, desc = "both copies empty, the original whole and unshared")
    @Outcome(expect = FORBIDDEN, desc = "a clear reached another handle, or a release was lost")
    @State
    public static class SiblingClears {
        final CowList<Integer> original = CowList.of(1, 2, 3);
        final CowList<Integer> first = original.copy();
        final CowList<Integer> second = original.copy();

        @Actor
        public void first() {
            first.clear();
        }

        @Actor
        public void second() {
            second.clear();
        }

        @Arbiter
        public void contents(IIII_Result r) {
            r.r1 = Digits.of(first);
            r.r2 = Digits.of(second);
            r.r3 = Digits.of(original);
            r.r4 = original.isShared() ? 1 : 0;
        }
    }

    /**
     * Scenario 2: a detach racing an in-place write. The first handle detaches, copying all 64
     * elements, including the last. The second writes the last element: in place if it already
     * sees itself unique (the first released its share after copying), by detaching otherwise.
     * The first handle's copy must hold the old last element, never the second's write: a torn
     * copy would mean the release let the copy's reads move past it.
     */
    @JCStressTest
    @Outcome(id = "63, 0, 0, 1", expect = ACCEPTABLE, desc = "the second handle found the buffer shared and detached too")
    @Outcome(id = "63, 0, 1, 1", expect = ACCEPTABLE,
            desc = "the second handle saw the first's release, then wrote in place")
    @Outcome(expect = FORBIDDEN, desc = "a torn copy or a lost write")
    @State
    public static class DetachRacingInPlaceWrite {
        final CowList<Integer> first = new CowList<>(64);
        final CowList<Integer> second;
        final RefCount secondCountBefore;

        public DetachRacingInPlaceWrite() {
            for (int i = 0; i < 64; i++) {
                first.add(i);
            }
            second = first.copy();
            secondCountBefore = second.refCount();
        }

        @Actor
        public void detach() {
            first.set(0, -1);
        }

        @Actor
        public void writeLast(IIII_Result r) {
            second.set(63, -2);
            r.r3 = second.refCount() == secondCountBefore ? 1 : 0;
        }

        @Arbiter
        public void contents(IIII_Result r) {
            r.r1 = first.get(63);
            r.r2 = second.get(0);
            r.r4 = first.get(0) == -1 && second.get(63) == -2 ? 1 : 0;
        }
    }

    /**
     * Scenario 3: {@code copy()} of one handle while a sibling on the same buffer writes. The copy
     * only counts a share and reads the handle, never the sibling, so it is an exact snapshot.
     */
    @JCStressTest
    @Outcome(id = "123, 1534, 123", expect = ACCEPTABLE, desc = "the copy is an exact snapshot")
    @Outcome(expect = FORBIDDEN, desc = "the copy or the original saw the sibling's writes")
    @State
    public static class CopyWhileSiblingWrites {
        final CowList<Integer> original = CowList.of(1, 2, 3);
        final CowList<Integer> writer = original.copy();

        @Actor
        public void copy(III_Result r) {
            r.r1 = Digits.of(original.copy());
        }

        @Actor
        public void write() {
            writer.set(1, 5);
            writer.add(4);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r2 = Digits.of(writer);
            r.r3 = Digits.of(original);
        }
    }

    /**
     * Scenario 3 from both sides at once: two threads copy the same handle, which nobody writes,
     * and each writes its own copy. Copying only reads the handle and adds a share atomically,
     * so both shares count: the original ends shared by the two copies' buffers or by neither.
     */
    @JCStressTest
    @Outcome(id = "1234, 1235, 123, 1", expect = ACCEPTABLE, desc = "each copy holds its own write; no share was lost")
    @Outcome(expect = FORBIDDEN, desc = "a copy saw the other's write, or a share was lost")
    @State
    public static class ConcurrentCopiesOfOneHandle {
        final CowList<Integer> original = CowList.of(1, 2, 3);

        @Actor
        public void first(IIII_Result r) {
            CowList<Integer> copy = original.copy();
            copy.add(4);
            r.r1 = Digits.of(copy);
        }

        @Actor
        public void second(IIII_Result r) {
            CowList<Integer> copy = original.copy();
            copy.add(5);
            r.r2 = Digits.of(copy);
        }

        @Arbiter
        public void contents(IIII_Result r) {
            r.r3 = Digits.of(original);
            r.r4 = original.refCount().sharesVolatile();
        }
    }

    /**
     * Scenario 4: {@code clear()} on a shared handle gives its share back while the sibling tests
     * its uniqueness and writes. The sibling writes in place if it saw the release, or detaches;
     * either way it holds its own write and ends unshared, and the cleared handle is empty.
     */
    @JCStressTest
    @Outcome(id = "0, 1234, 0", expect = ACCEPTABLE, desc = "cleared, the sibling whole and unshared")
    @Outcome(expect = FORBIDDEN, desc = "the clear reached the sibling, or the sibling lost its write")
    @State
    public static class ClearRacingSiblingWrite {
        final CowList<Integer> cleared = CowList.of(1, 2, 3);
        final CowList<Integer> sibling = cleared.copy();

        @Actor
        public void clear() {
            cleared.clear();
        }

        @Actor
        public void write() {
            sibling.add(4);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = Digits.of(cleared);
            r.r2 = Digits.of(sibling);
            r.r3 = sibling.isShared() ? 1 : 0;
        }
    }

    /**
     * Scenario 5: a copy handed to another thread through a volatile field, after which both
     * sides write. The volatile write publishes the copy safely; from then on each side must see
     * exactly its own write.
     */
    @JCStressTest
    @Outcome(id = "1235, 1234", expect = ACCEPTABLE, desc = "the receiver got the copy: each side sees its own add")
    @Outcome(id = "-1, 1234", expect = ACCEPTABLE, desc = "the receiver looked before the hand-off")
    @Outcome(expect = FORBIDDEN, desc = "a write crossed the hand-off")
    @State
    public static class HandOffThroughAVolatileField {
        final CowList<Integer> source = CowList.of(1, 2, 3);
        volatile CowList<Integer> handedOff;

        @Actor
        public void giver() {
            handedOff = source.copy();
            source.add(4);
        }

        @Actor
        public void receiver(II_Result r) {
            CowList<Integer> received = handedOff;
            if (received == null) {
                r.r1 = -1;
            } else {
                received.add(5);
                r.r1 = Digits.of(received);
            }
        }

        @Arbiter
        public void contents(II_Result r) {
            r.r2 = Digits.of(source);
        }
    }

    /**
     * Scenario 7: one handle iterated, hashed and compared while a sibling on the same buffer is
     * rewritten. The sibling detaches before it writes, so the reader sees a consistent value.
     */
    @JCStressTest
    @Outcome(id = "12345, 1, 94327", expect = ACCEPTABLE, desc = "the reader saw its own value throughout")
    @Outcome(expect = FORBIDDEN, desc = "the reader saw a sibling's write")
    @State
    public static class ReadWhileSiblingWrites {
        final CowList<Integer> reader = CowList.of(1, 2, 3, 4, 5);
        final CowList<Integer> writer = reader.copy();
        final int expectedHash = List.of(1, 2, 3, 4, 5).hashCode();

        @Actor
        public void read(III_Result r) {
            r.r1 = Digits.of(reader);
            r.r2 = reader.hashCode() == expectedHash && reader.get(4) == 5 ? 1 : 0;
        }

        @Actor
        public void write() {
            writer.set(0, 9);
            writer.remove(4);
            writer.sort(Comparator.reverseOrder());
            writer.add(7);
        }

    @Arbiter
        public void contents(III_Result r) {
            r.r3 = Digits.of(writer);
        }
    }
}

package dev.cowcollections;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Scenario 6: the reference count alone. Retains and releases from two threads must never lose a
 * count, a count at its ceiling must stay there under contention, the immortal count must stay
 * immortal, and a release must publish the reads that came before it to a thread that then sees
 * the count unique.
 */
public final class RefCountStress {

    private RefCountStress() {
    }

    /** A lost update in either CAS loop would leave the count off by one. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "every retain was matched by its release")
    @Outcome(expect = FORBIDDEN, desc = "a retain or a release was lost")
    @State
    public static class RetainReleasePairs {
        final RefCount count = new RefCount();

        public RetainReleasePairs() {
            count.retain();
        }

        @Actor
        public void first() {
            count.retain();
            count.release();
        }

        @Actor
        public void second() {
            count.retain();
            count.release();
        }

        @Arbiter
        public void count(I_Result r) {
            r.r1 = count.sharesVolatile();
        }
    }

    /** Two copies made at once from two handles on one buffer: both shares must count. */
    @JCStressTest
    @Outcome(id = "4", expect = ACCEPTABLE, desc = "both retains counted")
    @Outcome(expect = FORBIDDEN, desc = "a retain was lost")
    @State
    public static class ConcurrentRetains {
        final RefCount count = new RefCount();

        public ConcurrentRetains() {
            count.retain();
        }

        @Actor
        public void first() {
            count.retain();
        }

        @Actor
        public void second() {
            count.retain();
        }

        @Arbiter
        public void count(I_Result r) {
            r.r1 = count.sharesVolatile();
        }
    }

    /** Two handles detach at once: both releases must count, leaving the last holder unique. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both releases counted; the last holder is unique")
    @Outcome(expect = FORBIDDEN, desc = "a release was lost")
    @State
    public static class ConcurrentReleases {
        final RefCount count = new RefCount();

        public ConcurrentReleases() {
            count.retain();
            count.retain();
        }

        @Actor
        public void first() {
            count.release();
        }

        @Actor
        public void second() {
            count.release();
        }

        @Arbiter
        public void count(II_Result r) {
            r.r1 = count.sharesVolatile();
            r.r2 = count.isUniqueAcquire() ? 1 : 0;
        }
    }

    /** Two retains race at one below the ceiling: the count must saturate, never wrap. */
    @JCStressTest
    @Outcome(id = "2147483647", expect = ACCEPTABLE, desc = "saturated at Integer.MAX_VALUE")
    @Outcome(expect = FORBIDDEN, desc = "the count wrapped or fell")
    @State
    public static class SaturationUnderContention {
        final RefCount count = new RefCount();

        public SaturationUnderContention() {
            count.setSharesVolatileForTesting(RefCount.SATURATED - 1);
        }

        @Actor
        public void first() {
            count.retain();
        }

        @Actor
        public void second() {
            count.retain();
        }

        @Arbiter
        public void count(I_Result r) {
            r.r1 = count.sharesVolatile();
        }
    }

    /** A release and a retain race on a saturated count: it stays saturated. */
    @JCStressTest
    @Outcome(id = "2147483647", expect = ACCEPTABLE, desc = "still saturated")
    @Outcome(expect = FORBIDDEN, desc = "a saturated count moved")
    @State
    public static class SaturatedCountStays {
        final RefCount count = new RefCount();

        public SaturatedCountStays() {
            count.setSharesVolatileForTesting(RefCount.SATURATED);
        }

        @Actor
        public void release() {
            count.release();
        }

        @Actor
        public void retain() {
            count.retain();
        }

        @Arbiter
        public void count(I_Result r) {
            r.r1 = count.sharesVolatile();
        }
    }

    /**
     * Empty lists copied and cleared from two threads at once: the immortal count of the static
     * empty buffer must not move and must never look unique.
     */
    @JCStressTest
    @Outcome(id = "2147483647, 0", expect = ACCEPTABLE, desc = "the empty buffer stays immortal")
    @Outcome(expect = FORBIDDEN, desc = "the immortal count moved or looked unique")
    @State
    public static class ImmortalStaysImmortal {
        final CowList<Integer> first = new CowList<>();
        final CowList<Integer> second = new CowList<>();

        @Actor
        public void first() {
            first.copy().add(1);
            RefCount.IMMORTAL.release();
        }

        @Actor
        public void second() {
            second.copy().clear();
            RefCount.IMMORTAL.retain();
        }

        @Arbiter
        public void count(II_Result r) {
            r.r1 = RefCount.IMMORTAL.sharesVolatile();
            r.r2 = RefCount.IMMORTAL.isUniqueAcquire() ? 1 : 0;
        }
    }

    /**
     * The ordering a detach relies on. The first actor is a handle that detaches: it reads the
     * buffer, then releases its share. The second is its sibling: if its acquire read sees the
     * count unique, it writes the buffer in place. The detaching read must never see that write;
     * if it could, the release would not keep the copy's reads before it.
     */
    @JCStressTest
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the sibling still saw the buffer shared")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the sibling saw the release and wrote after the read")
    @Outcome(expect = FORBIDDEN, desc = "the detaching read saw a write made after the release")
    @State
    public static class ReleaseOrdersEarlierReads {
        final RefCount count = new RefCount();
        final int[] buffer = new int[1];

        public ReleaseOrdersEarlierReads() {
            count.retain();
        }

        @Actor
        public void detach(II_Result r) {
            r.r1 = buffer[0];
            count.release();
        }

        @Actor
        public void writeIfUnique(II_Result r) {
            if (count.isUniqueAcquire()) {
                buffer[0] = 1;
                r.r2 = 1;
            }
        }
    }
}

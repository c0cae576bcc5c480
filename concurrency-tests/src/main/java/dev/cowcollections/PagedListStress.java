package dev.cowcollections;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * SPEC.md's thread-safety guarantee for {@link CowList}'s paged layout (PageDirectory): handles
 * on one paged buffer written from two threads at once, with no synchronization, each see
 * exactly their own writes, whether they write different pages or the same page, and whichever
 * of them finds itself the last holder of the directory and writes it in place. Lists of digits
 * live in pages of two ([1, 2] [3, 4] [5, 6] [7, 8]) and print as numbers: 12345678. Every outcome
 * not named is forbidden.
 */
public final class PagedListStress {

    private PagedListStress() {
    }

    static CowList<Integer> pagedDigits() {
        return CowList.pagedForTesting(List.of(1, 2, 3, 4, 5, 6, 7, 8), 1);
    }

    /**
     * Two handles on one directory write different pages at the same moment. Both may see the
     * count at two and each copy the directory and its page; or one releases first, and the other,
     * now the directory's only holder, must still copy its page, which the first's new directory
     * holds too, before writing it.
     */
    @JCStressTest
    @Outcome(id = "92345678, 12345608, 1", expect = ACCEPTABLE, desc = "each handle shows exactly its own write")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into the other handle or was lost")
    @State
    public static class SiblingsWriteDifferentPages {
        final CowList<Integer> first = pagedDigits();
        final CowList<Integer> second = first.copy();

        @Actor
        public void first() {
            first.set(0, 9);
        }

        @Actor
        public void second() {
            second.set(6, 0);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = Digits.of(first);
            r.r2 = Digits.of(second);
            r.r3 = first.isPaged() && second.isPaged() ? 1 : 0;
        }
    }

    /** As above, both writing the same page. */
    @JCStressTest
    @Outcome(id = "92345678, 10345678, 1", expect = ACCEPTABLE, desc = "each handle shows exactly its own write")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into the other handle or was lost")
    @State
    public static class SiblingsWriteTheSamePage {
        final CowList<Integer> first = pagedDigits();
        final CowList<Integer> second = first.copy();

        @Actor
        public void first() {
            first.set(0, 9);
        }

        @Actor
        public void second() {
            second.set(1, 0);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = Digits.of(first);
            r.r2 = Digits.of(second);
            r.r3 = first.isPaged() && second.isPaged() ? 1 : 0;
        }
    }

    /**
     * {@code copy()} of one handle while a sibling on the same directory writes two of its pages.
     * The copy only counts a share and touches no page: an exact snapshot.
     */
    @JCStressTest
    @Outcome(id = "12345678, 15345608, 12345678", expect = ACCEPTABLE, desc = "the copy is an exact snapshot")
    @Outcome(expect = FORBIDDEN, desc = "the copy or the original saw the sibling's writes")
    @State
    public static class CopyWhileSiblingWrites {
        final CowList<Integer> original = pagedDigits();
        final CowList<Integer> writer = original.copy();

        @Actor
        public void copy(III_Result r) {
            r.r1 = Digits.of(original.copy());
        }

        @Actor
        public void write() {
            writer.set(1, 5);
            writer.set(6, 0);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r2 = Digits.of(writer);
            r.r3 = Digits.of(original);
        }
    }

    /**
     * A page detach racing a sibling's in-place write of another page. Before the race, the second
     * handle detached and owns its copy of page 0, and the first is the last holder of the old
     * directory. Then the first writes page 7 (it must disown its pages and copy page 7, which the
     * second still holds) while the second writes page 0 in place and copies page 7 for itself.
     * Neither may see the other's write to page 7, and the in-place write must stay the second's.
     */
    @JCStressTest
    @Outcome(id = "61, 1, 60, 1", expect = ACCEPTABLE, desc = "each handle shows exactly its own writes")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked through a shared page, or was lost")
    @State
    public static class PageDetachRacingInPlaceWrite {
        final CowList<Integer> first = CowList.pagedForTesting(
                IntStream.range(0, 64).boxed().collect(Collectors.toList()), 3);
        final CowList<Integer> second = first.copy();

        public PageDetachRacingInPlaceWrite() {
            second.set(0, -5);
        }

        @Actor
        public void firstWritesPageSeven() {
            first.set(60, -1);
        }

        @Actor
        public void secondWritesPagesZeroAndSeven() {
            second.set(1, -2);
            second.set(61, -3);
        }

        @Arbiter
        public void contents(IIII_Result r) {
            r.r1 = first.get(61);
            r.r2 = first.get(1);
            r.r3 = second.get(60);
            r.r4 = first.get(60) == -1 && first.get(0) == 0 && second.get(0) == -5 && second.get(1) == -2
                    && second.get(61) == -3 ? 1 : 0;
        }
    }
}

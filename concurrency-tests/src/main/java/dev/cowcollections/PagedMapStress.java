package dev.cowcollections;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * SPEC.md's thread-safety guarantee for {@link CowMap}'s paged layout (its entries in a
 * PageDirectory, its index in IndexPages, one count for both): handles on one paged table
 * written from two threads at once, with no synchronization, each see exactly their own writes,
 * whether they write different pages or the same page, and whichever of them finds itself the
 * last holder of the directory and writes it in place. Maps of digits {1=1, 2=2, 3=3, 4=4} live
 * in entry pages of one entry and index pages of two slots, and print key then value in
 * iteration order: 11223344. Every outcome not named is forbidden.
 */
public final class PagedMapStress {

    private PagedMapStress() {
    }

    static CowMap<Integer, Integer> pagedDigits() {
        Map<Integer, Integer> digits = new LinkedHashMap<>();
        for (int k = 1; k <= 4; k++) {
            digits.put(k, k);
        }
        return CowMap.pagedForTesting(digits, 1, 1);
    }

    /** Two handles on one table replace values in different entry pages at the same moment. */
    @JCStressTest
    @Outcome(id = "19223344, 11223340, 1", expect = ACCEPTABLE, desc = "each handle shows exactly its own write")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into the other handle or was lost")
    @State
    public static class SiblingsWriteDifferentPages {
        final CowMap<Integer, Integer> first = pagedDigits();
        final CowMap<Integer, Integer> second = first.copy();

        @Actor
        public void first() {
            first.put(1, 9);
        }

        @Actor
        public void second() {
            second.put(4, 0);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = Digits.ofEntries(first);
            r.r2 = Digits.ofEntries(second);
            r.r3 = first.isPaged() && second.isPaged() ? 1 : 0;
        }
    }

    /**
     * Both handles write the same entry page and the index: one replaces the value of key 2, the
     * other removes key 2 (its entry page and an index slot) and adds key 5 (a new page, another
     * slot).
     */
    @JCStressTest
    @Outcome(id = "11293344, 11334455, 1", expect = ACCEPTABLE, desc = "each handle shows exactly its own writes")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into the other handle or was lost")
    @State
    public static class SiblingsWriteTheSamePage {
        final CowMap<Integer, Integer> first = pagedDigits();
        final CowMap<Integer, Integer> second = first.copy();

        @Actor
        public void first() {
            first.put(2, 9);
        }

        @Actor
        public void second() {
            second.remove(2);
            second.put(5, 5);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r1 = Digits.ofEntries(first);
            r.r2 = Digits.ofEntries(second);
            r.r3 = first.isPaged() && second.isPaged() && first.get(5) == null && second.get(2) == null ? 1 : 0;
        }
    }

    /**
     * {@code copy()} of one handle while a sibling on the same table writes two of its pages. The
     * copy only counts a share and touches no page: an exact snapshot.
     */
    @JCStressTest
    @Outcome(id = "11223344, 15223340, 11223344", expect = ACCEPTABLE, desc = "the copy is an exact snapshot")
    @Outcome(expect = FORBIDDEN, desc = "the copy or the original saw the sibling's writes")
    @State
    public static class CopyWhileSiblingWrites {
        final CowMap<Integer, Integer> original = pagedDigits();
        final CowMap<Integer, Integer> writer = original.copy();

        @Actor
        public void copy(III_Result r) {
            r.r1 = Digits.ofEntries(original.copy());
        }

        @Actor
        public void write() {
            writer.put(1, 5);
            writer.put(4, 0);
        }

        @Arbiter
        public void contents(III_Result r) {
            r.r2 = Digits.ofEntries(writer);
            r.r3 = Digits.ofEntries(original);
        }
    }

    /**
     * A page detach racing a sibling's in-place write. Before the race, the second handle
     * detached and owns its copy of the first entry page, and the first handle is the last
     * holder of the old directory. Then the first replaces the value of key 4 (it must disown its
     * pages and copy the page of key 4, which the second still holds) while the second writes
     * key 1 in place and key 4 in its own copy. Neither may see the other's write to key 4.
     */
    @JCStressTest
    @Outcome(id = "7, 1, 6, 1", expect = ACCEPTABLE, desc = "each handle shows exactly its own writes")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked through a shared page, or was lost")
    @State
    public static class PageDetachRacingInPlaceWrite {
        final CowMap<Integer, Integer> first = pagedDigits();
        final CowMap<Integer, Integer> second = first.copy();

        public PageDetachRacingInPlaceWrite() {
            second.put(1, 8);
        }

        @Actor
        public void firstWritesKeyFour() {
            first.put(4, 6);
        }

        @Actor
        public void secondWritesKeysOneAndFour() {
            second.put(1, 9);
            second.put(4, 7);
        }

        @Arbiter
        public void contents(IIII_Result r) {
            r.r1 = second.get(4);
            r.r2 = first.get(1);
            r.r3 = first.get(4);
            r.r4 = second.get(1) == 9 && first.size() == 4 && second.size() == 4 ? 1 : 0;
        }
    }
}

package dev.cowcollections;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.LLL_Result;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * The thread-safety guarantee of SPEC.md for {@link CowString}. Outcomes print the text itself.
 * Every outcome not named is forbidden.
 */
public final class StringStress {

    private StringStress() {
    }

    /** Scenario 1: two copies of one buffer written at the same moment (append and setCharAt). */
    @JCStressTest
    @Outcome(id = "abcd, zbc, abc", expect = ACCEPTABLE, desc = "each copy shows exactly its own write")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into another handle or was lost")
    @State
    public static class SiblingWrites {
        final CowString original = CowString.of("abc");
        final CowString first = original.copy();
        final CowString second = original.copy();

        @Actor
        public void first() {
            first.append('d');
        }

        @Actor
        public void second() {
            second.setCharAt(0, 'z');
        }

        @Arbiter
        public void contents(LLL_Result r) {
            r.r1 = first.toString();
            r.r2 = second.toString();
            r.r3 = original.toString();
        }
    }

    /**
     * Scenario 1 where one write widens the text from Latin-1 to UTF-16 while the other writes
     * Latin-1: the widening detach converts as it copies, and must not disturb the sibling.
     */
    @JCStressTest
    @Outcome(id = "ab\u0100, aX", expect = ACCEPTABLE, desc = "each handle shows exactly its own write")
    @Outcome(expect = FORBIDDEN, desc = "a write leaked into the other handle or was lost")
    @State
    public static class SiblingWritesWhileOneWidens {
        final CowString first = CowString.of("ab");
        final CowString second = first.copy();

        @Actor
        public void widen() {
            first.append('\u0100');
        }

        @Actor
        public void write() {
            second.setCharAt(1, 'X');
        }

        @Arbiter
        public void contents(LL_Result r) {
            r.r1 = first.toString();
            r.r2 = second.toString();
        }
    }

    /**
     * Scenario 2: the first handle detaches (copying all 64 chars) while the second writes the
     * last char, in place if it already sees itself unique. The copy must hold the old char.
     */
    @JCStressTest
    @Outcome(id = "97, 120, 0, 1", expect = ACCEPTABLE, desc = "the second handle found the buffer shared and detached too")
    @Outcome(id = "97, 120, 1, 1", expect = ACCEPTABLE, desc = "the second handle saw the first's release, then wrote in place")
    @Outcome(expect = FORBIDDEN, desc = "a torn copy or a lost write")
    @State
    public static class DetachRacingInPlaceWrite {
        final CowString first = CowString.of("x" + "a".repeat(63));
        final CowString second = first.copy();
        final RefCount secondCountBefore = second.refCount();

        @Actor
        public void detach() {
            first.setCharAt(0, 'y');
        }

        @Actor
        public void writeLast(IIII_Result r) {
            second.setCharAt(63, 'z');
            r.r3 = second.refCount() == secondCountBefore ? 1 : 0;
        }

        @Arbiter
        public void contents(IIII_Result r) {
            r.r1 = first.charAt(63);
            r.r2 = second.charAt(0);
            r.r4 = first.charAt(0) == 'y' && second.charAt(63) == 'z' ? 1 : 0;
        }
    }

    /** Scenario 3: {@code copy()} of one handle while a sibling on the same buffer writes. */
    @JCStressTest
    @Outcome(id = "abc, aXcd, abc", expect = ACCEPTABLE, desc = "the copy is an exact snapshot")
    @Outcome(expect = FORBIDDEN, desc = "the copy or the original saw the sibling's writes")
    @State
    public static class CopyWhileSiblingWrites {
        final CowString original = CowString.of("abc");
        final CowString writer = original.copy();

        @Actor
        public void copy(LLL_Result r) {
            r.r1 = original.copy().toString();
        }

        @Actor
        public void write() {
            writer.setCharAt(1, 'X');
            writer.append('d');
        }

        @Arbiter
        public void contents(LLL_Result r) {
            r.r2 = writer.toString();
            r.r3 = original.toString();
        }
    }

    /** Scenario 4: {@code clear()} on a shared handle racing the sibling's uniqueness test and write. */
    @JCStressTest
    @Outcome(id = ", abcd, false", expect = ACCEPTABLE, desc = "cleared, the sibling whole and unshared")
    @Outcome(expect = FORBIDDEN, desc = "the clear reached the sibling, or the sibling lost its write")
    @State
    public static class ClearRacingSiblingWrite {
        final CowString cleared = CowString.of("abc");
        final CowString sibling = cleared.copy();

        @Actor
        public void clear() {
            cleared.clear();
        }

        @Actor
        public void write() {
            sibling.append('d');
        }

        @Arbiter
        public void contents(LLL_Result r) {
            r.r1 = cleared.toString();
            r.r2 = sibling.toString();
            r.r3 = sibling.isShared();
        }
    }

    /** Scenario 5: a copy handed to another thread through a volatile field; both sides then write. */
    @JCStressTest
    @Outcome(id = "abR, abG", expect = ACCEPTABLE, desc = "the receiver got the copy: each side sees its own append")
    @Outcome(id = "none, abG", expect = ACCEPTABLE, desc = "the receiver looked before the hand-off")
    @Outcome(expect = FORBIDDEN, desc = "a write crossed the hand-off")
    @State
    public static class HandOffThroughAVolatileField {
        final CowString source = CowString.of("ab");
        volatile CowString handedOff;

        @Actor
        public void giver() {
            handedOff = source.copy();
            source.append('G');
        }

        @Actor
        public void receiver(LL_Result r) {
            CowString received = handedOff;
            r.r1 = received == null ? "none" : received.append('R').toString();
        }

        @Arbiter
        public void contents(LL_Result r) {
            r.r2 = source.toString();
        }
    }

    /** Scenario 7: reading one handle (text, hash, search) while a sibling is rewritten. */
    @JCStressTest
    @Outcome(id = "hello, true, olleh!\u0101", expect = ACCEPTABLE, desc = "the reader saw its own value throughout")
    @Outcome(expect = FORBIDDEN, desc = "the reader saw a sibling's write")
    @State
    public static class ReadWhileSiblingWrites {
        final CowString reader = CowString.of("hello");
        final CowString writer = reader.copy();

        @Actor
        public void read(LLL_Result r) {
            r.r1 = reader.toString();
            r.r2 = reader.hashCode() == "hello".hashCode() && reader.indexOf("llo") == 2 && reader.charAt(4) == 'o';
        }

        @Actor
        public void write() {
            writer.reverse();
            writer.append('!');
            writer.append('\u0101');
        }

        @Arbiter
        public void contents(LLL_Result r) {
            r.r3 = writer.toString();
        }
    }
}

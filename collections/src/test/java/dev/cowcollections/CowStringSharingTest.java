package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sharing rules of SPEC.md, one test (or one family of cases) per rule. */
class CowStringSharingTest {

    /** Latin-1 text: one byte per char. */
    private static final String ORIGINAL = "h\u00e9llo";

    /** Text that needs two bytes per char, with a surrogate pair. */
    private static final String WIDE = "h\u00e9llo \u4e16\ud83d\ude00";

    private static Arguments write(String name, Consumer<CowString> write, String expected) {
        return Arguments.of(Named.of(name, write), expected);
    }

    /** Every kind of write, each of which changes {@link #ORIGINAL}, with the text it leaves. */
    static Stream<Arguments> writes() {
        return Stream.of(
                write("append(String)", s -> s.append("xy"), "h\u00e9lloxy"),
                write("append(char)", s -> s.append('!'), "h\u00e9llo!"),
                write("append(CharSequence)", s -> s.append(new StringBuilder("xy")), "h\u00e9lloxy"),
                write("append(CharSequence, start, end)", s -> s.append("wxyz", 1, 3), "h\u00e9lloxy"),
                write("append(char[])", s -> s.append(new char[] {'x', 'y'}), "h\u00e9lloxy"),
                write("append(char[], offset, len)", s -> s.append(new char[] {'w', 'x', 'y'}, 1, 2), "h\u00e9lloxy"),
                write("append(CowString)", s -> s.append(CowString.of("xy")), "h\u00e9lloxy"),
                write("append(int)", s -> s.append(42), "h\u00e9llo42"),
                write("append(long)", s -> s.append(-7L), "h\u00e9llo-7"),
                write("append(float)", s -> s.append(1.5f), "h\u00e9llo1.5"),
                write("append(double)", s -> s.append(2.25), "h\u00e9llo2.25"),
                write("append(boolean)", s -> s.append(true), "h\u00e9llotrue"),
                write("append(Object) of null", s -> s.append((Object) null), "h\u00e9llonull"),
                write("appendCodePoint", s -> s.appendCodePoint('!'), "h\u00e9llo!"),
                write("insert(String)", s -> s.insert(1, "xy"), "hxy\u00e9llo"),
                write("insert(char)", s -> s.insert(0, '>'), ">h\u00e9llo"),
                write("insert(CharSequence)", s -> s.insert(5, new StringBuilder("xy")), "h\u00e9lloxy"),
                write("insert(CharSequence, start, end)", s -> s.insert(1, "wxyz", 1, 3), "hxy\u00e9llo"),
                write("insert(char[])", s -> s.insert(2, new char[] {'x'}), "h\u00e9xllo"),
                write("insert(char[], offset, len)", s -> s.insert(2, new char[] {'w', 'x'}, 1, 1), "h\u00e9xllo"),
                write("insert(CowString)", s -> s.insert(1, CowString.of("xy")), "hxy\u00e9llo"),
                write("insert(int)", s -> s.insert(1, 42), "h42\u00e9llo"),
                write("insert(boolean)", s -> s.insert(1, false), "hfalse\u00e9llo"),
                write("delete", s -> s.delete(1, 3), "hlo"),
                write("delete beyond the end", s -> s.delete(3, 99), "h\u00e9l"),
                write("deleteCharAt", s -> s.deleteCharAt(0), "\u00e9llo"),
                write("replace", s -> s.replace(1, 3, "EL"), "hELlo"),
                write("replace with longer text", s -> s.replace(1, 2, "eee"), "heeello"),
                write("setCharAt", s -> s.setCharAt(0, 'H'), "H\u00e9llo"),
                write("setLength shorter", s -> s.setLength(2), "h\u00e9"),
                write("setLength longer", s -> s.setLength(7), "h\u00e9llo\0\0"),
                write("reverse", CowString::reverse, "oll\u00e9h"),
                write("clear", CowString::clear, ""));
    }

    /** Writes that bring a char above U+00FF into {@link #ORIGINAL}, widening its buffer. */
    static Stream<Arguments> wideningWrites() {
        return Stream.of(
                write("append(char)", s -> s.append('\u4e16'), "h\u00e9llo\u4e16"),
                write("append(String)", s -> s.append("\u4e16\u754c"), "h\u00e9llo\u4e16\u754c"),
                write("append(CowString)", s -> s.append(CowString.of("\u4e16")), "h\u00e9llo\u4e16"),
                write("appendCodePoint", s -> s.appendCodePoint(0x1F600), "h\u00e9llo\ud83d\ude00"),
                write("insert(String)", s -> s.insert(1, "\ud83d\ude00"), "h\ud83d\ude00\u00e9llo"),
                write("insert(char[])", s -> s.insert(5, new char[] {'\u4e16'}), "h\u00e9llo\u4e16"),
                write("setCharAt", s -> s.setCharAt(0, '\u0416'), "\u0416\u00e9llo"),
                write("replace", s -> s.replace(0, 1, "\u0416"), "\u0416\u00e9llo"));
    }

    /** Calls that leave the text of {@link #ORIGINAL} unchanged. */
    static Stream<Named<Consumer<CowString>>> callsThatChangeNothing() {
        return Stream.of(
                Named.of("append of an empty String", s -> s.append("")),
                Named.of("append of an empty CharSequence", s -> s.append(new StringBuilder())),
                Named.of("append of an empty range", s -> s.append("xyz", 1, 1)),
                Named.of("append of an empty char[]", s -> s.append(new char[0])),
                Named.of("append of an empty CowString", s -> s.append(new CowString())),
                Named.of("insert of an empty String", s -> s.insert(2, "")),
                Named.of("insert of an empty range", s -> s.insert(2, "xyz", 3, 3)),
                Named.of("insert of an empty char[] range", s -> s.insert(2, new char[] {'x'}, 1, 0)),
                Named.of("delete of an empty range", s -> s.delete(2, 2)),
                Named.of("delete from the end", s -> s.delete(5, 9)),
                Named.of("replace with the text already there", s -> s.replace(1, 3, "\u00e9l")),
                Named.of("replace to beyond the end with the text already there", s -> s.replace(3, 9, "lo")),
                Named.of("setCharAt to the char already there", s -> s.setCharAt(1, '\u00e9')),
                Named.of("setLength to the length", s -> s.setLength(5)),
                Named.of("ensureCapacity below the capacity", s -> s.ensureCapacity(3)),
                Named.of("trimToSize on a shared handle", CowString::trimToSize),
                Named.of("reads", s -> {
                    s.charAt(1);
                    s.codePointAt(1);
                    s.indexOf("l");
                    s.lastIndexOf('l');
                    s.contains("ll");
                    s.substring(1, 3);
                    s.hashCode();
                    s.toString();
                    s.chars().sum();
                    s.codePoints().count();
                    s.compareTo(CowString.of("x"));
                    s.contentEquals("x");
                    s.getChars(0, 2, new char[2], 0);
                }));
    }

    @Test
    void copySharesTheBufferWithoutCopyingIt() {
        CowString a = CowString.of(ORIGINAL);
        CowString b = a.copy();
        assertSame(a.refCount(), b.refCount());
        assertEquals(2, a.refCount().sharesVolatile());
        assertTrue(a.isShared());
        assertTrue(b.isShared());
        assertEquals(a, b);
    }

    @Test
    void cloneCopyOfAndTheSharingConstructorShareToo() {
        CowString a = CowString.of(ORIGINAL);
        CowString cloned = a.clone();
        CowString copied = CowString.copyOf(a);
        CowString constructed = new CowString(a);
        assertSame(a.refCount(), cloned.refCount());
        assertSame(a.refCount(), copied.refCount());
        assertSame(a.refCount(), constructed.refCount());
        assertEquals(4, a.refCount().sharesVolatile());
        assertTrue(cloned.contentEquals(ORIGINAL));
        assertTrue(copied.contentEquals(ORIGINAL));
        assertTrue(constructed.contentEquals(ORIGINAL));
    }

    @Test
    void copyOfAnyOtherCharSequenceCopiesIt() {
        StringBuilder source = new StringBuilder(ORIGINAL);
        CowString copied = CowString.copyOf(source);
        CowString constructed = new CowString(source);
        CowString made = CowString.of(source);
        source.setCharAt(0, 'x');
        for (CowString text : new CowString[] {copied, constructed, made}) {
            assertEquals(ORIGINAL, text.toString());
            assertFalse(text.isShared());
        }
    }

    @ParameterizedTest
    @MethodSource({"writes", "wideningWrites"})
    void writeToSharedStringDetachesOnlyTheWriter(Consumer<CowString> write, String expected) {
        CowString writer = CowString.of(ORIGINAL);
        CowString sibling = writer.copy();
        RefCount sharedCount = writer.refCount();

        write.accept(writer);

        assertEquals(expected, writer.toString());
        assertEquals(ORIGINAL, sibling.toString(), "the sibling sees nothing");
        assertNotSame(sharedCount, writer.refCount(), "the writer detached");
        assertFalse(sibling.isShared(), "the writer gave its share back");
    }

    @ParameterizedTest
    @MethodSource({"writes", "wideningWrites"})
    void writeToUniqueStringHappensInPlace(Consumer<CowString> write, String expected) {
        CowString text = CowString.of(ORIGINAL);
        RefCount count = text.refCount();

        write.accept(text);

        assertEquals(expected, text.toString());
        assertSame(count, text.refCount(), "no detach");
        assertFalse(text.isShared());
    }

    /** The same writes on text that is already wide: the sibling keeps its text, the writer gets what a unique handle would. */
    @ParameterizedTest
    @MethodSource("writes")
    void writeToSharedWideStringDetachesOnlyTheWriter(Consumer<CowString> write) {
        CowString unique = CowString.of(WIDE);
        write.accept(unique);
        CowString writer = CowString.of(WIDE);
        CowString sibling = writer.copy();
        RefCount sharedCount = writer.refCount();

        write.accept(writer);

        assertEquals(unique, writer);
        assertEquals(WIDE, sibling.toString());
        assertNotSame(sharedCount, writer.refCount());
        assertFalse(sibling.isShared());
    }

    @ParameterizedTest
    @MethodSource("callsThatChangeNothing")
    void callThatChangesNothingNeverDetaches(Consumer<CowString> call) {
        CowString text = CowString.of(ORIGINAL);
        CowString sibling = text.copy();
        RefCount sharedCount = text.refCount();

        call.accept(text);

        assertEquals(ORIGINAL, text.toString());
        assertSame(sharedCount, text.refCount());
        assertTrue(text.isShared());
        assertTrue(sibling.isShared());
    }

    @Test
    void reverseOfAPalindromeNeverDetaches() {
        for (String palindrome : new String[] {"r\u00e9\u00e9r", "a\u4e16a", "\ud83d\ude00x\ud83d\ude00", "a"}) {
            CowString text = CowString.of(palindrome);
            CowString sibling = text.copy();
            RefCount sharedCount = text.refCount();

            text.reverse();

            assertEquals(palindrome, text.toString());
            assertSame(sharedCount, text.refCount(), palindrome);
            assertTrue(sibling.isShared());
        }
    }

    @Test
    void clearOfAnEmptyStringNeverDetaches() {
        CowString empty = new CowString();
        empty.clear();
        assertSame(RefCount.IMMORTAL, empty.refCount());
        CowString emptied = CowString.of(ORIGINAL);
        CowString sibling = emptied.copy();
        emptied.delete(0, 5);
        RefCount count = emptied.refCount();
        emptied.clear();
        assertSame(count, emptied.refCount());
        assertEquals(ORIGINAL, sibling.toString());
    }

    @Test
    void writeThatFollowsADetachHappensInPlace() {
        CowString text = CowString.of(ORIGINAL);
        CowString sibling = text.copy();
        text.append('x');
        RefCount privateCount = text.refCount();
        text.append("yz").insert(0, 'w').setCharAt(1, 'H').delete(2, 3).append('\u4e16').reverse();
        assertSame(privateCount, text.refCount());
        assertEquals("\u4e16zyxollHw", text.toString());
        assertEquals(ORIGINAL, sibling.toString());
    }

    @Test
    void siblingLeftAloneAfterTheOtherDetachedWritesInPlace() {
        CowString text = CowString.of(ORIGINAL);
        CowString sibling = text.copy();
        RefCount sharedCount = text.refCount();
        text.append('x');
        sibling.append('y');
        assertSame(sharedCount, sibling.refCount(), "the last holder keeps the buffer");
        assertEquals("h\u00e9lloy", sibling.toString());
        assertEquals("h\u00e9llox", text.toString());
    }

    @Test
    void clearOnSharedStringGivesItsShareBackInConstantTime() {
        CowString text = CowString.of(ORIGINAL);
        CowString sibling = text.copy();

        text.clear();

        assertTrue(text.isEmpty());
        assertSame(RefCount.IMMORTAL, text.refCount(), "points at the static empty buffer");
        assertFalse(sibling.isShared());
        assertEquals(ORIGINAL, sibling.toString());
    }

    @Test
    void clearOnUniqueStringKeepsItsBufferAndReadsItAsLatin1Again() {
        CowString text = CowString.of(WIDE);
        RefCount count = text.refCount();
        int wideCapacity = text.capacity();

        text.clear();

        assertSame(count, text.refCount());
        assertEquals(2 * wideCapacity, text.capacity(), "the bytes of a wide buffer hold twice as many Latin-1 chars");
        text.append(ORIGINAL);
        assertEquals(ORIGINAL, text.toString());
        assertSame(count, text.refCount());
    }

    @Test
    void droppedCopyKeepsItsShareSoTheNextWriteCopiesOnce() {
        CowString text = CowString.of(ORIGINAL);
        text.copy();
        assertTrue(text.isShared(), "Java has no destructor: the dropped copy still counts");
        text.append('x');
        assertFalse(text.isShared());
        assertEquals("h\u00e9llox", text.toString());
    }

    @Test
    void stringAtTheCountCeilingStaysSharedAndNeverWraps() {
        CowString text = CowString.of(ORIGINAL);
        RefCount count = text.refCount();
        count.setSharesVolatileForTesting(RefCount.SATURATED - 1);

        CowString atCeiling = text.copy();
        CowString beyondCeiling = text.copy();

        assertEquals(RefCount.SATURATED, count.sharesVolatile());
        atCeiling.append('x');
        beyondCeiling.clear();
        assertEquals(RefCount.SATURATED, count.sharesVolatile(), "releases leave a saturated count alone");
        assertTrue(text.isShared(), "shared for good");
        text.setCharAt(0, 'H');
        assertNotSame(count, text.refCount(), "every handle on it detaches on its next write");
        assertEquals("H\u00e9llo", text.toString());
        assertEquals("h\u00e9llox", atCeiling.toString());
        assertFalse(text.isShared());
    }

    @Test
    void emptyStringsShareTheImmortalBufferUntilTheirFirstWrite() {
        CowString empty = new CowString();
        for (CowString alsoEmpty : new CowString[] {CowString.of(), new CowString(0), new CowString(""),
                CowString.of(""), CowString.of(new char[0]), CowString.copyOf(new StringBuilder())}) {
            assertSame(RefCount.IMMORTAL, alsoEmpty.refCount());
        }
        assertTrue(empty.isShared());

        empty.append('a');

        assertNotSame(RefCount.IMMORTAL, empty.refCount());
        assertFalse(empty.isShared());
        assertEquals(RefCount.SATURATED, RefCount.IMMORTAL.sharesVolatile());
    }

    @Test
    void ensureCapacityBeyondTheSharedBufferDetachesOnceForTheAppendsThatFollow() {
        CowString text = CowString.of(ORIGINAL);
        CowString sibling = text.copy();
        text.ensureCapacity(100);
        RefCount privateCount = text.refCount();
        assertTrue(text.capacity() >= 100);
        for (int i = 0; i < 95; i++) {
            text.append('x');
        }
        assertSame(privateCount, text.refCount());
        assertEquals(100, text.length());
        assertEquals(ORIGINAL, sibling.toString());
    }

    @Test
    void appendingAHandleToItselfAppendsItsTextOnce() {
        for (String original : new String[] {ORIGINAL, WIDE}) {
            CowString unique = CowString.of(original);
            unique.append(unique);
            assertEquals(original + original, unique.toString());

            CowString shared = CowString.of(original);
            CowString sibling = shared.copy();
            shared.insert(2, shared).append(shared, 1, 3);
            String inserted = original.substring(0, 2) + original + original.substring(2);
            assertEquals(inserted + inserted.substring(1, 3), shared.toString());
            assertEquals(original, sibling.toString());
        }
    }

    @Test
    void appendingASiblingThatSharesTheBufferReadsItsText() {
        CowString text = CowString.of(ORIGINAL);
        CowString sibling = text.copy();
        text.append(sibling).insert(0, sibling);
        assertEquals(ORIGINAL + ORIGINAL + ORIGINAL, text.toString());
        assertEquals(ORIGINAL, sibling.toString());
        assertFalse(sibling.isShared());
    }

    @Test
    void streamsOfAStringIgnoreTheWritesOfItsSiblings() {
        CowString text = CowString.of(ORIGINAL);
        CowString sibling = text.copy();
        IntStream chars = text.chars();
        IntStream codePoints = text.codePoints();
        sibling.setCharAt(0, 'x').append('\u4e16');
        assertEquals(ORIGINAL, chars.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        assertEquals(ORIGINAL.codePoints().count(), codePoints.count());
    }

    @Test
    void copiesAreValuesSoNoWriteReachesAnotherHandle() {
        CowString a = CowString.of(ORIGINAL);
        CowString b = a.copy();
        CowString c = b.copy();
        a.append('1');
        b.append('\u4e16');
        c.reverse();
        assertEquals("h\u00e9llo1", a.toString());
        assertEquals("h\u00e9llo\u4e16", b.toString());
        assertEquals("oll\u00e9h", c.toString());
    }
}

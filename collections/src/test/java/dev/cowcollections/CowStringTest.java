package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What is CowString's own beyond the sharing rules: storage width, equality, ordering, streams, factories. */
class CowStringTest {

    @Test
    void latin1TextStaysOneBytePerCharUntilTheFirstWideChar() {
        CowString text = CowString.of("caf\u00e9 \u00ff");
        assertTrue(text.isLatin1());
        text.append("na\u00efve").insert(0, '\u00a9').setCharAt(1, '\u00c7');
        assertTrue(text.isLatin1(), "chars up to U+00FF fit one byte");
        text.append('\u0100');
        assertFalse(text.isLatin1(), "U+0100 widens");
        text.deleteCharAt(text.length() - 1).append('x');
        assertFalse(text.isLatin1(), "nothing narrows a wide buffer but clear()");
        text.clear();
        assertTrue(text.isLatin1());
    }

    @Test
    void wideningWhileSharedLeavesTheSiblingNarrow() {
        CowString text = CowString.of("caf\u00e9");
        CowString sibling = text.copy();
        text.append('\u4e16');
        assertFalse(text.isLatin1());
        assertTrue(sibling.isLatin1());
        assertEquals("caf\u00e9\u4e16", text.toString());
        assertEquals("caf\u00e9", sibling.toString());
    }

    @Test
    void narrowCharsCopiedFromAWideStringKeepTheTargetNarrow() {
        CowString wide = CowString.of("\u4e16caf\u00e9");
        CowString narrow = CowString.of("x");
        narrow.append(wide, 1, 5).insert(0, wide, 1, 2);
        assertTrue(narrow.isLatin1());
        assertEquals("cxcaf\u00e9", narrow.toString());
        narrow.append(wide);
        assertFalse(narrow.isLatin1());
        assertEquals("cxcaf\u00e9\u4e16caf\u00e9", narrow.toString());
    }

    @Test
    void equalsIsTrueOnlyForAnotherCowStringWithTheSameChars() {
        CowString text = CowString.of("abc");
        assertEquals(text, CowString.of("abc"));
        assertEquals(text, new CowString(new StringBuilder("abc")));
        assertNotEquals(text, CowString.of("abd"));
        assertNotEquals(text, CowString.of("ab"));
        assertFalse(text.equals("abc"), "never equal to a String, as a String is never equal to a StringBuilder");
        assertFalse(text.equals(new StringBuilder("abc")));
        assertFalse(text.equals(null));
        assertTrue(text.contentEquals("abc"));
        assertTrue(text.contentEquals(new StringBuilder("abc")));
        assertTrue(text.contentEquals(CowString.of("abc")));
        assertFalse(text.contentEquals("abcd"));
    }

    @Test
    void textEqualsWhateverTheWidthOfItsBuffer() {
        CowString narrow = CowString.of("caf\u00e9");
        CowString wide = CowString.of("caf\u00e9\u4e16");
        wide.deleteCharAt(4);
        assertFalse(wide.isLatin1());
        assertEquals(narrow, wide);
        assertEquals(wide, narrow);
        assertEquals(narrow.hashCode(), wide.hashCode());
        assertEquals(0, narrow.compareTo(wide));
        assertEquals(0, wide.compareTo(narrow));
        assertTrue(wide.contentEquals(narrow));
    }

    @Test
    void hashCodeIsThatOfTheStringAndFollowsEveryWrite() {
        CowString text = new CowString();
        assertEquals(0, text.hashCode());
        text.append("f5a5a608");
        assertEquals(0, "f5a5a608".hashCode(), "a non-empty text whose hash is zero");
        assertEquals(0, text.hashCode());
        text.append('x');
        assertHashOf("f5a5a608x", text);
        text.append('\u4e16');
        assertHashOf("f5a5a608x\u4e16", text);
        text.reverse();
        assertHashOf("\u4e16x806a5a5f", text);
        CowString copy = text.copy();
        assertEquals(text.hashCode(), copy.hashCode(), "a copy holds the same text");
        copy.setCharAt(0, 'y');
        assertEquals("yx806a5a5f".hashCode(), copy.hashCode());
        assertEquals("\u4e16x806a5a5f".hashCode(), text.hashCode());
    }

    private static void assertHashOf(String expected, CowString text) {
        assertEquals(expected, text.toString());
        assertEquals(expected.hashCode(), text.hashCode());
    }

    @Test
    void compareToOrdersAsStringCompareToDoes() {
        String[] texts = {"", "a", "ab", "abc", "b", "\u00e9", "\u4e16", "\ud83d\ude00", "\uffff", "a\u4e16", "A"};
        for (String a : texts) {
            for (String b : texts) {
                assertEquals(a.compareTo(b), CowString.of(a).compareTo(CowString.of(b)), a + " vs " + b);
            }
        }
    }

    @Test
    void reverseKeepsSurrogatePairsWholeAsStringBuilderDoes() {
        for (String text : new String[] {"ab\ud83d\ude00cd", "\ud83d\ude00", "\ude00\ud83d", "a\ud83dz\ude00", "\ud800\udc00\ud800"}) {
            assertEquals(new StringBuilder(text).reverse().toString(), CowString.of(text).reverse().toString(), text);
            CowString shared = CowString.of(text);
            CowString sibling = shared.copy();
            assertEquals(new StringBuilder(text).reverse().toString(), shared.reverse().toString(), text);
            assertEquals(text, sibling.toString());
        }
    }

    @Test
    void capacityIsWhatWasAskedForAndTrimToSizeDropsTheRest() {
        assertEquals(100, new CowString(100).capacity());
        assertEquals(0, new CowString().capacity());
        assertEquals(5, CowString.of("hello").capacity(), "made from text: exactly its length");
        CowString text = CowString.of("hello");
        text.append('!');
        assertTrue(text.capacity() > 6, "growth leaves room");
        text.trimToSize();
        assertEquals(6, text.capacity());
        text.ensureCapacity(50);
        assertTrue(text.capacity() >= 50);
        assertEquals("hello!", text.toString());
    }

    @Test
    void factoriesConcatenateTheirParts() {
        assertEquals("", CowString.of().toString());
        assertEquals("ab\u4e16c", CowString.of("a", new StringBuilder("b"), CowString.of("\u4e16"), "c").toString());
        assertEquals(4, CowString.of("a", "b", "\u4e16", "c").capacity(), "exactly the parts' length");
        assertEquals("xy\u4e16", CowString.of('x', 'y', '\u4e16').toString());
        CowString part = CowString.of("part");
        CowString made = CowString.of(part);
        assertEquals("part", made.toString());
        assertFalse(part.isShared(), "of() copies even a CowString; copyOf() shares");
    }

    @Test
    void subSequenceAndSubstringReturnStrings() {
        CowString text = CowString.of("h\u00e9llo \u4e16");
        assertEquals("\u00e9ll", text.subSequence(1, 4));
        assertInstanceOf(String.class, text.subSequence(1, 4));
        assertEquals("lo \u4e16", text.substring(3));
        assertEquals("", text.substring(7));
    }

    @Test
    void streamsBindWhenTheirTerminalOperationStartsAsStringBuildersDo() {
        CowString text = CowString.of("ab");
        StringBuilder builder = new StringBuilder("ab");
        IntStream chars = text.chars();
        IntStream builderChars = builder.chars();
        text.append('c');
        builder.append('c');
        assertArrayEquals(builderChars.toArray(), chars.toArray());
        assertArrayEquals("abc".chars().toArray(), text.chars().toArray());
    }

    @Test
    void parallelStreamsSplitWithoutBreakingSurrogatePairs() {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            source.appendCodePoint(i % 3 == 0 ? 0x1F600 + i % 50 : 'a' + i % 26);
        }
        CowString text = CowString.of(source);
        String string = source.toString();
        assertArrayEquals(string.chars().toArray(), text.chars().parallel().toArray());
        assertArrayEquals(string.codePoints().toArray(), text.codePoints().parallel().toArray());
        assertEquals(Spliterator.ORDERED | Spliterator.SIZED | Spliterator.SUBSIZED, text.chars().spliterator().characteristics());
    }

    @Test
    void codePointSpliteratorNeverSplitsAPair() {
        byte[] value = new byte[8];
        String text = "a\ud83d\ude00b";
        for (int i = 0; i < 4; i++) {
            Utf16Bytes.putChar(value, i, text.charAt(i));
        }
        CodePointSpliterator whole = new CodePointSpliterator(value, 0, 4);
        Spliterator.OfInt prefix = whole.trySplit();
        List<Integer> seen = new ArrayList<>();
        prefix.forEachRemaining((int cp) -> seen.add(cp));
        whole.forEachRemaining((int cp) -> seen.add(cp));
        assertEquals(List.of((int) 'a', 0x1F600, (int) 'b'), seen);
        CodePointSpliterator onePair = new CodePointSpliterator(value, 1, 3);
        assertNull(onePair.trySplit(), "a lone pair cannot be split");
    }

    @Test
    void itIsAnAppendableThatNeverThrowsIOException() throws IOException {
        CowString text = new CowString();
        Appendable appendable = text;
        appendable.append("ab").append('c').append("xdex", 1, 3);
        assertEquals("abcde", text.toString());
    }

    @Test
    void appendReturnsTheSameHandleForChaining() {
        CowString text = new CowString();
        assertSame(text, text.append('a').append("b").insert(0, 1).delete(0, 1).reverse().setLength(2)
                .setCharAt(0, 'x').replace(0, 1, "y").deleteCharAt(0).ensureCapacity(9).trimToSize().clear());
    }
}

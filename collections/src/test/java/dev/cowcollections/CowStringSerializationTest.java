package dev.cowcollections;

import static dev.cowcollections.CowListSerializationTest.deserialize;
import static dev.cowcollections.CowListSerializationTest.serialize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidObjectException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CowStringSerializationTest {

    /**
     * The stream of {@code text} with the header that writeObject wrote (the length, an int, and
     * the coder, a byte, at the start of the first block of data) replaced.
     */
    static byte[] withHeader(CowString text, int length, int coder) throws Exception {
        byte[] bytes = serialize(text);
        byte[] header = ByteBuffer.allocate(5).putInt(text.length()).put(text.isLatin1() ? (byte) 0 : (byte) 1).array();
        for (int i = 2; i + 5 <= bytes.length; i++) {
            boolean blockStart = bytes[i - 2] == 0x77 || i >= 5 && bytes[i - 5] == 0x7A; // TC_BLOCKDATA, TC_BLOCKDATALONG
            if (blockStart && Arrays.equals(bytes, i, i + 5, header, 0, 5)) {
                ByteBuffer.wrap(bytes, i, 5).putInt(length).put((byte) coder);
                return bytes;
            }
        }
        throw new AssertionError("no header in the stream");
    }

    private static CowString roundTrip(CowString text) throws Exception {
        return assertInstanceOf(CowString.class, deserialize(serialize(text)));
    }

    @Test
    void roundTripKeepsLatin1Text() throws Exception {
        CowString text = CowString.of("h\u00e9llo \u00ff\u0000");
        CowString read = roundTrip(text);
        assertEquals(text, read);
        assertTrue(read.isLatin1());
    }

    @Test
    void roundTripKeepsWideTextSurrogatePairsAndLoneSurrogates() throws Exception {
        CowString text = CowString.of("h\u00e9llo \u4e16\ud83d\ude00 \ud800 \udfff\uffff");
        CowString read = roundTrip(text);
        assertEquals(text, read);
        assertEquals(text.toString(), read.toString());
    }

    @Test
    void wideCharsAreWrittenBigEndianWhateverThePlatform() throws Exception {
        byte[] bytes = serialize(CowString.of("\u4e16\u754c"));
        byte[] bigEndian = {0x4e, 0x16, 0x75, 0x4c};
        boolean found = false;
        for (int i = 0; i + 4 <= bytes.length && !found; i++) {
            found = Arrays.equals(bytes, i, i + 4, bigEndian, 0, 4);
        }
        assertTrue(found, "the chars in DataOutput.writeChar order");
    }

    @Test
    void deserializedStringIsUnsharedEvenWhenTheWrittenOneWasShared() throws Exception {
        CowString text = CowString.of("ab");
        CowString sibling = text.copy();
        CowString read = roundTrip(text);
        assertFalse(read.isShared());
        assertNotSame(text.refCount(), read.refCount());
        read.append('c');
        assertEquals("ab", text.toString());
        assertEquals("ab", sibling.toString());
        assertTrue(text.isShared());
    }

    @Test
    void deserializedEmptyStringSharesTheImmortalEmptyBuffer() throws Exception {
        CowString read = roundTrip(new CowString(100));
        assertTrue(read.isEmpty());
        assertSame(RefCount.IMMORTAL, read.refCount());
    }

    @Test
    void longTextsRoundTripWithExactlyTheirLengthAsCapacity() throws Exception {
        StringBuilder narrow = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            narrow.append((char) (i % 256));
        }
        CowString read = roundTrip(CowString.of(narrow));
        assertTrue(read.contentEquals(narrow));
        assertEquals(100_000, read.capacity());
        CowString wide = CowString.of(narrow).append('\u4e16');
        CowString readWide = roundTrip(wide);
        assertEquals(wide, readWide);
        assertEquals(100_001, readWide.capacity());
    }

    @Test
    void negativeLengthIsAnInvalidObject() throws Exception {
        byte[] hostile = withHeader(CowString.of("ab"), -1, 0);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void lengthBeyondAnyArrayIsAnInvalidObject() throws Exception {
        byte[] hostile = withHeader(CowString.of("ab"), Integer.MAX_VALUE, 0);
        assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
    }

    @Test
    void wideLengthWhoseBytesOverflowAnArrayIsAnInvalidObject() throws Exception {
        byte[] hostile = withHeader(CowString.of("\u4e16"), Utf16Bytes.MAX_LENGTH + 1, 1);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertTrue(e.getMessage().contains(String.valueOf(Utf16Bytes.MAX_LENGTH + 1)), e.getMessage());
    }

    @Test
    void unknownCoderIsAnInvalidObject() throws Exception {
        byte[] hostile = withHeader(CowString.of("ab"), 2, 7);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertTrue(e.getMessage().contains("7"), e.getMessage());
    }

    /**
     * A stream that claims the longest possible text and holds two chars. Allocating for the
     * claim would need 2 GiB (4 GiB for UTF-16) and fail with OutOfMemoryError under the test
     * JVM's heap limit.
     */
    @Test
    void hugeLengthWithAShortStreamIsAnInvalidObjectNotAnOutOfMemoryError() throws Exception {
        byte[] narrow = withHeader(CowString.of("ab"), ArrayGrowth.SOFT_MAX_LENGTH, 0);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(narrow));
        assertTrue(e.getMessage().contains(String.valueOf(ArrayGrowth.SOFT_MAX_LENGTH)), e.getMessage());
        byte[] wide = withHeader(CowString.of("\u4e16\u754c"), Utf16Bytes.MAX_LENGTH, 1);
        assertThrows(InvalidObjectException.class, () -> deserialize(wide));
    }

    @Test
    void lengthLargerThanTheCharsWrittenIsAnInvalidObject() throws Exception {
        CowString text = CowString.of("x".repeat(20_000));
        byte[] hostile = withHeader(text, 20_001, 0);
        assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        CowString wide = CowString.of("\u4e16".repeat(20_000));
        byte[] hostileWide = withHeader(wide, 20_001, 1);
        assertThrows(InvalidObjectException.class, () -> deserialize(hostileWide));
    }

    @Test
    void everyTruncationOfTheTextIsAnInvalidObject() throws Exception {
        for (CowString text : new CowString[] {new CowString("hello"), new CowString("h\u00e9llo \u4e16\u754c")}) {
            byte[] bytes = serialize(text);
            int coder = text.toString().chars().allMatch(ch -> ch <= 0xFF) ? 0 : 1;
            // The custom data is one block: its header, the length, the coder, then the chars.
            byte[] block = ByteBuffer.allocate(6).put((byte) 0x77).put((byte) (5 + (text.length() << coder)))
                    .putInt(text.length()).array();
            HostileStreams.assertEveryTruncationIsInvalidFrom(bytes, HostileStreams.indexOf(bytes, block));
        }
    }
}

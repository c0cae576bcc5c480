package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Serialized streams of our collections, edited the way an attacker would edit them. */
final class HostileStreams {

    private HostileStreams() {
    }

    /**
     * {@code bytes}, the stream of a collection whose writeObject wrote the count {@code written},
     * with that count replaced: it is the int in the first four-byte block of data.
     */
    static byte[] withCount(byte[] bytes, int written, int count) {
        int at = countPosition(bytes, written);
        byte[] hostile = bytes.clone();
        ByteBuffer.wrap(hostile, at, 4).putInt(count);
        return hostile;
    }

    /** Where the count {@code written} starts in {@code bytes}. */
    static int countPosition(byte[] bytes, int written) {
        byte[] countBlock = ByteBuffer.allocate(6).put((byte) 0x77).put((byte) 4).putInt(written).array();
        return indexOf(bytes, countBlock) + 2;
    }

    /** {@code bytes} with the first occurrence of the ASCII text {@code from} overwritten by {@code to}, of one length. */
    static byte[] replacingText(byte[] bytes, String from, String to) {
        byte[] target = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        if (target.length != replacement.length) {
            throw new IllegalArgumentException("a replacement must keep the stream's lengths");
        }
        byte[] hostile = bytes.clone();
        System.arraycopy(replacement, 0, hostile, indexOf(bytes, target), replacement.length);
        return hostile;
    }

    /**
     * Checks that {@code bytes} cut at any point from its count to the end of its last element
     * is an {@link InvalidObjectException}. The last byte ends the block of custom data, which
     * the stream itself checks once readObject has returned a complete collection.
     */
    static void assertEveryTruncationIsInvalid(byte[] bytes, int written) {
        assertEveryTruncationIsInvalidFrom(bytes, countPosition(bytes, written) - 2);
    }

    /** Checks that {@code bytes} cut at any point from {@code start}, where the custom data begins, is invalid. */
    static void assertEveryTruncationIsInvalidFrom(byte[] bytes, int start) {
        for (int end = start; end < bytes.length - 1; end++) {
            byte[] truncated = Arrays.copyOf(bytes, end);
            int cut = end;
            assertThrows(InvalidObjectException.class, () -> CowListSerializationTest.deserialize(truncated),
                    () -> "stream cut after " + cut + " of " + bytes.length + " bytes");
        }
    }

    /**
     * Checks that a stream filter of {@code maxarray=100} rejects each of {@code large} (a
     * collection of ours beside its JDK counterpart, which must fail alike) and lets
     * {@code small} through intact.
     */
    static void assertMaxArrayFilterRejectsAsTheJdkDoes(List<?> large, Object small) throws Exception {
        ObjectInputFilter maxArray100 = ObjectInputFilter.Config.createFilter("maxarray=100");
        for (Object collection : large) {
            ObjectInputStream in = filtered(collection, maxArray100);
            assertThrows(InvalidClassException.class, in::readObject, collection.getClass().getSimpleName());
        }
        assertEquals(small, filtered(small, maxArray100).readObject());
    }

    private static ObjectInputStream filtered(Object o, ObjectInputFilter filter) throws IOException {
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(CowListSerializationTest.serialize(o)));
        in.setObjectInputFilter(filter);
        return in;
    }

    static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not in the stream");
    }
}

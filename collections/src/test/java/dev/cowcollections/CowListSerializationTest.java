package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CowListSerializationTest {

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /**
     * The stream of {@code list} with the element count that writeObject wrote replaced: the
     * count is the int in the first block of data after the class description.
     */
    static byte[] withElementCount(CowList<?> list, int count) throws IOException {
        byte[] bytes = serialize(list);
        byte[] blockHeader = {0x77, 0x04}; // TC_BLOCKDATA, four bytes: the count
        byte[] countBytes = ByteBuffer.allocate(4).putInt(list.size()).array();
        for (int i = 0; i + 6 <= bytes.length; i++) {
            if (bytes[i] == blockHeader[0] && bytes[i + 1] == blockHeader[1]
                    && Arrays.equals(bytes, i + 2, i + 6, countBytes, 0, 4)) {
                ByteBuffer.wrap(bytes, i + 2, 4).putInt(count);
                return bytes;
            }
        }
        throw new AssertionError("no element count in the stream");
    }

    @Test
    void roundTripKeepsTheElementsAndTheOrder() throws Exception {
        CowList<String> list = CowList.of("a", null, "c");
        Object read = deserialize(serialize(list));
        CowList<?> copy = assertInstanceOf(CowList.class, read);
        assertEquals(list, copy);
        assertEquals(Arrays.asList("a", null, "c"), copy);
    }

    @Test
    void deserializedListIsUnsharedEvenWhenTheWrittenOneWasShared() throws Exception {
        CowList<String> list = CowList.of("a", "b");
        CowList<String> sibling = list.copy();
        @SuppressWarnings("unchecked")
        CowList<String> read = (CowList<String>) deserialize(serialize(list));
        assertFalse(read.isShared());
        assertNotSame(list.refCount(), read.refCount());
        read.add("c");
        assertEquals(List.of("a", "b"), list);
        assertEquals(List.of("a", "b"), sibling);
        assertTrue(list.isShared());
    }

    @Test
    void deserializedEmptyListSharesTheImmortalEmptyBuffer() throws Exception {
        CowList<?> read = (CowList<?>) deserialize(serialize(new CowList<>(100)));
        assertTrue(read.isEmpty());
        assertSame(RefCount.IMMORTAL, read.refCount());
    }

    @Test
    void largeListRoundTrips() throws Exception {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            values.add(i);
        }
        assertEquals(values, deserialize(serialize(new CowList<>(values))));
    }

    @Test
    void negativeCountIsAnInvalidObject() throws Exception {
        byte[] hostile = withElementCount(CowList.of("a", "b"), -1);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void countBeyondAnyArrayIsAnInvalidObject() throws Exception {
        byte[] hostile = withElementCount(CowList.of("a", "b"), Integer.MAX_VALUE);
        assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
    }

    /**
     * A stream that claims the longest possible list and holds two elements. Allocating for the
     * claim would need 8 GiB and fail with OutOfMemoryError under the test JVM's heap limit.
     */
    @Test
    void hugeCountWithAShortStreamIsAnInvalidObjectNotAnOutOfMemoryError() throws Exception {
        byte[] hostile = withElementCount(CowList.of("a", "b"), ArrayGrowth.SOFT_MAX_LENGTH);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertTrue(e.getMessage().contains(String.valueOf(ArrayGrowth.SOFT_MAX_LENGTH)), e.getMessage());
    }

    @Test
    void countLargerThanTheElementsWrittenIsAnInvalidObject() throws Exception {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            values.add(i);
        }
        byte[] hostile = withElementCount(new CowList<>(values), 3001);
        assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
    }

    @Test
    void streamWithoutItsElementCountIsAnInvalidObject() throws Exception {
        byte[] bytes = serialize(new CowList<String>());
        byte[] countBlock = {0x77, 0x04, 0, 0, 0, 0};
        int at = indexOf(bytes, countBlock);
        byte[] hostile = new byte[bytes.length - countBlock.length];
        System.arraycopy(bytes, 0, hostile, 0, at);
        System.arraycopy(bytes, at + countBlock.length, hostile, at, bytes.length - at - countBlock.length);
        assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not in the stream");
    }

    /** An element that uses the list holding it while it is deserialized. */
    static final class Inspector implements Serializable {
        private static final long serialVersionUID = 1L;
        CowList<Object> owner;
        transient String sawWhileRead;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            CowList<Object> copy = owner.copy();
            copy.add("x");
            sawWhileRead = owner.size() + " " + owner.isShared() + " " + copy;
        }
    }

    @Test
    void elementThatUsesTheListWhileItIsReadSeesAValidEmptyList() throws Exception {
        CowList<Object> list = new CowList<>();
        Inspector inspector = new Inspector();
        inspector.owner = list;
        list.add(inspector);
        @SuppressWarnings("unchecked")
        CowList<Object> read = (CowList<Object>) deserialize(serialize(list));
        Inspector readInspector = (Inspector) read.get(0);
        assertEquals("0 true [x]", readInspector.sawWhileRead);
        assertSame(read, readInspector.owner);
        assertEquals(1, read.size());
    }

    @Test
    void streamFilterLimitsTheArrayAsItLimitsArrayLists() throws Exception {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add(i);
        }
        HostileStreams.assertMaxArrayFilterRejectsAsTheJdkDoes(
                List.of(new CowList<>(values), new ArrayList<>(values)), CowList.of(1, 2, 3));
    }

    @Test
    void everyTruncationOfTheElementsIsAnInvalidObject() throws Exception {
        HostileStreams.assertEveryTruncationIsInvalid(serialize(CowList.of("a", null, 3, List.of("x"))), 4);
    }
}

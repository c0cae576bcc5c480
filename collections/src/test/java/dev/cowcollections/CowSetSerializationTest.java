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

import dev.cowcollections.CowMapSerializationTest.CollidingKey;
import java.io.InvalidObjectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CowSetSerializationTest {

    @SuppressWarnings("unchecked")
    private static <E> CowSet<E> roundTrip(CowSet<E> set) throws Exception {
        return assertInstanceOf(CowSet.class, deserialize(serialize(set)));
    }

    @Test
    void roundTripKeepsTheNullElementAndTheOrder() throws Exception {
        CowSet<String> set = CowSet.of("d", null, "b", "a");
        set.remove("d");
        set.add("d");
        CowSet<String> read = roundTrip(set);
        assertEquals(set, read);
        assertEquals(Arrays.asList(null, "b", "a", "d"), new ArrayList<>(read));
    }

    @Test
    void collidingAndManyElementsRoundTrip() throws Exception {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            elements.add(new CollidingKey(i));
        }
        for (int i = 0; i < 30_000; i++) {
            elements.add(i);
        }
        CowSet<Object> read = roundTrip(new CowSet<>(elements));
        assertEquals(elements, new ArrayList<>(read));
        assertTrue(read.contains(new CollidingKey(1_999)));
        assertFalse(read.contains(new CollidingKey(2_000)));
    }

    @Test
    void deserializedSetIsUnsharedAndIndependent() throws Exception {
        CowSet<String> set = CowSet.of("a", "b");
        CowSet<String> sibling = set.copy();
        CowSet<String> read = roundTrip(set);
        assertFalse(read.isShared());
        assertNotSame(set.refCount(), read.refCount());
        read.add("c");
        assertEquals(Set.of("a", "b"), set);
        assertEquals(Set.of("a", "b"), sibling);
        assertEquals(Set.of("a", "b", "c"), read);
    }

    @Test
    void deserializedEmptySetSharesTheImmortalEmptyBuffer() throws Exception {
        assertSame(RefCount.IMMORTAL, roundTrip(new CowSet<>(64)).refCount());
    }

    private static byte[] streamOf(String... elements) throws Exception {
        return serialize(CowSet.of(elements));
    }

    @Test
    void badCountsAreInvalidObjects() throws Exception {
        byte[] stream = streamOf("a", "b", "c");
        for (int count : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, CompactHashTable.MAX_CAPACITY + 1,
                CompactHashTable.MAX_CAPACITY, 4}) {
            byte[] hostile = HostileStreams.withCount(stream, 3, count);
            InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
            assertTrue(e.getMessage().contains(String.valueOf(count)), e.getMessage());
        }
    }

    @Test
    void aRepeatedElementIsAnInvalidObjectThatNamesIt() throws Exception {
        byte[] hostile = HostileStreams.replacingText(streamOf("elem1", "elem2"), "elem2", "elem1");
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertEquals("duplicate key in stream: elem1", e.getMessage());
    }

    @Test
    void everyTruncationOfTheElementsIsAnInvalidObject() throws Exception {
        HostileStreams.assertEveryTruncationIsInvalid(serialize(CowSet.of("a", null, 3, List.of("x"))), 4);
    }

    @Test
    void theStreamsFilterLimitsTheSetAsItLimitsHashSets() throws Exception {
        List<Integer> elements = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            elements.add(i);
        }
        HostileStreams.assertMaxArrayFilterRejectsAsTheJdkDoes(
                List.of(new CowSet<>(elements), new HashSet<>(elements)), CowSet.of(1, 2, 3));
    }
}

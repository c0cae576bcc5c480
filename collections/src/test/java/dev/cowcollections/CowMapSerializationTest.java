package dev.cowcollections;

import static dev.cowcollections.CowListSerializationTest.deserialize;
import static dev.cowcollections.CowListSerializationTest.serialize;
import static dev.cowcollections.CowMapSharingTest.assertSameMappingsInOrder;
import static dev.cowcollections.CowMapSharingTest.original;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CowMapSerializationTest {

    /** A serializable key whose hash code is always the same, ordered by id. */
    record CollidingKey(int id) implements Serializable, Comparable<CollidingKey> {
        @Override
        public int hashCode() {
            return 7;
        }

        @Override
        public int compareTo(CollidingKey other) {
            return Integer.compare(id, other.id);
        }
    }

    @SuppressWarnings("unchecked")
    private static <K, V> CowMap<K, V> roundTrip(CowMap<K, V> map) throws Exception {
        return assertInstanceOf(CowMap.class, deserialize(serialize(map)));
    }

    @Test
    void roundTripKeepsNullKeysAndValuesAndTheOrder() throws Exception {
        CowMap<String, String> map = new CowMap<>(original());
        map.put(null, "N");
        map.put("n", null);
        map.remove("b");
        map.put("b", "B2");
        CowMap<String, String> read = roundTrip(map);
        assertSameMappingsInOrder(map, read);
        assertEquals("{a=A, c=C, d=D, null=N, n=null, b=B2}", read.toString());
    }

    @Test
    void collidingKeysRoundTripIntoAWorkingTable() throws Exception {
        Map<CollidingKey, Integer> model = new LinkedHashMap<>();
        for (int id = 2_999; id >= 0; id--) {
            model.put(new CollidingKey(id), id);
        }
        CowMap<CollidingKey, Integer> read = roundTrip(new CowMap<>(model));
        assertSameMappingsInOrder(model, read);
        for (int id = 0; id < 3_000; id++) {
            assertEquals(id, read.get(new CollidingKey(id)));
        }
        read.remove(new CollidingKey(5));
        read.put(new CollidingKey(5), -5);
        model.remove(new CollidingKey(5));
        model.put(new CollidingKey(5), -5);
        assertSameMappingsInOrder(model, read);
    }

    @Test
    void largeMapRoundTrips() throws Exception {
        Map<Integer, String> model = new LinkedHashMap<>();
        for (int i = 0; i < 50_000; i++) {
            model.put(i * 31, "v" + i);
        }
        assertSameMappingsInOrder(model, roundTrip(new CowMap<>(model)));
    }

    @Test
    void deserializedMapIsUnsharedAndIndependentEvenWhenTheWrittenOneWasShared() throws Exception {
        CowMap<String, String> map = new CowMap<>(original());
        CowMap<String, String> sibling = map.copy();
        CowMap<String, String> read = roundTrip(map);
        assertFalse(read.isShared());
        assertNotSame(map.refCount(), read.refCount());
        assertEquals(1, read.refCount().sharesVolatile());
        RefCount readCount = read.refCount();
        read.put("x", "X");
        assertSame(readCount, read.refCount(), "the first write is in place");
        assertSameMappingsInOrder(original(), map);
        assertSameMappingsInOrder(original(), sibling);
        assertEquals(2, map.refCount().sharesVolatile());
    }

    @Test
    void deserializedEmptyMapSharesTheImmortalEmptyBuffer() throws Exception {
        CowMap<String, String> read = roundTrip(new CowMap<>(100));
        assertTrue(read.isEmpty());
        assertSame(RefCount.IMMORTAL, read.refCount());
    }

    @Test
    void aMapThatHoldsItselfRoundTripsToAMapThatHoldsItself() throws Exception {
        CowMap<String, Object> map = new CowMap<>();
        map.put("a", 1);
        map.put("self", map);
        CowMap<String, Object> read = roundTrip(map);
        assertSame(read, read.get("self"));
        assertEquals(1, read.get("a"));
        assertEquals(2, read.size());
    }

    private static byte[] streamOf(Map<String, String> mappings) throws Exception {
        return serialize(new CowMap<>(mappings));
    }

    @Test
    void negativeCountIsAnInvalidObject() throws Exception {
        byte[] hostile = HostileStreams.withCount(streamOf(original()), 4, -1);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void countOfIntegerMaxValueWithThreeMappingsIsAnInvalidObject() throws Exception {
        byte[] hostile = HostileStreams.withCount(streamOf(CowMap.of("a", "A", "b", "B", "c", "C")), 3,
                Integer.MAX_VALUE);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertTrue(e.getMessage().contains(String.valueOf(Integer.MAX_VALUE)), e.getMessage());
    }

    @Test
    void countAboveTheLargestCapacityIsAnInvalidObject() throws Exception {
        byte[] hostile = HostileStreams.withCount(streamOf(original()), 4, CompactHashTable.MAX_CAPACITY + 1);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertTrue(e.getMessage().contains(String.valueOf(CompactHashTable.MAX_CAPACITY + 1)), e.getMessage());
    }

    /**
     * The largest count the table accepts, with three mappings behind it. A table sized for the
     * claim would take about 9 GiB and fail with OutOfMemoryError under the test JVM's 512 MiB.
     */
    @Test
    void largestCountWithAShortStreamIsAnInvalidObjectNotAnOutOfMemoryError() throws Exception {
        byte[] hostile = HostileStreams.withCount(streamOf(CowMap.of("a", "A", "b", "B", "c", "C")), 3,
                CompactHashTable.MAX_CAPACITY);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertTrue(e.getMessage().contains(String.valueOf(CompactHashTable.MAX_CAPACITY)), e.getMessage());
    }

    @Test
    void countOneAboveTheMappingsWrittenIsAnInvalidObject() throws Exception {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 3_000; i++) {
            many.put("k" + i, "v");
        }
        byte[] hostile = HostileStreams.withCount(streamOf(many), 3_000, 3_001);
        assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
    }

    @Test
    void aRepeatedKeyIsAnInvalidObjectThatNamesIt() throws Exception {
        byte[] hostile = HostileStreams.replacingText(streamOf(CowMap.of("key1", "A", "key2", "B")), "key2", "key1");
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(hostile));
        assertEquals("duplicate key in stream: key1", e.getMessage());
    }

    @Test
    void everyTruncationOfTheMappingsIsAnInvalidObject() throws Exception {
        Map<String, Object> mappings = new LinkedHashMap<>();
        mappings.put("a", 1);
        mappings.put(null, List.of("x"));
        mappings.put("c", null);
        HostileStreams.assertEveryTruncationIsInvalid(serialize(new CowMap<>(mappings)), 3);
    }

    @Test
    void theStreamsFilterLimitsTheTableAsItLimitsHashMaps() throws Exception {
        Map<Integer, Integer> mappings = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            mappings.put(i, i);
        }
        HostileStreams.assertMaxArrayFilterRejectsAsTheJdkDoes(
                List.of(new CowMap<>(mappings), new HashMap<>(mappings)), CowMap.of(1, 2, 3, 4));
    }
}

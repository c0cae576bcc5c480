package dev.cowcollections;

import static dev.cowcollections.CowListSerializationTest.deserialize;
import static dev.cowcollections.CowListSerializationTest.serialize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InvalidObjectException;
import org.junit.jupiter.api.Test;

/** The serialized form of the sorted types, and streams edited the way an attacker would edit them. */
class CowTreeMapSerializationTest {

    @Test
    void roundTripKeepsOrderComparatorAndNullValues() throws Exception {
        CowTreeMap<String, String> map = new CowTreeMap<>(NullAsTextOrder.INSTANCE);
        for (int i = 0; i < 1_000; i++) {
            map.put("k" + i, i % 7 == 0 ? null : "v" + i);
        }
        map.put(null, "N");
        CowTreeMap<?, ?> read = assertInstanceOf(CowTreeMap.class, deserialize(serialize(map)));
        assertEquals(map, read);
        assertEquals(new java.util.ArrayList<>(map.keySet()), new java.util.ArrayList<>(read.keySet()));
        assertEquals(NullAsTextOrder.INSTANCE, read.comparator());
        TreeInvariants.check(read);
        CowTreeSet<String> set = new CowTreeSet<>(map.navigableKeySet().descendingSet());
        CowTreeSet<?> readSet = assertInstanceOf(CowTreeSet.class, deserialize(serialize(set)));
        assertEquals(set, readSet);
        assertEquals(set.comparator(), readSet.comparator());
        TreeInvariants.check(readSet.map());
    }

    @Test
    void keysOutOfOrderOrRepeatedAreInvalid() throws Exception {
        byte[] bytes = serialize(CowTreeMap.of("a", 1, "b", 2, "c", 3));
        byte[] swapped = HostileStreams.replacingText(bytes, "t\u0000\u0001a", "t\u0000\u0001d");
        assertThrows(InvalidObjectException.class, () -> deserialize(swapped));
        byte[] repeated = HostileStreams.replacingText(bytes, "t\u0000\u0001b", "t\u0000\u0001a");
        assertThrows(InvalidObjectException.class, () -> deserialize(repeated));
        byte[] set = serialize(CowTreeSet.of("a", "b", "c"));
        byte[] setRepeated = HostileStreams.replacingText(set, "t\u0000\u0001c", "t\u0000\u0001a");
        assertThrows(InvalidObjectException.class, () -> deserialize(setRepeated));
    }

    @Test
    void badCountsAreInvalid() throws Exception {
        byte[] bytes = serialize(CowTreeMap.of(1, "a", 2, "b", 3, "c"));
        assertThrows(InvalidObjectException.class, () -> deserialize(HostileStreams.withCount(bytes, 3, -1)));
        assertThrows(InvalidObjectException.class, () -> deserialize(HostileStreams.withCount(bytes, 3, 4)));
        assertThrows(InvalidObjectException.class, () -> deserialize(HostileStreams.withCount(bytes, 3, Integer.MAX_VALUE)));
        byte[] set = serialize(CowTreeSet.of(1, 2, 3));
        assertThrows(InvalidObjectException.class, () -> deserialize(HostileStreams.withCount(set, 3, -7)));
        assertThrows(InvalidObjectException.class, () -> deserialize(HostileStreams.withCount(set, 3, Integer.MAX_VALUE)));
    }

    @Test
    void everyTruncationIsInvalid() throws Exception {
        CowTreeMap<Integer, String> map = new CowTreeMap<>(null, 4);
        for (int i = 0; i < 10; i++) {
            map.put(i, "v" + i);
        }
        HostileStreams.assertEveryTruncationIsInvalid(serialize(map), 10);
        CowTreeSet<Integer> set = new CowTreeSet<>(null, 4);
        for (int i = 0; i < 10; i++) {
            set.add(i);
        }
        HostileStreams.assertEveryTruncationIsInvalid(serialize(set), 10);
    }
}

package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;

/** The Detach event of the sorted types: a path copy, reported once, by the handle that wrote. */
class CowTreeMapDetachEventTest {

    private static final EventRecorder DETACHES = EventRecorder.detaches("0");

    private static List<RecordedEvent> detaches(List<RecordedEvent> events) {
        return events.stream().filter(e -> e.getEventType().getName().equals(EventRecorder.DETACH))
                .collect(Collectors.toList());
    }

    @Test
    void theFirstWriteAfterACopyReportsTheNodesOfOnePathAndTheNextWriteThereNothing() {
        CowTreeMap<Integer, Integer> map = new CowTreeMap<>(null, 4);
        for (int i = 0; i < 100; i++) {
            map.put(i, i);
        }
        int nodesOnAPath = map.height + 1;
        List<RecordedEvent> events = detaches(DETACHES.record(() -> {
            CowTreeMap<Integer, Integer> copy = map.copy();
            copy.put(50, -1);
            copy.put(50, -2);
        }));
        assertEquals(1, events.size(), events::toString);
        RecordedEvent detach = events.get(0);
        assertEquals("CowTreeMap", detach.getString("type"));
        assertEquals("CowTreeMap.put", detach.getString("operation"));
        assertEquals("pages", detach.getString("layout"));
        assertEquals(CopyEvents.referenceBytes(2L * 4 * nodesOnAPath), detach.getLong("bytes"));
    }

    @Test
    void aSetReportsItsOwnType() {
        CowTreeSet<Integer> set = new CowTreeSet<>();
        for (int i = 0; i < 100; i++) {
            set.add(i);
        }
        List<RecordedEvent> events = detaches(DETACHES.record(() -> set.copy().add(-1)));
        assertEquals(1, events.size(), events::toString);
        assertEquals("CowTreeSet", events.get(0).getString("type"));
    }
}

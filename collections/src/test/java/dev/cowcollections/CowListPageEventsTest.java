package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Flight Recorder events of {@link CowList}'s paged layout: the first write after a copy
 * reports the directory it copied, and then the pages it copied, as {@code pages} detaches; a
 * write to a page already copied, and every write through a unique handle, report nothing. Lists
 * here go paged above 16 elements, in pages of four.
 */
class CowListPageEventsTest {

    private static final int PAGE = 4;
    private static final int SIZE = 64;
    private static final int PAGES = SIZE / PAGE;

    private static final EventRecorder EVERY_DETACH = EventRecorder.detaches("0");

    private int savedPagedAbove;
    private int savedPageShift;

    @BeforeEach
    void smallPages() {
        savedPagedAbove = PageDirectory.pagedAbove();
        savedPageShift = PageDirectory.pageShift();
        PageDirectory.setGeometryForTesting(16, 2);
    }

    @AfterEach
    void restoreGeometry() {
        PageDirectory.setGeometryForTesting(savedPagedAbove, savedPageShift);
    }

    private static CowList<Integer> pagedList() {
        return new CowList<>(IntStream.range(0, SIZE).boxed().collect(Collectors.toList()));
    }

    @Test
    void firstWriteAfterACopyReportsTheDirectoryThenThePageAndLaterWritesToThatPageNothing() {
        CowList<Integer> list = pagedList();
        List<RecordedEvent> events = EVERY_DETACH.record(() -> {
            CowList<Integer> copy = list.copy();
            copy.set(10, -1);
            copy.set(11, -2);
        });
        assertEquals(2, events.size(), () -> "events: " + events);
        RecordedEvent directory = withElements(events, 0);
        assertEquals("pages", directory.getString("layout"));
        assertEquals("CowList.set", directory.getString("operation"));
        assertEquals(2, directory.getInt("shares"));
        assertEquals(CopyEvents.referenceBytes(PAGES), directory.getLong("bytes"), "the directory's page references");
        RecordedEvent page = withElements(events, PAGE);
        assertEquals("CowList", page.getString("type"));
        assertEquals("pages", page.getString("layout"));
        assertEquals("CowList.set", page.getString("operation"));
        assertEquals("shared", page.getString("cause"));
        assertEquals(1, page.getInt("shares"), "the directory is the writer's own by now");
        assertEquals(CopyEvents.referenceBytes(PAGE), page.getLong("bytes"));
    }

    @Test
    void oneWriteThatCopiesManyPagesReportsThemTogether() {
        CowList<Integer> list = pagedList();
        List<RecordedEvent> events = EVERY_DETACH.record(() -> list.copy().add(33, -1));
        assertEquals(2, events.size(), () -> "events: " + events);
        withElements(events, 0);
        RecordedEvent pages = withElements(events, (PAGES - 33 / PAGE) * PAGE);
        assertEquals("CowList.add", pages.getString("operation"));
        assertEquals(CopyEvents.referenceBytes((PAGES - 33 / PAGE) * PAGE), pages.getLong("bytes"),
                "every page from the insertion on moves, so each is copied");
    }

    @Test
    void pageCopiedThroughASubListIsReportedForTheList() {
        CowList<Integer> list = pagedList();
        CowList<Integer> copy = list.copy();
        copy.set(0, -1);
        List<RecordedEvent> events = EVERY_DETACH.record(() -> copy.subList(20, 40).set(1, -2));
        RecordedEvent page = withElements(events, PAGE);
        assertEquals(1, events.size(), () -> "events: " + events);
        assertEquals("CowList", page.getString("type"));
        assertEquals("CowSubList.set", page.getString("operation"));
    }

    @Test
    void writesThroughAUniquePagedHandleReportNothing() {
        Map<String, Runnable> writes = new LinkedHashMap<>();
        CowList<Integer> forSet = pagedList();
        writes.put("set", () -> forSet.set(10, -1));
        CowList<Integer> forInsert = pagedList();
        writes.put("add at", () -> forInsert.add(5, -1));
        CowList<Integer> forRemove = pagedList();
        writes.put("remove at", () -> forRemove.remove(5));
        CowList<Integer> forSort = pagedList();
        writes.put("sort", () -> forSort.sort((a, b) -> b - a));
        Map<String, List<RecordedEvent>> events = EVERY_DETACH.recordEach(writes);
        for (String write : writes.keySet()) {
            assertEquals(List.of(), events.get(write), write);
        }
    }

    private static RecordedEvent withElements(List<RecordedEvent> events, long elements) {
        List<RecordedEvent> matching = events.stream()
                .filter(e -> e.getEventType().getName().equals(EventRecorder.DETACH) && e.getLong("elements") == elements)
                .collect(Collectors.toList());
        assertEquals(1, matching.size(), () -> "one detach of " + elements + " elements expected in " + events);
        return matching.get(0);
    }
}

package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The Flight Recorder events, read back with {@code jdk.jfr.consumer}: a detach is recorded once,
 * with its type, layout, size and cause; an in-place write and a write that changes nothing record
 * nothing; a count that reaches its ceiling records {@code Saturated}.
 */
class CopyEventsTest {

    private static final List<String> LETTERS = List.of("a", "b", "c", "d");

    private static final EventRecorder EVERY_DETACH = EventRecorder.everyEvent("0");

    /** For the families of writes: the copy each case takes first must not count. */
    private static final EventRecorder DETACHES = EventRecorder.detaches("0");

    @Test
    void eventsAreRecordableWhereTheRuntimeHasFlightRecorder() {
        assertTrue(CopyEvents.recordable());
    }

    // Every write, for every type: one detach when shared, none when unique

    @TestFactory
    Stream<DynamicTest> everyListWrite() {
        return everyWrite("CowList", 4, CowListSharingTest.writes(), CowListSharingTest.callsThatChangeNothing(),
                () -> new CowList<>(LETTERS));
    }

    /**
     * The list's writes again in the paged layout, forced at four elements in pages of two, and
     * paged down to one element so that no write here changes the layout. A shared write detaches
     * the directory first; a write may then copy the pages it touches, recorded as pages too.
     */
    @TestFactory
    Stream<DynamicTest> everyPagedListWrite() {
        int savedPagedAbove = PageDirectory.pagedAbove();
        int savedPageShift = PageDirectory.pageShift();
        PageDirectory.setGeometryForTesting(1, 1);
        try {
            return everyWrite("CowList", 4, CowListSharingTest.writes(), CowListSharingTest.callsThatChangeNothing(), () -> {
                CowList<String> list = new CowList<>(LETTERS);
                assertTrue(list.isPaged());
                return list;
            });
        } finally {
            PageDirectory.setGeometryForTesting(savedPagedAbove, savedPageShift);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyMapWrite() {
        return everyWrite("CowMap", 4, CowMapSharingTest.writes(), CowMapSharingTest.callsThatChangeNothing(),
                () -> new CowMap<>(CowMapSharingTest.original()));
    }

    @TestFactory
    Stream<DynamicTest> everySetWrite() {
        return everyWrite("CowSet", 4, CowSetSharingTest.writes(), CowSetSharingTest.callsThatChangeNothing(),
                () -> new CowSet<>(LETTERS));
    }

    @TestFactory
    Stream<DynamicTest> everyStringWrite() {
        return everyWrite("CowString", 5,
                Stream.concat(CowStringSharingTest.writes(), CowStringSharingTest.wideningWrites()).map(CopyEventsTest::named),
                CowStringSharingTest.callsThatChangeNothing(),
                () -> CowString.of("h\u00e9llo"));
    }

    @SuppressWarnings("unchecked")
    private static Named<Consumer<CowString>> named(Arguments arguments) {
        Named<Consumer<CowString>> write = (Named<Consumer<CowString>>) arguments.get()[0];
        return Named.of(write.getName() + " -> " + arguments.get()[1], write.getPayload());
    }

    /**
     * Runs every write on a shared handle (one Detach each, clear none), on a unique handle
     * (nothing) and every call that changes nothing on a shared handle (nothing), under one
     * recording per kind.
     */
    private static <H, C extends H> Stream<DynamicTest> everyWrite(String type, int size,
            Stream<Named<Consumer<H>>> writes, Stream<Named<Consumer<H>>> noOps, Supplier<C> fresh) {
        List<Named<Consumer<H>>> writeList = writes.collect(Collectors.toList());
        List<Named<Consumer<H>>> noOpList = noOps.collect(Collectors.toList());
        Map<String, List<RecordedEvent>> shared = DETACHES.recordEach(cases(writeList, () -> {
            C handle = fresh.get();
            copyOf(handle);
            return handle;
        }));
        Map<String, List<RecordedEvent>> unique = DETACHES.recordEach(cases(writeList, fresh::get));
        String layout = fresh.get() instanceof CowList && ((CowList<?>) fresh.get()).isPaged() ? CopyEvents.PAGES : CopyEvents.BUFFER;
        Map<String, List<RecordedEvent>> unchanged = DETACHES.recordEach(cases(noOpList, () -> {
            C handle = fresh.get();
            copyOf(handle);
            return handle;
        }));
        List<DynamicTest> tests = new ArrayList<>();
        for (Named<Consumer<H>> w : writeList) {
            String name = w.getName();
            boolean clears = name.startsWith("clear") || name.endsWith(" clear") && !name.contains("subList");
            tests.add(dynamicTest("shared, " + name + ": " + (clears ? "no detach, the share is given back" : "one detach"), () -> {
                List<RecordedEvent> events = shared.get(name);
                if (clears) {
                    assertEquals(List.of(), events);
                } else {
                    assertFalse(events.isEmpty(), () -> "no detach recorded");
                    RecordedEvent detach = events.get(0);
                    assertEquals(EventRecorder.DETACH, detach.getEventType().getName());
                    assertEquals(expectedType(type, name), detach.getString("type"));
                    assertEquals(layout, detach.getString("layout"));
                    assertEquals("shared", detach.getString("cause"));
                    assertEquals(2, detach.getInt("shares"));
                    assertTrue(detach.getLong("elements") <= size, () -> "copies at most what there was: " + detach);
                    if (layout.equals(CopyEvents.BUFFER)) {
                        assertEquals(1, events.size(), () -> "events: " + events);
                    } else {
                        assertEquals(0, detach.getLong("elements"), "the directory is copied first, no element with it");
                        assertEquals(CopyEvents.referenceBytes(2), detach.getLong("bytes"), "two page references");
                        for (RecordedEvent pageCopy : events) {
                            assertEquals(CopyEvents.PAGES, pageCopy.getString("layout"), () -> "events: " + events);
                        }
                    }
                }
            }));
            tests.add(dynamicTest("unique, " + name + ": nothing recorded", () -> assertEquals(List.of(), unique.get(name))));
        }
        for (Named<Consumer<H>> n : noOpList) {
            tests.add(dynamicTest("shared, " + n.getName() + ": nothing recorded",
                    () -> assertEquals(List.of(), unchanged.get(n.getName()))));
        }
        return tests.stream();
    }

    /**
     * A set's iterator is its map's key iterator, and the program calls its {@code remove}
     * directly: no frame of {@code CowSet} is on the stack, so the detach is reported as the
     * map's.
     */
    private static String expectedType(String type, String write) {
        return type.equals("CowSet") && write.equals("iterator remove") ? "CowMap" : type;
    }

    /** The cases of {@code ops}, each on a handle built now, before the recording starts. */
    private static <H> Map<String, Runnable> cases(List<Named<Consumer<H>>> ops, Supplier<? extends H> handle) {
        Map<String, Runnable> cases = new LinkedHashMap<>();
        for (Named<Consumer<H>> op : ops) {
            H h = handle.get();
            cases.put(op.getName(), () -> op.getPayload().accept(h));
        }
        return cases;
    }

    /** Takes a copy of any handle and drops it: the count stays at two, as a dropped copy leaves it. */
    private static void copyOf(Object handle) {
        if (handle instanceof CowList) {
            ((CowList<?>) handle).copy();
        } else if (handle instanceof CowMap) {
            ((CowMap<?, ?>) handle).copy();
        } else if (handle instanceof CowSet) {
            ((CowSet<?>) handle).copy();
        } else {
            ((CowString) handle).copy();
        }
    }

    // Sizes, per type

    @Test
    void detachOfAListRecordsTheElementsAndReferenceBytesItCopied() {
        CowList<Integer> list = new CowList<>(IntStream.range(0, 1000).boxed().collect(Collectors.toList()));
        Map<String, List<RecordedEvent>> events = EVERY_DETACH.recordEach(Map.of(
                "add", () -> {
                    CowList<Integer> copy = list.copy();
                    copy.add(-1);
                },
                "remove", () -> {
                    CowList<Integer> copy = list.copy();
                    copy.remove(0);
                }));
        RecordedEvent add = single(events.get("add"), EventRecorder.DETACH);
        assertEquals("CowList", add.getString("type"));
        assertEquals("CowList.add", add.getString("operation"));
        assertEquals(1000, add.getLong("elements"));
        assertEquals(CopyEvents.referenceBytes(1000), add.getLong("bytes"));
        RecordedEvent remove = single(events.get("remove"), EventRecorder.DETACH);
        assertEquals(999, remove.getLong("elements"), "a removal copies around what it removes");
        assertEquals(CopyEvents.referenceBytes(999), remove.getLong("bytes"));
    }

    @Test
    void detachOfAPagedListRecordsTheDirectoryItCopiedAndNoElement() {
        CowList<Integer> list = CowList.pagedForTesting(IntStream.range(0, 64).boxed().collect(Collectors.toList()), 2);
        RecordedEvent detach = EVERY_DETACH.record(() -> list.copy().set(0, -1)).stream()
                .filter(e -> e.getEventType().getName().equals(EventRecorder.DETACH))
                .findFirst().orElseThrow();
        assertEquals("CowList", detach.getString("type"));
        assertEquals("CowList.set", detach.getString("operation"));
        assertEquals("pages", detach.getString("layout"));
        assertEquals("shared", detach.getString("cause"));
        assertEquals(0, detach.getLong("elements"));
        assertEquals(CopyEvents.referenceBytes(64 / 4), detach.getLong("bytes"), "one reference per page of four");
    }

    @Test
    void aSharedListThatChangesLayoutRecordsTheCopyAsADetach() {
        CowList<Integer> paged = CowList.pagedForTesting(IntStream.range(0, 64).boxed().collect(Collectors.toList()), 2);
        assertLayoutChangeDetach(EVERY_DETACH.record(() -> paged.copy().retainAll(List.of(5, 6))), "buffer", 2);
        assertLayoutChangeDetach(EVERY_DETACH.record(() -> paged.copy().subList(0, 60).clear()), "buffer", 4);
        CowList<Integer> flat = new CowList<>(IntStream.range(0, PageDirectory.pagedAbove()).boxed().collect(Collectors.toList()));
        assertLayoutChangeDetach(EVERY_DETACH.record(() -> flat.copy().add(0, -1)), "pages", PageDirectory.pagedAbove());
    }

    @Test
    void aUniqueListThatChangesLayoutRecordsNothing() {
        CowList<Integer> paged = CowList.pagedForTesting(IntStream.range(0, 64).boxed().collect(Collectors.toList()), 2);
        assertEquals(List.of(), EVERY_DETACH.record(() -> paged.retainAll(List.of(5, 6))));
    }

    private static void assertLayoutChangeDetach(List<RecordedEvent> events, String layout, long elements) {
        RecordedEvent detach = single(events, EventRecorder.DETACH);
        assertEquals("CowList", detach.getString("type"));
        assertEquals(layout, detach.getString("layout"));
        assertEquals("shared", detach.getString("cause"));
        assertEquals(elements, detach.getLong("elements"));
        assertEquals(CopyEvents.referenceBytes(elements), detach.getLong("bytes"));
    }

    @Test
    void detachRecordsTheStackTraceDownToTheProgramThatWrote() {
        CowList<String> list = new CowList<>(LETTERS);
        RecordedEvent detach = single(EVERY_DETACH.record(() -> writeAfterCopy(list)), EventRecorder.DETACH);
        RecordedFrame site = EventRecorder.callSite(detach);
        assertEquals(CopyEventsTest.class.getName(), site.getMethod().getType().getName());
        assertEquals("writeAfterCopy", site.getMethod().getName());
    }

    private static void writeAfterCopy(CowList<String> list) {
        list.copy().set(0, "z");
    }

    @Test
    void detachOfAMapRecordsItsEntriesAndTheEntryAndIndexBytes() {
        CowMap<Integer, Integer> map = new CowMap<>();
        for (int i = 0; i < 100; i++) {
            map.put(i, i);
        }
        long expectedBytes = CopyEvents.referenceBytes(2L * map.used) + 4L * map.index.length;
        RecordedEvent detach = single(EVERY_DETACH.record(() -> map.copy().put(-1, -1)), EventRecorder.DETACH);
        assertEquals("CowMap", detach.getString("type"));
        assertEquals("CowMap.put", detach.getString("operation"));
        assertEquals(100, detach.getLong("elements"));
        assertEquals(expectedBytes, detach.getLong("bytes"));
    }

    @Test
    void detachOfASetIsRecordedAsTheSetItsMapBelongsTo() {
        CowSet<Integer> set = new CowSet<>(IntStream.range(0, 50).boxed().collect(Collectors.toList()));
        RecordedEvent detach = single(EVERY_DETACH.record(() -> set.copy().add(-1)), EventRecorder.DETACH);
        assertEquals("CowSet", detach.getString("type"));
        assertEquals("CowSet.add", detach.getString("operation"));
        assertEquals(50, detach.getLong("elements"));
    }

    @Test
    void detachThroughAViewIsRecordedForTheTypeThatOwnsTheView() {
        CowMap<String, String> map = new CowMap<>(CowMapSharingTest.original());
        CowList<String> list = new CowList<>(LETTERS);
        Map<String, List<RecordedEvent>> events = EVERY_DETACH.recordEach(Map.of(
                "keySet", () -> map.copy().keySet().remove("a"),
                "subList", () -> list.copy().subList(1, 3).add("x")));
        RecordedEvent keySet = single(events.get("keySet"), EventRecorder.DETACH);
        assertEquals("CowMap", keySet.getString("type"));
        assertTrue(keySet.getString("operation").startsWith("CowMap$"), keySet.getString("operation"));
        RecordedEvent subList = single(events.get("subList"), EventRecorder.DETACH);
        assertEquals("CowList", subList.getString("type"), "a sublist writes through its list");
        assertEquals("CowSubList.add", subList.getString("operation"));
    }

    @Test
    void detachOfAStringRecordsItsCharsAndTheBytesOfTheirWidth() {
        CowString latin1 = CowString.of("x".repeat(100));
        CowString utf16 = CowString.of("\u4e16".repeat(100));
        Map<String, List<RecordedEvent>> events = EVERY_DETACH.recordEach(Map.of(
                "latin1 append", () -> latin1.copy().append('y'),
                "utf16 append", () -> utf16.copy().append('y'),
                "widening append", () -> latin1.copy().append('\u4e16'),
                "delete", () -> latin1.copy().delete(0, 10),
                "reverse", () -> CowString.of("ab".repeat(50)).copy().reverse()));
        assertEquals(List.of(100L, 100L), sizes(events.get("latin1 append")));
        assertEquals(List.of(100L, 200L), sizes(events.get("utf16 append")));
        assertEquals(List.of(100L, 200L), sizes(events.get("widening append")), "the copy is the wide one");
        assertEquals(List.of(90L, 90L), sizes(events.get("delete")), "a deletion copies around what it deletes");
        assertEquals(List.of(100L, 100L), sizes(events.get("reverse")));
        assertEquals("CowString", single(events.get("delete"), EventRecorder.DETACH).getString("type"));
    }

    private static List<Long> sizes(List<RecordedEvent> events) {
        RecordedEvent detach = single(events, EventRecorder.DETACH);
        return List.of(detach.getLong("elements"), detach.getLong("bytes"));
    }

    // Causes and settings

    @Test
    void firstWriteToANewEmptyCollectionIsAnImmortalDetachBelowTheDefaultThreshold() {
        Map<String, Runnable> firstWrites = Map.of(
                "CowList", () -> new CowList<String>().add("a"),
                "CowMap", () -> new CowMap<String, String>().put("a", "A"),
                "CowSet", () -> new CowSet<String>().add("a"),
                "CowString", () -> new CowString().append("a"));
        Map<String, List<RecordedEvent>> atZero = EVERY_DETACH.recordEach(firstWrites);
        Map<String, List<RecordedEvent>> byDefault = EventRecorder.everyEvent(BytesThreshold.DEFAULT).recordEach(firstWrites);
        for (String type : firstWrites.keySet()) {
            RecordedEvent detach = single(atZero.get(type), EventRecorder.DETACH);
            assertEquals(type, detach.getString("type"));
            assertEquals("immortal", detach.getString("cause"));
            assertEquals(0, detach.getLong("elements"));
            assertEquals(0, detach.getLong("bytes"));
            assertEquals(List.of(), byDefault.get(type), type + " copies nothing, so the default threshold leaves it out");
        }
    }

    @Test
    void writeAfterClearingASharedHandleIsAnImmortalDetach() {
        CowList<String> list = new CowList<>(LETTERS);
        RecordedEvent detach = single(EVERY_DETACH.record(() -> {
            CowList<String> copy = list.copy();
            copy.clear();
            copy.add("x");
        }), EventRecorder.DETACH);
        assertEquals("immortal", detach.getString("cause"));
    }

    @Test
    void raisingTheBytesThresholdKeepsSmallDetachesOut() {
        CowList<Integer> small = new CowList<>(IntStream.range(0, 10).boxed().collect(Collectors.toList()));
        CowList<Integer> large = new CowList<>(IntStream.range(0, 1000).boxed().collect(Collectors.toList()));
        Map<String, List<RecordedEvent>> events = EventRecorder.detaches("1 kB").recordEach(Map.of(
                "small", () -> small.copy().add(1),
                "large", () -> large.copy().add(1)));
        assertEquals(List.of(), events.get("small"));
        assertEquals(1000, single(events.get("large"), EventRecorder.DETACH).getLong("elements"));
    }

    @Test
    void countReachingItsCeilingRecordsSaturatedThenEveryWriteDetachesWithThatCause() {
        CowList<String> list = new CowList<>(LETTERS);
        list.refCount().setSharesVolatileForTesting(RefCount.SATURATED - 1);
        List<RecordedEvent> events = EVERY_DETACH.record(() -> {
            CowList<String> atCeiling = list.copy();
            atCeiling.add("x");
        });
        RecordedEvent saturated = single(events, EventRecorder.SATURATED);
        assertEquals("CowList", saturated.getString("type"));
        assertEquals("CowList.copy", saturated.getString("operation"));
        RecordedEvent detach = single(events, EventRecorder.DETACH);
        assertEquals("saturated", detach.getString("cause"));
        assertEquals(RefCount.SATURATED, detach.getInt("shares"));
        assertEquals(4, detach.getLong("elements"));
    }

    @Test
    void copyEventRecordsEachShareWithItsTypeAndCount() {
        CowMap<String, String> map = new CowMap<>(CowMapSharingTest.original());
        CowSet<String> set = new CowSet<>(LETTERS);
        Map<String, List<RecordedEvent>> events = EVERY_DETACH.recordEach(Map.of(
                "map", () -> {
                    map.copy();
                    CowMap.copyOf(map);
                },
                "set", set::copy));
        List<RecordedEvent> mapCopies = events.get("map");
        assertEquals(List.of("CowMap.copy", "CowMap.copyOf"),
                mapCopies.stream().map(e -> e.getString("operation")).collect(Collectors.toList()));
        assertEquals(List.of(2, 3), mapCopies.stream().map(e -> e.getInt("shares")).collect(Collectors.toList()));
        assertEquals("CowSet", single(events.get("set"), EventRecorder.COPY).getString("type"));
    }

    @Test
    void defaultConfigurationRecordsDetachesWithStackTracesAndNoCopies() {
        CowList<String> list = new CowList<>(LETTERS);
        List<RecordedEvent> events = EventRecorder.defaultConfiguration().record(() -> writeAfterCopy(list));
        RecordedEvent detach = single(events, EventRecorder.DETACH);
        assertFalse(detach.getStackTrace().getFrames().isEmpty());
        assertEquals(Set.of(EventRecorder.DETACH),
                events.stream().map(e -> e.getEventType().getName()).collect(Collectors.toCollection(LinkedHashSet::new)),
                "Copy is off by default: copies are meant to be taken freely");
    }

    private static RecordedEvent single(List<RecordedEvent> events, String name) {
        List<RecordedEvent> named = events.stream()
                .filter(e -> e.getEventType().getName().equals(name))
                .collect(Collectors.toList());
        assertEquals(1, named.size(), () -> "one " + name + " expected in " + events);
        return named.get(0);
    }
}

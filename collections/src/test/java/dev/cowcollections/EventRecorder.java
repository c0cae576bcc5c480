package dev.cowcollections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records this library's events while test cases run, each case on a thread of its own, and
 * hands back each case's events: one recording serves a whole family of cases, and events of
 * other threads (another test, the JVM) never mix in.
 */
final class EventRecorder {

    static final String DETACH = "dev.cowcollections.Detach";
    static final String COPY = "dev.cowcollections.Copy";
    static final String SATURATED = "dev.cowcollections.Saturated";

    private static final AtomicLong CASES = new AtomicLong();

    private final Configuration configuration;
    private final Consumer<Recording> settings;

    private EventRecorder(Configuration configuration, Consumer<Recording> settings) {
        this.configuration = configuration;
        this.settings = settings;
    }

    /** A recording of the three events with {@code bytesThreshold} at {@code threshold}. */
    static EventRecorder everyEvent(String threshold) {
        return new EventRecorder(null, r -> {
            r.enable(DETACH).with("bytesThreshold", threshold);
            r.enable(COPY);
            r.enable(SATURATED);
        });
    }

    /** A recording of detaches and saturations only, with {@code bytesThreshold} at {@code threshold}. */
    static EventRecorder detaches(String threshold) {
        return new EventRecorder(null, r -> {
            r.enable(DETACH).with("bytesThreshold", threshold);
            r.enable(SATURATED);
        });
    }

    /** A recording with the JDK's {@code default} configuration, as {@code -XX:StartFlightRecording} makes. */
    static EventRecorder defaultConfiguration() {
        try {
            return new EventRecorder(Configuration.getConfiguration("default"), r -> {
            });
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one case and returns its events. */
    List<RecordedEvent> record(Runnable action) {
        return recordEach(Map.of("case", action)).get("case");
    }

    /**
     * Runs every case, in order, each on a new thread, and returns the events of each by name.
     * Threads get names of their own (JFR does not keep every char of a case name, and a dump may
     * hold the end of an earlier recording).
     */
    Map<String, List<RecordedEvent>> recordEach(Map<String, Runnable> cases) {
        Map<String, List<RecordedEvent>> events = new LinkedHashMap<>();
        Map<String, List<RecordedEvent>> byThread = new HashMap<>();
        try (Recording recording = configuration == null ? new Recording() : new Recording(configuration)) {
            settings.accept(recording);
            recording.start();
            for (Map.Entry<String, Runnable> c : cases.entrySet()) {
                String threadName = "recorded-case-" + CASES.incrementAndGet();
                List<RecordedEvent> caseEvents = new ArrayList<>();
                events.put(c.getKey(), caseEvents);
                byThread.put(threadName, caseEvents);
                runOnThreadNamed(threadName, c.getKey(), c.getValue());
            }
            recording.stop();
            Path file = Files.createTempFile("cow-events", ".jfr");
            try {
                recording.dump(file);
                for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                    RecordedThread thread = e.getThread();
                    if (e.getEventType().getName().startsWith("dev.cowcollections.") && thread != null
                            && byThread.containsKey(thread.getJavaName())) {
                        byThread.get(thread.getJavaName()).add(e);
                    }
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    private static void runOnThreadNamed(String threadName, String caseName, Runnable action) {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, threadName);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure[0] != null) {
            throw new AssertionError("case " + caseName + " failed", failure[0]);
        }
    }

    /**
     * The first frame of the recorded stack trace outside the library's main classes (tests share
     * its package, not its directory): where the program called the library.
     */
    static RecordedFrame callSite(RecordedEvent event) {
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            if (!isLibrary(frame.getMethod().getType().getName())) {
                return frame;
            }
        }
        throw new AssertionError("no frame outside the library in " + event);
    }

    private static boolean isLibrary(String className) {
        try {
            return Class.forName(className, false, EventRecorder.class.getClassLoader()).getProtectionDomain()
                    == CowList.class.getProtectionDomain();
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

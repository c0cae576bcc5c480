package dev.cowcollections;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * Tells {@link CopyEvents} when a Flight Recorder starts in this JVM, so that no event class is
 * loaded before one does. Loading a subclass of {@code jdk.jfr.Event} is not free even while
 * nobody records: the JVM hands the class to JFR, which sets up its metadata repository, generates
 * an event handler and registers the event type. A program that never records should pay for none
 * of it, so the events are registered lazily, at the first detach after a recorder started, as
 * Netty registers its allocator events.
 *
 * <p>{@link FlightRecorder#addListener} calls {@link #recorderInitialized} at once when the
 * recorder is already up ({@code -XX:StartFlightRecording}), and otherwise when it starts
 * ({@code jcmd JFR.start}, or a {@code Recording} started by the program), on the thread that
 * starts it.
 */
final class RecorderStart implements FlightRecorderListener {

    private RecorderStart() {
    }

    /** Watches for the recorder's start; called once, and only where {@code jdk.jfr} is readable. */
    static void watch() {
        FlightRecorder.addListener(new RecorderStart());
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        CopyEvents.recorderStarted = true;
    }
}

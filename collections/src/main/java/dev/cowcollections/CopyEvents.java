package dev.cowcollections;

import java.util.Optional;

/**
 * The one door from the collections to Java Flight Recorder: every detach, every share and every
 * count that saturates calls one method here, which does nothing unless a recording wants the
 * event.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>Optional module. {@code jdk.jfr} is a {@code requires static} dependence, so a runtime image
 * may lack it. Only {@link DetachEvent}, {@link CopyEvent}, {@link SaturatedEvent},
 * {@link BytesThreshold} and {@link RecorderStart} name its types, and this class reaches them only behind
 * {@link #RECORDABLE}, which is decided once, from the module graph, without loading any class of
 * {@code jdk.jfr}. The JVM resolves a class on the first execution of an instruction that names
 * it, and the calls here pass only primitives, strings and classes of this package, so the
 * verifier never loads an event class either: where {@code jdk.jfr} is absent, no event class is
 * ever touched.
 *
 * <p>Cost while nobody records. Each method tests {@code RECORDABLE}, a constant to the JIT, and
 * {@link #recorderStarted}, which stays {@code false} until a Flight Recorder starts in this JVM
 * ({@link RecorderStart} listens for it). Until then no event class is loaded at all: loading one
 * makes JFR set up its metadata and register the event, which a program that never records should
 * not pay for ({@code RuntimeWithoutFlightRecorderTest} checks that such a program loads no part of
 * the recorder). Once a recorder has started, each method asks the event class whether its event
 * is enabled through a static instance, as Netty's allocator events do. The values an event needs
 * beyond its sizes (the cause, the count, the public method the program called) are found only
 * after {@code shouldCommit()} said the event will be written.
 *
 * <p>Switch. {@code -Ddev.cowcollections.jfr=false} makes every method here a no-op for the life
 * of the JVM, for a program that wants no events even while it records, and for the benchmark
 * that compares the library with and without its events in one run.
 */
final class CopyEvents {

    /** The layout value of a detach that copies the whole buffer of a handle. */
    static final String BUFFER = "buffer";

    /**
     * The layout value of a detach in a paged layout, reported in two parts: the detach of the
     * directory (no elements, the bytes of its page references), and then, for each write that
     * copies pages the directory still shares, those pages (their elements and bytes).
     */
    static final String PAGES = "pages";

    /**
     * Whether events can be recorded at all: {@code jdk.jfr} is in the boot layer and readable
     * from this module, and the switch is not off.
     */
    private static final boolean RECORDABLE = flightRecorderReadable()
            && !"false".equals(System.getProperty("dev.cowcollections.jfr"));

    /**
     * Whether a Flight Recorder has started in this JVM: until then no event class is loaded
     * ({@link RecorderStart}). Volatile, so that a loop that is already running sees the start; on
     * x86 a volatile read is a plain load.
     */
    static volatile boolean recorderStarted;

    static {
        if (RECORDABLE) {
            RecorderStart.watch();
        }
    }

    /** Bytes of one reference in an array: 4 with compressed oops (the default below 32 GB), 8 without. */
    private static final int REFERENCE_BYTES = System.getProperty("java.vm.compressedOopsMode") != null
            || "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8;

    private CopyEvents() {
    }

    private static boolean flightRecorderReadable() {
        Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
        return jfr.isPresent() && CopyEvents.class.getModule().canRead(jfr.get());
    }

    /** Whether this JVM can record the events; for tests. */
    static boolean recordable() {
        return RECORDABLE;
    }

    /** The bytes that {@code count} references occupy in an array of this JVM. */
    static long referenceBytes(long count) {
        return count * REFERENCE_BYTES;
    }

    /**
     * Reports a detach: a handle of {@code type} whose buffer counted by {@code from} is shared
     * (or immortal) copied {@code elements} elements (chars, for {@code CowString}) occupying
     * {@code bytes} bytes into a private buffer. Call it before releasing {@code from}, so that
     * the count still includes the detaching handle.
     *
     * @param type the collection type that owns the detaching code
     * @param layout what was copied: {@link #BUFFER}, or {@link #PAGES} for a paged layout that
     *     copies only the pages a write touches (their elements and bytes, the directory included)
     */
    static void detached(Class<?> type, String layout, RefCount from, long elements, long bytes) {
        if (RECORDABLE && recorderStarted && DetachEvent.isEventEnabled()) {
            DetachEvent.record(type, layout, from, elements, bytes);
        }
    }

    /**
     * Reports a retain that raised a count to {@code shares}: a copy, and when {@code shares} is
     * {@link RefCount#SATURATED}, a count that reached its ceiling.
     */
    static void retained(int shares) {
        if (RECORDABLE && recorderStarted) {
            if (shares == RefCount.SATURATED && SaturatedEvent.isEventEnabled()) {
                SaturatedEvent.record();
            }
            if (CopyEvent.isEventEnabled()) {
                CopyEvent.record(shares);
            }
        }
    }
}

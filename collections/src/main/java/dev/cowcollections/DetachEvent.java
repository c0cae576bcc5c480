package dev.cowcollections;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.SettingDefinition;
import jdk.jfr.StackTrace;

/**
 * {@code dev.cowcollections.Detach}: a write through a handle whose buffer it did not own copied
 * the buffer (or, in a paged layout, the pages it touched) into a private one. Enabled by default
 * in every recording, with its stack trace; the {@code bytesThreshold} setting
 * ({@link BytesThreshold}) keeps out the small ones.
 */
@Name("dev.cowcollections.Detach")
@Label("Detach")
@Category("Cow Collections")
@Description("A write through a handle that shared its buffer copied it into a private one")
@StackTrace(true)
final class DetachEvent extends Event {

    private static final DetachEvent INSTANCE = new DetachEvent();

    @Label("Type")
    @Description("The collection type written: CowList, CowMap, CowSet or CowString")
    String type;

    @Label("Layout")
    @Description("What was copied: buffer (the handle's whole buffer) or pages (in a paged layout: the directory,"
            + " with no elements, or the shared pages one write copied, counted from the writer's own directory)")
    String layout;

    @Label("Elements")
    @Description("Elements, entries or chars copied from the old buffer")
    long elements;

    @Label("Bytes")
    @Description("Bytes copied from the old buffer: references, index slots or chars")
    @DataAmount
    long bytes;

    @Label("Cause")
    @Description("shared: the first write after a copy; saturated: a write to a buffer whose count reached its"
            + " ceiling, shared for good; immortal: the first write to a handle on a static empty buffer")
    String cause;

    @Label("Shares")
    @Description("Handles that shared the buffer when it was copied, the writer included")
    int shares;

    @Label("Operation")
    @Description("The library method the program called, e.g. CowList.add or CowMap$KeySet.removeIf")
    String operation;

    static boolean isEventEnabled() {
        return INSTANCE.isEnabled();
    }

    static void record(Class<?> type, String layout, RefCount from, long elements, long bytes) {
        DetachEvent event = new DetachEvent();
        event.elements = elements;
        event.bytes = bytes;
        if (event.shouldCommit()) {
            LibraryCall call = LibraryCall.find(type);
            int shares = from.sharesVolatile();
            event.type = call.type;
            event.operation = call.operation;
            event.layout = layout;
            event.shares = shares;
            event.cause = from == RefCount.IMMORTAL ? "immortal" : shares == RefCount.SATURATED ? "saturated" : "shared";
            event.commit();
        }
    }

    @SettingDefinition
    @Name("bytesThreshold")
    @Label("Bytes Threshold")
    @Description("Record only detaches that copy at least this many bytes, e.g. 0, 4096, 64 kB, 1 MB")
    boolean bytesThreshold(BytesThreshold threshold) {
        return bytes >= threshold.minimumBytes();
    }
}

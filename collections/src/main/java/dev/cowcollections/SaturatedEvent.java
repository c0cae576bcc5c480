package dev.cowcollections;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code dev.cowcollections.Saturated}: a copy raised a buffer's count to its ceiling, so the
 * buffer is shared for good and every handle on it detaches on its next write. Rare, and worth
 * knowing: it means a program took about two billion copies of one buffer without writing or
 * clearing them, usually a getter that returns {@code copy()} to callers that drop it.
 */
@Name("dev.cowcollections.Saturated")
@Label("Saturated")
@Category("Cow Collections")
@Description("A buffer's count reached its ceiling: the buffer is shared for good, every write through it detaches")
@StackTrace(true)
final class SaturatedEvent extends Event {

    private static final SaturatedEvent INSTANCE = new SaturatedEvent();

    @Label("Type")
    @Description("The collection type copied: CowList, CowMap, CowSet or CowString")
    String type;

    @Label("Operation")
    @Description("The library method the program called, e.g. CowList.copy")
    String operation;

    static boolean isEventEnabled() {
        return INSTANCE.isEnabled();
    }

    static void record() {
        SaturatedEvent event = new SaturatedEvent();
        if (event.shouldCommit()) {
            LibraryCall call = LibraryCall.find(null);
            event.type = call.type;
            event.operation = call.operation;
            event.commit();
        }
    }
}

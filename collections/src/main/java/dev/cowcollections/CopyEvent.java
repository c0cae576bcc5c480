package dev.cowcollections;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code dev.cowcollections.Copy}: a handle took a share of a buffer ({@code copy()},
 * {@code clone()}, {@code copyOf} or a sharing constructor). Nothing is copied, so it is off by
 * default; turned on, its stack traces answer the question a {@code Detach} raises: who else holds
 * this buffer? A copy of a static empty buffer or of a saturated one changes no count and is not
 * recorded.
 */
@Name("dev.cowcollections.Copy")
@Label("Copy")
@Category("Cow Collections")
@Description("A handle took a share of a buffer in O(1): copy(), clone(), copyOf or a sharing constructor")
@Enabled(false)
@StackTrace(true)
final class CopyEvent extends Event {

    private static final CopyEvent INSTANCE = new CopyEvent();

    @Label("Type")
    @Description("The collection type copied: CowList, CowMap, CowSet or CowString")
    String type;

    @Label("Shares")
    @Description("Handles that share the buffer after the copy")
    int shares;

    @Label("Operation")
    @Description("The library method the program called, e.g. CowList.copy or CowMap.copyOf")
    String operation;

    static boolean isEventEnabled() {
        return INSTANCE.isEnabled();
    }

    static void record(int shares) {
        CopyEvent event = new CopyEvent();
        if (event.shouldCommit()) {
            LibraryCall call = LibraryCall.find(null);
            event.type = call.type;
            event.operation = call.operation;
            event.shares = shares;
            event.commit();
        }
    }
}

package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What SPEC.md says about the buffers of a pool of handles: which buffer each slot holds and how
 * many shares it has. A copy adds a share, a write that changes a shared handle's contents
 * detaches it and gives one share back, {@code clear()} of a shared handle moves it to the
 * immortal empty buffer, a dropped handle never gives its share back. It follows the rules, not
 * the implementation, and checks the handles' reference counts against them.
 */
final class ShareModel {

    /** A buffer, as far as sharing goes. */
    private static final class Buffer {
        static final Buffer IMMORTAL = new Buffer(RefCount.SATURATED);
        int shares;

        Buffer(int shares) {
            this.shares = shares;
        }

        boolean isShared() {
            return this == IMMORTAL || shares > 1;
        }
    }

    private final IntFunction<RefCount> countOfSlot;
    private final IntFunction<Object> layoutOfSlot;
    private final List<Buffer> buffers = new ArrayList<>();
    private final List<RefCount> lastSeenCounts = new ArrayList<>();
    private final List<Object> lastSeenLayouts = new ArrayList<>();

    /** A pool of {@code slots} handles of a type whose count outlives its rebuilds. */
    ShareModel(int slots, IntFunction<RefCount> countOfSlot) {
        this(slots, countOfSlot, slot -> null);
    }

    /**
     * A pool of {@code slots} handles that all share one buffer; {@code countOfSlot} reads a
     * handle's count, {@code layoutOfSlot} names the storage that comes with its count (a paged
     * table's pages, which a rebuild replaces together with the count) or is one constant for a
     * layout whose count outlives its rebuilds.
     */
    ShareModel(int slots, IntFunction<RefCount> countOfSlot, IntFunction<Object> layoutOfSlot) {
        this.countOfSlot = countOfSlot;
        this.layoutOfSlot = layoutOfSlot;
        Buffer buffer = new Buffer(slots);
        for (int i = 0; i < slots; i++) {
            buffers.add(buffer);
            lastSeenCounts.add(countOfSlot.apply(i));
            lastSeenLayouts.add(layoutOfSlot.apply(i));
        }
    }

    /**
     * Checks the handle in {@code slot} after a call: it detached exactly when the call
     * {@code changed} its contents while the buffer was shared, to the empty buffer when
     * {@code clearing}.
     */
    void expectDetach(int slot, boolean changed, boolean clearing) {
        Buffer buffer = buffers.get(slot);
        RefCount count = countOfSlot.apply(slot);
        RefCount lastSeen = lastSeenCounts.get(slot);
        Object layout = layoutOfSlot.apply(slot);
        boolean relaidOut = !Objects.equals(lastSeenLayouts.get(slot), layout);
        lastSeenLayouts.set(slot, layout);
        if (changed && buffer.isShared()) {
            if (buffer != Buffer.IMMORTAL) {
                buffer.shares--;
            }
            if (clearing) {
                buffers.set(slot, Buffer.IMMORTAL);
                assertSame(RefCount.IMMORTAL, count, "a shared clear() points at the empty buffer");
            } else {
                buffers.set(slot, new Buffer(1));
                assertNotSame(lastSeen, count, "a write to a shared handle detaches it");
            }
        } else if (relaidOut && !buffer.isShared()) {
            assertEquals(1, count.sharesVolatile(), "a unique handle that changes its layout holds its new storage alone");
        } else {
            assertSame(lastSeen, count, changed ? "a write to a unique handle is in place"
                    : "a call that changes nothing never detaches");
        }
        lastSeenCounts.set(slot, count);
    }

    /** The handle in {@code target} was dropped for a copy of the one in {@code source}. */
    void copied(int source, int target) {
        Buffer buffer = buffers.get(source);
        if (buffer != Buffer.IMMORTAL) {
            buffer.shares++;
        }
        buffers.set(target, buffer);
        lastSeenCounts.set(target, countOfSlot.apply(target));
        lastSeenLayouts.set(target, layoutOfSlot.apply(target));
        assertSame(countOfSlot.apply(source), countOfSlot.apply(target), "a copy shares the buffer");
    }

    /**
     * The handle in {@code target} gave back its share and took one of {@code source}'s buffer,
     * as {@code CowMap.putAll} of a handle into an empty map does.
     */
    void releasedAndCopied(int source, int target) {
        Buffer old = buffers.get(target);
        if (old != Buffer.IMMORTAL) {
            old.shares--;
        }
        copied(source, target);
    }

    /** The handle in {@code target} was dropped for a new one that holds a buffer of its own, or none when empty. */
    void replacedWithFresh(int target, boolean empty) {
        buffers.set(target, empty ? Buffer.IMMORTAL : new Buffer(1));
        lastSeenCounts.set(target, countOfSlot.apply(target));
        lastSeenLayouts.set(target, layoutOfSlot.apply(target));
    }

    /** Checks that the handle in {@code slot}, of a type that is never paged, and the others share exactly as the model says. */
    void check(int slot, boolean handleIsShared, String which) {
        check(slot, handleIsShared, false, which);
    }

    /**
     * Checks that the handle in {@code slot} and the others share exactly as the model says. A
     * paged handle ({@code paged}) may answer {@code isShared()} true with a buffer of its own:
     * pages it has not written since it detached may still be held by a sibling (SPEC rule 7).
     */
    void check(int slot, boolean handleIsShared, boolean paged, String which) {
        Buffer buffer = buffers.get(slot);
        RefCount count = countOfSlot.apply(slot);
        if (!(paged && handleIsShared)) {
            assertEquals(buffer.isShared(), handleIsShared, which + ": isShared() agrees with the copy history");
        }
        if (buffer == Buffer.IMMORTAL) {
            assertSame(RefCount.IMMORTAL, count, which);
        } else {
            assertEquals(buffer.shares, count.sharesVolatile(), which + ": share count");
        }
        for (int other = 0; other < slot; other++) {
            assertEquals(buffers.get(other) == buffer, countOfSlot.apply(other) == count,
                    "handles " + other + " and " + slot + " share a buffer exactly when the model says so");
        }
    }
}

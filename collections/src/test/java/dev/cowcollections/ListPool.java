package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The state of {@link CowListProperties}: a few {@code CowList} handles that copy each other,
 * each with an {@code ArrayList} model, and a model of the buffer each handle holds, with its
 * number of shares. The share model follows SPEC.md, not the implementation: a copy adds a
 * share, a write that changes a shared handle's contents detaches it and gives one share back,
 * {@code clear()} of a shared handle moves it to the immortal empty buffer, a dropped handle
 * never gives its share back.
 */
final class ListPool {
    static final int HANDLES = 4;

    /** What a handle's buffer should be, as far as sharing goes. */
    static final class Buffer {
        static final Buffer IMMORTAL = new Buffer(RefCount.SATURATED);
        int shares;

        Buffer(int shares) {
            this.shares = shares;
        }

        boolean isShared() {
            return this == IMMORTAL || shares > 1;
        }
    }

    private final List<CowList<Integer>> handles = new ArrayList<>();
    private final List<List<Integer>> models = new ArrayList<>();
    private final List<Buffer> buffers = new ArrayList<>();
    private final List<RefCount> lastSeenCounts = new ArrayList<>();

    ListPool() {
        CowList<Integer> first = CowList.of(10, 20, 30, 40, 50, 60, 70, 80);
        Buffer buffer = new Buffer(1);
        for (int i = 0; i < HANDLES; i++) {
            CowList<Integer> handle = i == 0 ? first : first.copy();
            if (i > 0) {
                buffer.shares++;
            }
            handles.add(handle);
            models.add(new ArrayList<>(first));
            buffers.add(buffer);
            lastSeenCounts.add(handle.refCount());
        }
    }

    int size(int slot) {
        return models.get(slot).size();
    }

    /**
     * Applies {@code operation} to the handle and to its model, compares what they return, and
     * checks that the handle detached exactly when SPEC says it must.
     */
    void write(int slot, Function<List<Integer>, Object> operation) {
        List<Integer> model = models.get(slot);
        List<Integer> before = new ArrayList<>(model);
        Object expected = operation.apply(model);
        Object actual = operation.apply(handles.get(slot));
        assertEquals(expected, actual, "result of the call");
        expectDetach(slot, !HandlePool.sameReferences(before, model), false);
    }

    /** {@code clear()}, which moves a shared handle to the immortal empty buffer. */
    void clear(int slot) {
        boolean changed = !models.get(slot).isEmpty();
        models.get(slot).clear();
        handles.get(slot).clear();
        expectDetach(slot, changed, true);
    }

    private void expectDetach(int slot, boolean changed, boolean clearing) {
        Buffer buffer = buffers.get(slot);
        RefCount count = handles.get(slot).refCount();
        RefCount lastSeen = lastSeenCounts.get(slot);
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
        } else {
            assertSame(lastSeen, count, changed ? "a write to a unique handle is in place"
                    : "a call that changes nothing never detaches");
        }
        lastSeenCounts.set(slot, count);
    }

    /** Replaces the handle in {@code target} (dropping it) with one that shares {@code source}'s buffer. */
    void share(int source, int target, Function<CowList<Integer>, CowList<Integer>> copier) {
        CowList<Integer> copy = copier.apply(handles.get(source));
        Buffer buffer = buffers.get(source);
        if (buffer != Buffer.IMMORTAL) {
            buffer.shares++;
        }
        put(target, copy, new ArrayList<>(models.get(source)), buffer);
        assertSame(handles.get(source).refCount(), copy.refCount(), "a copy shares the buffer");
    }

    /** Replaces the handle in {@code target} (dropping it) with an unshared one holding {@code contents}. */
    void replaceWithFresh(int target, CowList<Integer> fresh, List<Integer> contents) {
        put(target, fresh, new ArrayList<>(contents), contents.isEmpty() ? Buffer.IMMORTAL : new Buffer(1));
    }

    private void put(int slot, CowList<Integer> handle, List<Integer> model, Buffer buffer) {
        handles.set(slot, handle);
        models.set(slot, model);
        buffers.set(slot, buffer);
        lastSeenCounts.set(slot, handle.refCount());
    }

    CowList<Integer> handle(int slot) {
        return handles.get(slot);
    }

    List<Integer> model(int slot) {
        return models.get(slot);
    }

    /** The invariant checked after every step. */
    void checkEveryHandle() {
        for (int i = 0; i < HANDLES; i++) {
            CowList<Integer> handle = handles.get(i);
            List<Integer> model = models.get(i);
            Buffer buffer = buffers.get(i);
            String which = "handle " + i;
            assertEquals(model, handle, which);
            assertEquals(handle, model, which);
            assertTrue(HandlePool.sameReferences(model, handle), which + " holds the very same element references");
            assertEquals(model.hashCode(), handle.hashCode(), which);
            assertEquals(model.toString(), handle.toString(), which);
            assertEquals(buffer.isShared(), handle.isShared(), which + ": isShared() agrees with the copy history");
            if (buffer == Buffer.IMMORTAL) {
                assertSame(RefCount.IMMORTAL, handle.refCount(), which);
            } else {
                assertEquals(buffer.shares, handle.refCount().sharesVolatile(), which + ": share count");
            }
            for (int j = 0; j < i; j++) {
                boolean shareBuffer = buffers.get(j) == buffer;
                assertEquals(shareBuffer, handles.get(j).refCount() == handle.refCount(),
                        "handles " + j + " and " + i + " share a buffer exactly when the model says so");
            }
        }
    }

    @Override
    public String toString() {
        return "ListPool" + models;
    }
}

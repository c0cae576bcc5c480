package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
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
    private final boolean[] wasPaged = new boolean[HANDLES];
    private boolean crossedIntoPages;
    private boolean crossedOutOfPages;

    ListPool() {
        this(List.of(10, 20, 30, 40, 50, 60, 70, 80));
    }

    /** {@link #HANDLES} handles on one list of {@code initial}'s elements. */
    ListPool(List<Integer> initial) {
        CowList<Integer> first = new CowList<>(initial);
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
        boolean wasPaged = handles.get(slot).isPaged();
        List<Storage> others = storageOfEveryHandleBut(slot);
        Object expected = operation.apply(model);
        Object actual = operation.apply(handles.get(slot));
        assertEquals(expected, actual, "result of the call");
        others.forEach(Storage::assertUntouched);
        expectDetach(slot, !HandlePool.sameReferences(before, model), false, wasPaged != handles.get(slot).isPaged());
    }

    /** {@code clear()}, which moves a shared handle to the immortal empty buffer. */
    void clear(int slot) {
        boolean changed = !models.get(slot).isEmpty();
        boolean wasPaged = handles.get(slot).isPaged();
        List<Storage> others = storageOfEveryHandleBut(slot);
        models.get(slot).clear();
        handles.get(slot).clear();
        others.forEach(Storage::assertUntouched);
        expectDetach(slot, changed, true, wasPaged != handles.get(slot).isPaged());
    }

    /**
     * The arrays (pages, or the flat buffer) of a handle, with copies of what they held: a write
     * through another handle must leave every one of them the same array with the same
     * references, whether the handles share a buffer, a directory, some pages or nothing.
     */
    private record Storage(String which, CowList<Integer> handle, List<Object[]> arrays, List<Object[]> contents) {
        static Storage of(String which, CowList<Integer> handle) {
            List<Object[]> arrays = handle.storageForTesting();
            List<Object[]> contents = new ArrayList<>();
            for (Object[] array : arrays) {
                contents.add(array.clone());
            }
            return new Storage(which, handle, arrays, contents);
        }

        void assertUntouched() {
            List<Object[]> now = handle.storageForTesting();
            assertEquals(arrays.size(), now.size(), which + ": its number of pages");
            for (int p = 0; p < arrays.size(); p++) {
                assertSame(arrays.get(p), now.get(p), which + ": page " + p + " is the same array");
                assertTrue(Arrays.equals(contents.get(p), now.get(p), (x, y) -> x == y ? 0 : 1),
                        which + ": page " + p + " holds the same references");
            }
        }
    }

    private List<Storage> storageOfEveryHandleBut(int slot) {
        List<Storage> others = new ArrayList<>();
        for (int i = 0; i < HANDLES; i++) {
            if (i != slot && handles.get(i) != handles.get(slot)) {
                others.add(Storage.of("handle " + i + ", written through handle " + slot, handles.get(i)));
            }
        }
        return others;
    }

    private void expectDetach(int slot, boolean changed, boolean clearing, boolean layoutChanged) {
        Buffer buffer = buffers.get(slot);
        RefCount count = handles.get(slot).refCount();
        RefCount lastSeen = lastSeenCounts.get(slot);
        if (layoutChanged && !buffer.isShared()) {
            // A unique handle that crossed the paging threshold moved into private storage.
            assertNotSame(lastSeen, count, "a change of layout moves to new storage");
            assertEquals(1, count.sharesVolatile(), "a change of layout moves to private storage");
            buffers.set(slot, new Buffer(1));
        } else if (changed && buffer.isShared()) {
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

    /** Whether some handle went from the flat layout into pages, and some from pages back to flat. */
    boolean crossedThePagingThresholdBothWays() {
        return crossedIntoPages && crossedOutOfPages;
    }

    /** The invariant checked after every step. */
    void checkEveryHandle() {
        for (int i = 0; i < HANDLES; i++) {
            CowList<Integer> handle = handles.get(i);
            crossedIntoPages |= !wasPaged[i] && handle.isPaged();
            crossedOutOfPages |= wasPaged[i] && !handle.isPaged() && !handle.isEmpty();
            wasPaged[i] = handle.isPaged();
            List<Integer> model = models.get(i);
            Buffer buffer = buffers.get(i);
            String which = "handle " + i;
            assertEquals(model, handle, which);
            assertEquals(handle, model, which);
            assertTrue(HandlePool.sameReferences(model, handle), which + " holds the very same element references");
            assertEquals(model.hashCode(), handle.hashCode(), which);
            assertEquals(model.toString(), handle.toString(), which);
            if (handle.isPaged()) {
                // SPEC rule 7: a paged handle is shared while any of its pages may be.
                if (buffer.isShared()) {
                    assertTrue(handle.isShared(), which + ": a shared directory is shared");
                }
                if (!handle.isShared()) {
                    assertSharesNoArray(i);
                }
            } else {
                assertEquals(buffer.isShared(), handle.isShared(), which + ": isShared() agrees with the copy history");
            }
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

    /** A handle that says it is not shared holds no page (or buffer) that another handle holds. */
    private void assertSharesNoArray(int slot) {
        Set<Object[]> mine = Collections.newSetFromMap(new IdentityHashMap<>());
        mine.addAll(handles.get(slot).storageForTesting());
        for (int j = 0; j < HANDLES; j++) {
            if (j != slot && handles.get(j) != handles.get(slot)) {
                for (Object[] array : handles.get(j).storageForTesting()) {
                    assertFalse(mine.contains(array) && array.length > 0,
                            "handle " + slot + " says it is unshared but handle " + j + " holds one of its pages");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "ListPool" + models;
    }
}

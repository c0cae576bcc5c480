package dev.cowcollections;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The number of handles that share one buffer.
 *
 * <p>Every buffer of every collection in this package carries one {@code RefCount}. A handle that
 * copies itself {@linkplain #retain() retains} a share; a handle that stops using a buffer (it
 * detached for a write, or it was cleared) {@linkplain #release() releases} its share. A handle
 * may write into its buffer in place only after {@link #isUniqueAcquire()} has told it that it
 * holds the only share.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>Memory ordering. The count is a plain {@code int} field changed only through {@link #SHARES}.
 * A handle that detaches first reads the whole old buffer into its new one, then releases its
 * share with a release-ordered compare-and-set. A sibling that later reads the count with
 * acquire ordering and sees {@code 1} therefore also sees those reads finished: its in-place
 * writes happen after the detaching thread read the old contents, so the copy is never torn.
 * Retain and release are read-modify-write operations, so later releases continue the release
 * sequence of earlier ones and the argument holds for any number of handles.
 *
 * <p>Why {@code 1} is stable. Only a handle that holds a share can add one (by copying itself),
 * and a handle that released its share no longer points at the buffer. A handle that has seen a
 * count of {@code 1} is therefore the only holder until it copies itself, which is why handles
 * cache that knowledge and skip the acquire read on later writes.
 *
 * <p>Saturation. The count never wraps: once it reaches {@link #SATURATED} it stays there, retains
 * and releases leave it alone, and the buffer is shared for good, so every handle on it detaches
 * on its next write (the policy of Linux's {@code refcount_t}). Dropped handles never give their
 * share back, so a getter that returns {@code copy()} two billion times does reach the ceiling.
 *
 * <p>Immortal buffers. Static buffers such as the empty one use {@link #IMMORTAL}, which is
 * saturated from the start: it is never unique, so the first write through any handle on a
 * static buffer detaches from it, and no release can ever make it look unique.
 *
 * <p>A paged buffer is counted by its {@link PageDirectory}, which is a {@code RefCount}; the
 * methods are final, so that flat and paged handles run the same code.
 *
 * <p>Method names state their memory ordering: {@code Acquire} reads, release-ordered writes, and
 * volatile compare-and-set where ordering is not the point.
 */
class RefCount {

    /** The ceiling: a count that reaches it stays there. */
    static final int SATURATED = Integer.MAX_VALUE;

    /** The count of every static buffer: saturated, so it is never unique and never released. */
    static final RefCount IMMORTAL = new RefCount(SATURATED);

    private static final VarHandle SHARES;

    static {
        try {
            SHARES = MethodHandles.lookup().findVarHandle(RefCount.class, "shares", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Number of handles holding a share; accessed only through {@link #SHARES}. */
    @SuppressWarnings("unused")
    private int shares;

    /** A count of one: the buffer belongs to the handle that creates it. */
    RefCount() {
        this(1);
    }

    private RefCount(int shares) {
        // A plain write suffices: a new count reaches other threads only inside a handle, and
        // handing a handle to another thread requires safe publication.
        this.shares = shares;
    }

    /** Adds a share for a new handle, unless the count is saturated. */
    final void retain() {
        int current = (int) SHARES.getVolatile(this);
        while (current != SATURATED) {
            int witness = (int) SHARES.compareAndExchange(this, current, current + 1);
            if (witness == current) {
                CopyEvents.retained(current + 1);
                return;
            }
            current = witness;
        }
    }

    /**
     * Gives back the caller's share, with release ordering, unless the count is saturated. The
     * caller must hold a share and must have finished every read of the buffer.
     */
    final void release() {
        int current = (int) SHARES.getAcquire(this);
        while (current != SATURATED) {
            int witness = (int) SHARES.compareAndExchangeRelease(this, current, current - 1);
            if (witness == current) {
                return;
            }
            current = witness;
        }
    }

    /**
     * Whether the caller holds the only share, read with acquire ordering: when it answers
     * {@code true}, every read of the buffer by a handle that released its share has finished.
     */
    final boolean isUniqueAcquire() {
        return (int) SHARES.getAcquire(this) == 1;
    }

    /** The current count, for tests and diagnostics. */
    final int sharesVolatile() {
        return (int) SHARES.getVolatile(this);
    }

    /** Test hook: sets the count, so tests reach the ceiling without two billion copies. */
    final void setSharesVolatileForTesting(int shares) {
        SHARES.setVolatile(this, shares);
    }
}

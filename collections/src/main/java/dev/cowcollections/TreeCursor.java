package dev.cowcollections;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over a range of a {@link CowTreeMap}, ascending or descending, failing fast as
 * {@code TreeMap}'s iterators do: a key added or removed other than through the iterator throws
 * {@link ConcurrentModificationException}.
 *
 * <p>It walks the leaves with a {@link TreePath} and stops at the fence, the first entry beyond
 * the range, recognized by identity, as {@code TreeMap}'s sub-map iterators recognize theirs. A
 * write that changes no key may still copy the path it writes (when the map is shared), and
 * then the nodes under the iterator are no longer the map's: every step checks the map's root
 * and, when it changed, finds the next key again in the map's current tree, so values written
 * since show. {@link #remove()} removes by key and finds its place again the same way.
 *
 * @param <T> what each step returns: a key, a value or an entry
 */
abstract class TreeCursor<K, V, T> implements Iterator<T> {

    private final CowTreeMap<K, V> map;
    private final boolean descending;
    private final boolean fenced;
    private final Object fence;
    private TreePath next;
    private TreeNode rootSeen;
    private Object lastKey;
    private boolean canRemove;
    private int expectedModCount;

    /**
     * @param first the first entry to return, or {@code null} when the range is empty
     * @param fenced whether the range ends before the end of the map
     * @param fence the key of the first entry beyond the range, when {@code fenced}
     */
    TreeCursor(CowTreeMap<K, V> map, TreePath first, boolean descending, boolean fenced, Object fence) {
        this.map = map;
        this.descending = descending;
        this.fenced = fenced;
        this.fence = fence;
        this.next = first;
        this.rootSeen = map.root;
        this.expectedModCount = map.modCount;
    }

    /** The element for the entry at {@code path}. */
    abstract T element(TreePath path);

    @Override
    public final boolean hasNext() {
        return next != null && !(fenced && next.key() == fence);
    }

    @Override
    public final T next() {
        if (map.modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (map.root != rootSeen) {
            refind(next.key());
        }
        TreePath at = next;
        T element = element(at);
        lastKey = at.key();
        canRemove = true;
        if (!(descending ? at.previous() : at.next())) {
            next = null;
        }
        return element;
    }

    @Override
    public final void remove() {
        if (!canRemove) {
            throw new IllegalStateException();
        }
        if (map.modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        boolean more = next != null;
        Object nextKey = more ? next.key() : null;
        map.removeKey(lastKey);
        canRemove = false;
        expectedModCount = map.modCount;
        if (more) {
            refind(nextKey);
        } else {
            rootSeen = map.root;
        }
    }

    /** Positions the walk on {@code key}, which the map holds, in its current tree. */
    private void refind(Object key) {
        next = map.pathNear(key, true, !descending);
        rootSeen = map.root;
    }
}

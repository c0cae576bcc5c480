package dev.cowcollections;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An iterator over a range of a {@link CowTreeMap}, ascending or descending, failing fast as
 * {@code TreeMap}'s iterators do: a key added or removed other than through the iterator throws
 * {@link ConcurrentModificationException}. Unlike {@code TreeMap}'s, a change after the last
 * step also makes {@link #hasNext()} answer {@code true}, so that {@code next()} throws: at the
 * end of a leaf, whether another one follows is known only by climbing the path, and after a
 * change the path may describe nodes mended in place. {@link Keys}, {@link Values} and
 * {@link Entries} say what each step returns; each has its own {@code next()}, so that a loop
 * over one of them compiles to a scan of a leaf's arrays and the entries it hands out can be
 * scalar-replaced.
 *
 * <p>It reads the arrays of one leaf at a time, from {@link #index} up (or down) to
 * {@link #limit}: the end of the leaf, or the fence, the first entry beyond the range, when
 * that is in this leaf. A {@link TreePath} finds the next leaf when it runs out. A write that
 * changes no key may still copy the nodes on its path that the map does not own (when nodes
 * are shared), and then the nodes under the iterator may no longer be the map's: every step
 * checks the map's count of such copies ({@link BPlusTree#pathCopies}) and, when it moved,
 * finds the next key and the fence again in the map's current tree, so values written since
 * show; a step to the next leaf does the same rather than climb a path whose inner nodes a
 * write may have pointed at copies, where the fence's leaf is no longer the one it holds. The
 * root alone would not tell: a write under a root the map already owns copies only
 * the nodes below it. {@link #remove()} removes by key and finds its place again the same way.
 *
 * @param <T> what each step returns: a key, a value or an entry
 */
abstract class TreeCursor<K, V, T> implements Iterator<T> {

    /** {@link #lastKey} when there is nothing to remove (keys may be {@code null}). */
    private static final Object NO_KEY = new Object();

    final CowTreeMap<K, V> map;
    /** +1 ascending, -1 descending. */
    private final int step;
    private final boolean fenced;
    private final Object fenceKey;
    private TreeLeaf fenceLeaf;
    private int fenceIndex;
    /** Walks from leaf to leaf; its own index is not kept up to date within a leaf. */
    private TreePath path;
    /** Whether {@link #path} is on the next entry already, its leaf not read yet. */
    private boolean pathAhead;
    Object[] keys;
    Object[] values;
    private int index;
    private int limit;
    /** The map's {@link BPlusTree#pathCopies} when the walk last found its place. */
    private int copiesSeen;
    private Object lastKey = NO_KEY;
    private int expectedModCount;

    /**
     * The constructor only records where to start; the first {@link #hasNext()} reads the
     * leaf. C2 inlines a call made once per walk only when it is tiny, and a constructor that
     * calls a method of the cursor it does not inline lets the cursor escape: it is then
     * allocated, and every step reads and writes its fields in memory. For the same reason it
     * takes the fence as a leaf and an index: C2 does not inline a constructor whose signature
     * names a class not loaded yet, and {@link TreePosition} may not be when nothing has made
     * one (seen in {@code TreeReadBenchmark}: "unloaded signature classes").
     *
     * @param first the first entry to return, or {@code null} when the range is empty
     * @param fenceLeaf the leaf of the first entry beyond the range in the walk's direction, or
     *     {@code null} when the range runs to the end of the map
     * @param fenceIndex that entry's index in {@code fenceLeaf}
     */
    TreeCursor(CowTreeMap<K, V> map, TreePath first, boolean descending, TreeLeaf fenceLeaf, int fenceIndex) {
        this.map = map;
        this.step = descending ? -1 : 1;
        this.fenced = fenceLeaf != null;
        this.fenceKey = fenced ? fenceLeaf.keys[fenceIndex] : null;
        this.fenceLeaf = fenceLeaf;
        this.fenceIndex = fenceIndex;
        this.copiesSeen = map.pathCopies;
        this.expectedModCount = map.modCount;
        this.path = first;
        this.pathAhead = true;
    }

    @Override
    public final boolean hasNext() {
        return index != limit || enterNextLeaf();
    }

    /**
     * The index in {@link #keys} and {@link #values} of the entry the step returns, after the
     * fail-fast checks and, if a write copied nodes since, finding the place again.
     */
    final int nextIndex() {
        if (map.modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        if (index == limit && !enterNextLeaf()) {
            throw new NoSuchElementException();
        }
        if (map.pathCopies != copiesSeen) {
            refind(keys[index], true);
        }
        return index;
    }

    /**
     * Records that the entry at {@code i} was returned and moves past it. Stepping to the next
     * leaf is left to {@link #hasNext()}: a {@code next()} that also climbed the path compiles,
     * on its own, to more than C2 inlines into a caller's loop ("already compiled into a big
     * method"), and a {@link TreeEntry} returned by a call that is not inlined is allocated.
     */
    final void passed(int i) {
        lastKey = keys[i];
        index = i + step;
    }

    /**
     * At the end of a leaf, moves to the next leaf in the walk's direction unless this one ends
     * the range (or reads the leaf {@link #path} is on, when it is {@link #pathAhead}); returns
     * whether there is an entry to return. It reads the leaf itself rather than through a
     * method: a call this rare is not inlined unless tiny, and a call on the cursor that is not
     * inlined makes it escape.
     */
    private boolean enterNextLeaf() {
        if (map.modCount != expectedModCount) {
            return true; // the tree changed under the path: let next() throw
        }
        TreePath p = path;
        if (p == null) {
            return false;
        }
        if (pathAhead) {
            pathAhead = false;
        } else if (p.leaf == fenceLeaf) {
            return false;
        } else if (map.pathCopies != copiesSeen) {
            // A write since may have pointed the path's inner nodes, written in place, at copies:
            // stepping through them would reach a copy of the fence's leaf, not the fence.
            refind(keys[index - step], false);
            return index != limit;
        } else if (!p.nextLeaf(step)) {
            return false;
        }
        TreeLeaf leaf = p.leaf;
        keys = leaf.keys;
        values = leaf.values;
        index = p.index;
        limit = leaf == fenceLeaf ? fenceIndex : step > 0 ? leaf.size : -1;
        return index != limit;
    }

    @Override
    public final void remove() {
        if (lastKey == NO_KEY) {
            throw new IllegalStateException();
        }
        if (map.modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        boolean more = hasNext();
        Object nextKey = more ? keys[index] : null;
        map.removeKey(lastKey);
        lastKey = NO_KEY;
        expectedModCount = map.modCount;
        if (more) {
            refind(nextKey, true);
        } else {
            // The removal may have mended the tree in place, and the path would then step from
            // nodes it no longer describes to a leaf already walked.
            path = null;
            copiesSeen = map.pathCopies;
        }
    }

    /**
     * Positions the walk on {@code key} ({@code inclusive}) or on the entry after it in the
     * walk's direction, and the fence, which the map holds, in its current tree.
     */
    private void refind(Object key, boolean inclusive) {
        copiesSeen = map.pathCopies;
        if (fenced) {
            TreePosition fence = map.exactPosition(fenceKey);
            fenceLeaf = fence.leaf;
            fenceIndex = fence.index;
        }
        path = map.pathNear(key, inclusive, step > 0);
        pathAhead = true;
        enterNextLeaf();
    }

    /** The keys of a range. */
    static final class Keys<K, V> extends TreeCursor<K, V, K> {
        Keys(CowTreeMap<K, V> map, TreePath first, boolean descending, TreeLeaf fenceLeaf, int fenceIndex) {
            super(map, first, descending, fenceLeaf, fenceIndex);
        }

        @SuppressWarnings("unchecked")
        @Override
        public K next() {
            int i = nextIndex();
            K key = (K) keys[i];
            passed(i);
            return key;
        }
    }

    /** The values of a range, in the order of their keys. */
    static final class Values<K, V> extends TreeCursor<K, V, V> {
        Values(CowTreeMap<K, V> map, TreePath first, boolean descending, TreeLeaf fenceLeaf, int fenceIndex) {
            super(map, first, descending, fenceLeaf, fenceIndex);
        }

        @SuppressWarnings("unchecked")
        @Override
        public V next() {
            int i = nextIndex();
            V value = (V) values[i];
            passed(i);
            return value;
        }
    }

    /** The mappings of a range, as {@link TreeEntry} objects that write through. */
    static final class Entries<K, V> extends TreeCursor<K, V, Map.Entry<K, V>> {
        Entries(CowTreeMap<K, V> map, TreePath first, boolean descending, TreeLeaf fenceLeaf, int fenceIndex) {
            super(map, first, descending, fenceLeaf, fenceIndex);
        }

        @SuppressWarnings("unchecked")
        @Override
        public Map.Entry<K, V> next() {
            int i = nextIndex();
            Map.Entry<K, V> entry = new TreeEntry<>(map, (K) keys[i], (V) values[i]);
            passed(i);
            return entry;
        }
    }
}

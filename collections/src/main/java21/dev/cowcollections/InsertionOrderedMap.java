package dev.cowcollections;

import java.util.AbstractMap;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SequencedMap;

/**
 * The Java 21 variant of {@link CowMap}'s superclass: makes {@code CowMap} a
 * {@link SequencedMap} with the semantics {@code LinkedHashMap} gives it.
 *
 * <p>Costs. {@code firstEntry} and {@code pollFirstEntry} run in constant time (amortized, as
 * iteration skips the tombstones at the front once). {@code lastEntry} and
 * {@code pollLastEntry} run in constant time plus the number of removed entries at the end of
 * the table that are still tombstones. A removal gives such a run back only while the live
 * entries and the {@code DELETED} index slots the removals left fit below it, so draining a map
 * of n entries from its end with {@code pollLastEntry} may still cost O(n<sup>2</sup>) in all,
 * where {@code LinkedHashMap} pays O(n). {@code putLast} runs in expected constant
 * time (a present key is removed and appended). {@code putFirst} of a key that is not already
 * first runs in O(n): the table keeps its entries in one dense array in insertion order, so
 * putting an entry in front rebuilds the table with that entry first, as
 * {@code ArrayList.add(0, e)} shifts its array. {@code reversed()} is O(1) and returns a live
 * view; its iterators run backwards over the same table.
 *
 * <p>Sharing. Every sequenced write is a write of the handle: it detaches a shared handle first,
 * and one that changes nothing (a {@code putFirst} of the first key with the value already
 * there, a {@code poll} of an empty map) never detaches. Writes through {@code reversed()} and
 * its views detach the handle the view belongs to.
 */
abstract class InsertionOrderedMap<K, V> extends CompactHashTable implements SequencedMap<K, V> {

    InsertionOrderedMap() {
    }

    InsertionOrderedMap(int capacity) {
        super(capacity);
    }

    // Query Operations

    /** {@inheritDoc} The entry is a snapshot; it does not write through. Constant time. */
    @Override
    public Map.Entry<K, V> firstEntry() {
        return size == 0 ? null : snapshotAt(firstLive());
    }

    /** {@inheritDoc} The entry is a snapshot; it does not write through. */
    @Override
    public Map.Entry<K, V> lastEntry() {
        return size == 0 ? null : snapshotAt(lastLive());
    }

    // Modification Operations

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        if (size == 0) {
            return null;
        }
        int p = firstLive();
        Map.Entry<K, V> first = snapshotAt(p);
        removeAt(p);
        return first;
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        if (size == 0) {
            return null;
        }
        int p = lastLive();
        Map.Entry<K, V> last = snapshotAt(p);
        removeAt(p);
        return last;
    }

    /**
     * {@inheritDoc} A present key moves to the front, and its value is replaced. Runs in O(n)
     * unless the key is already first: the table is rebuilt with this entry in front.
     */
    @Override
    public V putFirst(K key, V value) {
        int p = find(key);
        if (p >= 0 && p == firstLive()) {
            return put(key, value);
        }
        CowMap<K, V> reordered = new CowMap<>(p >= 0 ? size : size + 1);
        reordered.put(key, value);
        V old = null;
        for (int q = firstLive(); q < used << 1; q = nextLive(q + 2)) {
            if (q == p) {
                old = entryValue(q);
            } else {
                reordered.put(entryKey(q), entryValue(q));
            }
        }
        // Every read of the old buffer is done: give its share back, then hold the new one.
        if (!isUnique()) {
            refCount.release();
        }
        takeBufferOf(reordered);
        modCount++;
        return old;
    }

    /**
     * {@inheritDoc} A present key moves to the end, and its value is replaced. Expected
     * constant time.
     */
    @Override
    public V putLast(K key, V value) {
        int p = find(key);
        if (p < 0 || p == lastLive()) {
            return put(key, value);
        }
        V old = entryValue(p);
        removeAt(p);
        put(key, value);
        return old;
    }

    // Views

    /**
     * {@inheritDoc} The view is live and costs O(1): reads see this map, writes through it (and
     * through its key, value and entry views and their iterators) write this map, detaching it if
     * it is shared. {@code put} of a new key through the view adds it at this map's end, which is
     * the view's front, as {@code LinkedHashMap}'s reversed view does.
     */
    @Override
    public SequencedMap<K, V> reversed() {
        return new ReversedMapView<>(self());
    }

    // Support for ReversedMapView

    @SuppressWarnings("unchecked")
    private CowMap<K, V> self() {
        return (CowMap<K, V>) this;
    }

    @SuppressWarnings("unchecked")
    final K entryKey(int p) {
        return (K) rawKey(p);
    }

    @SuppressWarnings("unchecked")
    final V entryValue(int p) {
        return (V) rawValue(p);
    }

    private Map.Entry<K, V> snapshotAt(int p) {
        return new AbstractMap.SimpleImmutableEntry<>(entryKey(p), entryValue(p));
    }

    /** The position of the last live entry; the map must not be empty. */
    final int lastLive() {
        return previousLive((used - 1) << 1);
    }

    /** The position of the last live entry at or before position {@code p}, or a negative number. */
    final int previousLive(int p) {
        while (p >= 0 && rawKey(p) == REMOVED) {
            p -= 2;
        }
        return p;
    }

    /**
     * Iterates the live entries from the last to the first, failing fast as {@link Cursor}
     * does; {@code remove} removes through the handle, which keeps positions.
     */
    abstract class DescendingCursor<T> implements Iterator<T> {
        private int next = size == 0 ? -2 : lastLive();
        private int lastReturned = -1;
        private int expectedModCount = modCount;

        /** The element for the entry at position {@code p} of {@code entries}. */
        abstract T element(int p);

        @Override
        public final boolean hasNext() {
            return next >= 0;
        }

        @Override
        public final T next() {
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            int p = next;
            if (p < 0) {
                throw new NoSuchElementException();
            }
            lastReturned = p;
            next = previousLive(p - 2);
            return element(p);
        }

        @Override
        public final void remove() {
            if (lastReturned < 0) {
                throw new IllegalStateException();
            }
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
            removeAt(lastReturned);
            lastReturned = -1;
            expectedModCount = modCount;
        }
    }
}

package dev.cowcollections;

import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OptionalDataException;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.lang.reflect.Array;
import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Collector;

/**
 * A hash map whose copies cost O(1), iterating in insertion order: an implicitly shared,
 * copy-on-write replacement for {@link java.util.HashMap} and {@link java.util.LinkedHashMap},
 * and for the defensive copy {@code new HashMap<>(map)}.
 *
 * <p>{@link #copy()} returns a new handle on the same buffer and only counts the share. Each
 * handle behaves as an independent value: the first write through a handle whose buffer is
 * shared <em>detaches</em> it, copying the buffer into a private one, and the other handles see
 * nothing. A write through a handle that holds the only share happens in place, as in
 * {@code HashMap}. A call that leaves the contents unchanged (removing an absent key,
 * {@code putIfAbsent} or {@code computeIfAbsent} on a present key, putting the value already
 * there, a view's {@code removeIf} that matches nothing) never detaches. {@link #clear()} on a
 * shared handle gives its share back in O(1).
 *
 * <p>Iteration order is insertion order, as in {@code LinkedHashMap}: putting a key that is
 * already present keeps its place, and a key that is removed and put again goes to the end.
 *
 * <p>Costs: {@code get}, {@code containsKey}, {@code put} and {@code remove} run in expected
 * constant time (amortized for {@code put}), given hash codes that spread; keys whose hash codes
 * all collide cost O(log n) each when they are {@code Comparable}, as in {@code HashMap}.
 * {@code copy}, {@code clone}, {@code isShared}, the sharing constructor and
 * {@link #copyOf(Map)} of another {@code CowMap} run in constant time, whatever the size. The
 * first write after a copy costs one copy of the buffer: two {@code System.arraycopy} calls of
 * O(n), with no allocation per entry, where {@code new HashMap<>(map)} allocates a node per
 * entry. Iteration runs in time proportional to the number of entries ever added since the
 * last rebuild, which removal leaves in place as tombstones until the next growth, except
 * that a run of them at the end is given back when the index has room.
 *
 * <p>Large maps. A map whose table needs room for more than 4 096 entries keeps its entries in
 * pages of 256 entries and its index in pages of 512 slots, under two directories that share
 * one count. Its {@code copy()} is still O(1); the first write after a copy copies the two
 * directories, about n / 256 references for the entries and n / 320 to n / 160 for the index,
 * and the pages it writes, each once: a put of
 * a new key copies the last entry page and one index page, a removal the entry's page and one
 * index page, a replaced value its entry's page alone. The writes after it are in place. A
 * lookup reads a directory before each page it touches. Keys whose hash codes collide in groups
 * of more than eight keep their search trees in two {@code int} arrays that the first write after
 * a copy copies whole. A growth rebuilds everything, as for a small map. The layout never shows
 * in results, {@code equals}, iteration order or the serialized form.
 *
 * <p>Copies are shallow, like {@code new HashMap<>(map)}: keys and values are shared references.
 * A mutable value, such as a {@code CowList}, is changed for every map that holds it:
 * {@code map.copy().get(k).add(x)} changes the list that both maps hold. Copy the value before
 * changing it to keep the maps independent:
 * {@code map.compute(k, (key, list) -> { CowList<V> mine = list.copy(); mine.add(x); return mine; })}.
 *
 * <p>Thread safety. One handle is not thread-safe: use it from one thread at a time or
 * synchronize externally, as with {@code HashMap}. Handles that share a buffer, though, may be
 * read and written at the same time from different threads with no synchronization at all: each
 * sees only its own writes. Memory consistency effects: actions in a thread before it calls
 * {@code copy()} happen-before actions on the copy in another thread, provided the copy reaches
 * that thread through a safe publication (a concurrent queue, a volatile or final field,
 * {@code Thread.start}). {@code copy()} counts as a read: any number of threads may copy a handle
 * that no thread writes. It does mark the handle as shared, so a thread that writes the handle
 * after other threads copied it must first synchronize with them (join them, or take their
 * copies back through a safe publication), as for any later use of one handle across threads.
 * No method takes a lock.
 *
 * <p>The iterators of the {@link #keySet()}, {@link #values()} and {@link #entrySet()} views are
 * <i>fail-fast</i> as {@code HashMap}'s are: a structural change (a key added or removed) made
 * other than through the iterator itself throws {@link ConcurrentModificationException} on a
 * best-effort basis. Copying the map, or writes through other handles, never disturb an
 * iterator. The {@code compute}, {@code computeIfAbsent} and {@code merge} methods throw
 * {@code ConcurrentModificationException} when their function changes the map structurally.
 *
 * <p>On Java 21 and later the class is a {@code java.util.SequencedMap} (the jar is
 * multi-release): {@code putFirst}, {@code putLast}, {@code firstEntry}, {@code lastEntry},
 * {@code pollFirstEntry}, {@code pollLastEntry} and the live view {@code reversed()} behave as
 * {@code LinkedHashMap}'s, and a write through them detaches a shared handle like any other.
 * {@code putFirst} of a key that is not already first costs O(n): it rebuilds the table with that
 * entry in front. {@code lastEntry} and {@code pollLastEntry} skip the entries removed from the
 * end that are still tombstones.
 *
 * <p>This class permits {@code null} keys and {@code null} values. It is final so that no
 * subclass can break the sharing invariants.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class CowMap<K, V> extends InsertionOrderedMap<K, V> implements Map<K, V>, Cloneable, Serializable {

    private static final long serialVersionUID = 1L;

    /** An empty map. It allocates nothing until its first write. */
    public CowMap() {
    }

    /**
     * An empty map with room for {@code expectedSize} entries before its first rebuild. Unlike
     * {@code HashMap}'s, this constructor allocates that room at once.
     *
     * @throws IllegalArgumentException if {@code expectedSize} is negative
     * @throws OutOfMemoryError if {@code expectedSize} exceeds 671 088 640 (5 &times; 2<sup>27</sup>)
     *         or the room does not fit in the heap
     */
    public CowMap(int expectedSize) {
        super(expectedSize);
    }

    /**
     * A map of the mappings of {@code source}, in its iteration order. When {@code source} is a
     * {@code CowMap}, the new map shares its buffer in O(1) instead of copying it.
     *
     * @throws NullPointerException if {@code source} is null
     */
    public CowMap(Map<? extends K, ? extends V> source) {
        if (source instanceof CowMap) {
            shareWith((CowMap<?, ?>) source);
        } else {
            putAll(source);
        }
    }

    /** Returns an empty map. */
    public static <K, V> CowMap<K, V> of() {
        return new CowMap<>();
    }

    /** Returns a map of one mapping; {@code null} keys and values are allowed. */
    public static <K, V> CowMap<K, V> of(K k1, V v1) {
        return ofPairs(k1, v1);
    }

    /**
     * Returns a map of two mappings, in order.
     *
     * @throws IllegalArgumentException if a key is given twice, as {@link Map#of} throws
     */
    public static <K, V> CowMap<K, V> of(K k1, V v1, K k2, V v2) {
        return ofPairs(k1, v1, k2, v2);
    }

    /**
     * Returns a map of three mappings, in order.
     *
     * @throws IllegalArgumentException if a key is given twice
     */
    public static <K, V> CowMap<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3) {
        return ofPairs(k1, v1, k2, v2, k3, v3);
    }

    /**
     * Returns a map of four mappings, in order.
     *
     * @throws IllegalArgumentException if a key is given twice
     */
    public static <K, V> CowMap<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4) {
        return ofPairs(k1, v1, k2, v2, k3, v3, k4, v4);
    }

    /**
     * Returns a map of five mappings, in order.
     *
     * @throws IllegalArgumentException if a key is given twice
     */
    public static <K, V> CowMap<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5) {
        return ofPairs(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5);
    }

    /**
     * Returns a map of the given entries, in order; {@code null} keys and values are allowed.
     *
     * @throws IllegalArgumentException if a key is given twice
     * @throws NullPointerException if the array or an entry is null
     */
    @SafeVarargs
    public static <K, V> CowMap<K, V> ofEntries(Map.Entry<? extends K, ? extends V>... entries) {
        Object[] pairs = new Object[entries.length * 2];
        for (int i = 0; i < entries.length; i++) {
            pairs[2 * i] = entries[i].getKey();
            pairs[2 * i + 1] = entries[i].getValue();
        }
        return ofPairs(pairs);
    }

    private static <K, V> CowMap<K, V> ofPairs(Object... pairs) {
        CowMap<K, V> map = new CowMap<>(pairs.length / 2);
        for (int i = 0; i < pairs.length; i += 2) {
            Object key = pairs[i];
            int h = hash(key);
            int r = map.probe(key, h);
            if (r >= 0) {
                throw new IllegalArgumentException("duplicate key: " + key);
            }
            map.insertAbsent(r, key, h, pairs[i + 1]);
        }
        return map;
    }

    /**
     * Returns a map of the mappings of {@code source}. A {@code CowMap} is shared in O(1) (the
     * result is {@code source.copy()}); any other map is copied.
     *
     * @throws NullPointerException if {@code source} is null
     */
    @SuppressWarnings("unchecked")
    public static <K, V> CowMap<K, V> copyOf(Map<? extends K, ? extends V> source) {
        if (source instanceof CowMap) {
            return ((CowMap<K, V>) source).copy();
        }
        return new CowMap<>(source);
    }

    /**
     * Returns a {@link Collector} that collects a stream into a new {@code CowMap} whose keys
     * and values are the results of the two functions, in the encounter order of the keys.
     * Unlike {@code Collectors.toMap}, {@code null} keys and values are allowed, as the map
     * allows them.
     *
     * <p>A key produced twice throws {@link IllegalStateException} when the stream is collected,
     * worded as {@code Collectors.toMap} words it; use
     * {@link #toCowMap(Function, Function, BinaryOperator)} to merge instead.
     *
     * @throws NullPointerException if a function is null
     */
    public static <T, K, V> Collector<T, ?, CowMap<K, V>> toCowMap(
            Function<? super T, ? extends K> keyFunction, Function<? super T, ? extends V> valueFunction) {
        return CowCollectors.toCowMap(keyFunction, valueFunction);
    }

    /**
     * Returns a {@link Collector} like {@link #toCowMap(Function, Function)} that merges the
     * values of a key produced more than once with {@code mergeFunction} (the earlier value
     * first), keeping the key at its first place. The merged value, {@code null} included, is
     * stored: unlike {@code Map.merge}, a {@code null} result does not remove the key.
     *
     * @throws NullPointerException if a function is null
     */
    public static <T, K, V> Collector<T, ?, CowMap<K, V>> toCowMap(
            Function<? super T, ? extends K> keyFunction, Function<? super T, ? extends V> valueFunction,
            BinaryOperator<V> mergeFunction) {
        return CowCollectors.toCowMap(keyFunction, valueFunction, mergeFunction);
    }

    // Sharing

    /**
     * Returns a new handle on this map's buffer, in O(1) whatever the size. The two handles are
     * independent values from now on: the first write through either one detaches it.
     */
    public CowMap<K, V> copy() {
        CowMap<K, V> copy = new CowMap<>();
        copy.shareWith(this);
        return copy;
    }

    /** Returns {@link #copy()}: a new handle on the same buffer, in O(1). */
    @Override
    public CowMap<K, V> clone() {
        return copy();
    }

    /**
     * Whether this handle's buffer is shared with another handle, so that the next write through
     * it will copy. Empty maps that never held an entry share one static buffer, so they answer
     * {@code true}. For tests and diagnostics.
     */
    public boolean isShared() {
        return isSharedBuffer();
    }

    /** The count of this handle's buffer, for tests in this package. */
    RefCount refCount() {
        return refCount;
    }

    /**
     * Test hook: a private map of {@code source}'s mappings on the paged layout whatever its
     * size, in entry pages of {@code 1 << entryPageShift} references and index pages of
     * {@code 1 << indexPageShift} slots.
     */
    static <K, V> CowMap<K, V> pagedForTesting(Map<? extends K, ? extends V> source, int entryPageShift, int indexPageShift) {
        CowMap<K, V> map = new CowMap<>();
        map.putAll(source);
        map.pageForTesting(entryPageShift, indexPageShift);
        return map;
    }

    // Query Operations

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public V get(Object key) {
        int r = find(key);
        return r >= 0 ? valueAt(r) : null;
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        int r = find(key);
        return r >= 0 ? valueAt(r) : defaultValue;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    /** Whether some key maps to {@code value}; a linear scan, as in {@code HashMap}. */
    @Override
    public boolean containsValue(Object value) {
        return containsValueSlot(value);
    }

    @SuppressWarnings("unchecked")
    private V valueAt(int p) {
        return (V) rawValue(p);
    }

    @SuppressWarnings("unchecked")
    private K keyAt(int p) {
        return (K) rawKey(p);
    }

    // Modification Operations

    /**
     * Maps {@code key} to {@code value}. A new key goes to the end of the iteration order; a
     * present key keeps its place. Putting the value already there (the same reference) changes
     * nothing and never detaches.
     *
     * @throws OutOfMemoryError if the map would exceed 671 088 640 (5 &times; 2<sup>27</sup>) entries
     */
    @Override
    public V put(K key, V value) {
        int h = hash(key);
        int r = probe(key, h);
        if (r >= 0) {
            V old = valueAt(r);
            setValueAt(r, value);
            return old;
        }
        insertAbsent(r, key, h, value);
        return null;
    }

    /**
     * Copies every mapping of {@code m} into this map. When this map is empty and {@code m} is a
     * {@code CowMap}, it shares {@code m}'s buffer in O(1) instead.
     *
     * @throws NullPointerException if {@code m} is null
     */
    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        int count = m.size();
        if (count == 0) {
            return;
        }
        if (size == 0 && m instanceof CowMap && m != this) {
            RefCount oldCount = refCount;
            shareWith((CowMap<?, ?>) m);
            modCount++;
            oldCount.release();
            return;
        }
        boolean flatBuild = startFlatBuild(count);
        if (!flatBuild && (size == 0 || isUnique())) {
            // Something will be written, or nothing needs detaching: room for all in one rebuild.
            makeRoomFor(count);
        }
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
        if (flatBuild) {
            pageFlatBuild();
        }
    }

    /** Removes the mapping of {@code key}; an absent key changes nothing and never detaches. */
    @Override
    public V remove(Object key) {
        int r = probe(key, hash(key));
        if (r < 0) {
            return null;
        }
        V old = valueAt(r);
        removeAt(r);
        return old;
    }

    @Override
    public boolean remove(Object key, Object value) {
        int r = probe(key, hash(key));
        if (r >= 0 && Objects.equals(rawValue(r), value)) {
            removeAt(r);
            return true;
        }
        return false;
    }

    /**
     * Removes every mapping. On a shared handle this gives the share back and points the handle
     * at the static empty buffer, in O(1); on an unshared one it clears the buffer in place and
     * keeps its capacity.
     */
    @Override
    public void clear() {
        if (size != 0) {
            modCount++;
            clearTable();
        }
    }

    // Default-method overrides, with HashMap's semantics

    /** Maps an absent key, or one mapped to {@code null}; a key with a value changes nothing. */
    @Override
    public V putIfAbsent(K key, V value) {
        int h = hash(key);
        int r = probe(key, h);
        if (r >= 0) {
            V old = valueAt(r);
            if (old == null) {
                setValueAt(r, value);
            }
            return old;
        }
        insertAbsent(r, key, h, value);
        return null;
    }

    @Override
    public V replace(K key, V value) {
        int r = probe(key, hash(key));
        if (r < 0) {
            return null;
        }
        V old = valueAt(r);
        setValueAt(r, value);
        return old;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        int r = probe(key, hash(key));
        if (r >= 0 && Objects.equals(rawValue(r), oldValue)) {
            setValueAt(r, newValue);
            return true;
        }
        return false;
    }

    /**
     * Computes a value for an absent key, or one mapped to {@code null}. A present key with a
     * value returns it without calling the function and never detaches.
     *
     * @throws ConcurrentModificationException if the function changed this map structurally
     */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        Objects.requireNonNull(mappingFunction);
        int h = hash(key);
        int r = probe(key, h);
        if (r >= 0) {
            V old = valueAt(r);
            if (old != null) {
                return old;
            }
        }
        int expectedModCount = modCount;
        V value = mappingFunction.apply(key);
        checkForComodification(expectedModCount);
        if (value != null) {
            store(r, key, h, value);
        }
        return value;
    }

    /** @throws ConcurrentModificationException if the function changed this map structurally */
    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction);
        int h = hash(key);
        int r = probe(key, h);
        if (r < 0) {
            return null;
        }
        V old = valueAt(r);
        if (old == null) {
            return null;
        }
        int expectedModCount = modCount;
        V value = remappingFunction.apply(key, old);
        checkForComodification(expectedModCount);
        storeOrRemove(r, key, h, value);
        return value;
    }

    /** @throws ConcurrentModificationException if the function changed this map structurally */
    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction);
        int h = hash(key);
        int r = probe(key, h);
        V old = r >= 0 ? valueAt(r) : null;
        int expectedModCount = modCount;
        V value = remappingFunction.apply(key, old);
        checkForComodification(expectedModCount);
        storeOrRemove(r, key, h, value);
        return value;
    }

    /**
     * @throws NullPointerException if {@code value} or the function is null
     * @throws ConcurrentModificationException if the function changed this map structurally
     */
    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(value);
        Objects.requireNonNull(remappingFunction);
        int h = hash(key);
        int r = probe(key, h);
        V old = r >= 0 ? valueAt(r) : null;
        if (old == null) {
            store(r, key, h, value);
            return value;
        }
        int expectedModCount = modCount;
        V merged = remappingFunction.apply(old, value);
        checkForComodification(expectedModCount);
        storeOrRemove(r, key, h, merged);
        return merged;
    }

    /**
     * Stores {@code value} for {@code key} after a callback, given {@code r}, the probe made
     * before it: the callback may have copied the map, which the write then detaches, but it
     * made no structural change, so {@code r} is still right.
     */
    private void store(int r, K key, int h, V value) {
        if (r >= 0) {
            setValueAt(r, value);
        } else {
            insertAbsent(r, key, h, value);
        }
    }

    private void storeOrRemove(int r, K key, int h, V value) {
        if (value != null) {
            store(r, key, h, value);
        } else if (r >= 0) {
            removeAt(r);
        }
    }

    /**
     * Replaces each value with the function's result. Results that are the same reference as the
     * value change nothing, so a function that changes nothing never detaches.
     *
     * @throws ConcurrentModificationException if the function changed this map structurally
     */
    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        Objects.requireNonNull(function);
        int expectedModCount = modCount;
        for (int p = firstLive(); p < used << 1; p = nextLive(p + 2)) {
            V value = function.apply(keyAt(p), valueAt(p));
            checkForComodification(expectedModCount);
            setValueAt(p, value);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        int expectedModCount = modCount;
        for (int p = firstLive(), end = used << 1; p < end; ) {
            Object[] run = runHolding(p);
            int start = runStart(p);
            int moves = runMoves;
            for (int stop = Math.min(end, start + run.length); p < stop; ) {
                Object key = run[p - start];
                Object value = run[p + 1 - start];
                p += 2;
                if (key != REMOVED) {
                    action.accept((K) key, (V) value);
                    checkForComodification(expectedModCount);
                    if (runMoves != moves) {
                        break;
                    }
                }
            }
        }
    }

    /**
     * Removes the entries that {@code filter} accepts, in iteration order. The removals made
     * before a filter throws stay made, as in {@code HashMap}; matching nothing never detaches.
     */
    private boolean removeEntriesIf(IntPredicate filterAtPosition) {
        int expectedModCount = modCount;
        boolean removed = false;
        for (int p = firstLive(); p < used << 1; p = nextLive(p + 2)) {
            boolean match = filterAtPosition.test(p);
            checkForComodification(expectedModCount);
            if (match) {
                removeAt(p);
                expectedModCount = modCount;
                removed = true;
            }
        }
        return removed;
    }

    // Comparison and hashing

    /**
     * Compares with any {@link Map}, as {@code Map.equals} specifies. Two handles on one buffer
     * are equal in O(1).
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Map)) {
            return false;
        }
        Map<?, ?> other = (Map<?, ?>) o;
        if (other.size() != size) {
            return false;
        }
        if (other instanceof CowMap && sameBufferAs((CowMap<?, ?>) other)) {
            return true;
        }
        try {
            for (int p = firstLive(); p < used << 1; p = nextLive(p + 2)) {
                Object key = rawKey(p);
                Object value = rawValue(p);
                if (value == null) {
                    if (other.get(key) != null || !other.containsKey(key)) {
                        return false;
                    }
                } else if (!value.equals(other.get(key))) {
                    return false;
                }
            }
        } catch (ClassCastException | NullPointerException unused) {
            return false;
        }
        return true;
    }

    /** The sum of {@code hashCode(key) ^ hashCode(value)} over the entries, as {@code Map.hashCode} specifies. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int p = firstLive(), end = used << 1; p < end; ) {
            Object[] run = runHolding(p);
            int start = runStart(p);
            for (int stop = Math.min(end, start + run.length); p < stop; p += 2) {
                Object key = run[p - start];
                if (key != REMOVED) {
                    h += Objects.hashCode(key) ^ Objects.hashCode(run[p + 1 - start]);
                }
            }
        }
        return h;
    }

    /** {@code {k1=v1, k2=v2}} in iteration order, as {@code AbstractMap} prints it. */
    @Override
    public String toString() {
        if (size == 0) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder().append('{');
        for (int p = firstLive(); p < used << 1; ) {
            Object key = rawKey(p);
            Object value = rawValue(p);
            sb.append(key == this ? "(this Map)" : key).append('=').append(value == this ? "(this Map)" : value);
            p = nextLive(p + 2);
            if (p < used << 1) {
                sb.append(", ");
            }
        }
        return sb.append('}').toString();
    }

    // Views
    //
    // Views are not cached: a handle is what copy() allocates, so it holds nothing but the buffer
    // and its counts, and a view is a single reference that escape analysis usually removes.

    /**
     * A live view of the keys, in insertion order. Removing through it, its iterator,
     * {@code removeIf}, {@code removeAll} or {@code retainAll} removes mappings from this map,
     * detaching it when shared; it does not support adding.
     */
    @Override
    public Set<K> keySet() {
        return new KeySet();
    }

    /**
     * A live view of the values, in insertion order. Removing through it removes mappings from
     * this map, detaching it when shared; it does not support adding.
     */
    @Override
    public Collection<V> values() {
        return new Values();
    }

    /**
     * A live view of the mappings, in insertion order. Removing through it removes mappings, and
     * {@link Map.Entry#setValue} on its entries writes through, detaching this map when shared;
     * it does not support adding.
     */
    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new EntrySet();
    }

    /** Adds {@code key} with a {@code null} value if absent; for {@link CowSet}. Returns whether it was added. */
    boolean addKey(K key) {
        int h = hash(key);
        int r = probe(key, h);
        if (r >= 0) {
            return false;
        }
        insertAbsent(r, key, h, null);
        return true;
    }

    /** Removes {@code key} if present; for {@link CowSet} and the key view. Returns whether it was present. */
    boolean removeKey(Object key) {
        int r = probe(key, hash(key));
        if (r < 0) {
            return false;
        }
        removeAt(r);
        return true;
    }

    /** Removes the keys that {@code filter} accepts; for {@link CowSet} and the key view. */
    boolean removeKeysIf(Predicate<? super K> filter) {
        Objects.requireNonNull(filter);
        return removeEntriesIf(p -> filter.test(keyAt(p)));
    }

    /** Iterates the keys in insertion order; for {@link CowSet} and the key view. */
    Iterator<K> keyIterator() {
        return new Cursor<K>() {
            @Override
            @SuppressWarnings("unchecked")
            K element(Object[] run, int offset, int p) {
                return (K) run[offset];
            }
        };
    }

    /**
     * Reads the keys ({@code half} 0) or the values ({@code half} 1) into {@code a}, or into a new
     * array of its type if it is too short, as {@code Collection.toArray} specifies.
     */
    @SuppressWarnings("unchecked")
    <T> T[] copyHalfInto(T[] a, int half) {
        int n = size;
        T[] target = a.length >= n ? a : (T[]) Array.newInstance(a.getClass().getComponentType(), n);
        int i = 0;
        for (int p = firstLive(); p < used << 1; p = nextLive(p + 2)) {
            target[i++] = (T) (half == 0 ? rawKey(p) : rawValue(p));
        }
        if (target.length > n) {
            target[n] = null;
        }
        return target;
    }

    private static final int ORDERED_DISTINCT = Spliterator.ORDERED | Spliterator.DISTINCT;

    private final class KeySet extends AbstractSet<K> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            CowMap.this.clear();
        }

        @Override
        public Iterator<K> iterator() {
            return keyIterator();
        }

        @Override
        public boolean contains(Object o) {
            return containsKey(o);
        }

        @Override
        public boolean remove(Object o) {
            return removeKey(o);
        }

        @Override
        public boolean removeIf(Predicate<? super K> filter) {
            return removeKeysIf(filter);
        }

        @Override
        public Object[] toArray() {
            return copyHalfInto(new Object[size], 0);
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return copyHalfInto(a, 0);
        }

        @Override
        public void forEach(Consumer<? super K> action) {
            Objects.requireNonNull(action);
            CowMap.this.forEach((k, v) -> action.accept(k));
        }

        @Override
        public Spliterator<K> spliterator() {
            return Spliterators.spliterator(this, ORDERED_DISTINCT);
        }
    }

    private final class Values extends AbstractCollection<V> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            CowMap.this.clear();
        }

        @Override
        public Iterator<V> iterator() {
            return new Cursor<V>() {
                @Override
                @SuppressWarnings("unchecked")
                V element(Object[] run, int offset, int p) {
                    return (V) run[offset + 1];
                }
            };
        }

        @Override
        public boolean contains(Object o) {
            return containsValue(o);
        }

        @Override
        public boolean removeIf(Predicate<? super V> filter) {
            Objects.requireNonNull(filter);
            return removeEntriesIf(p -> filter.test(valueAt(p)));
        }

        @Override
        public Object[] toArray() {
            return copyHalfInto(new Object[size], 1);
        }

        @Override
        public <T> T[] toArray(T[] a) {
            return copyHalfInto(a, 1);
        }

        @Override
        public void forEach(Consumer<? super V> action) {
            Objects.requireNonNull(action);
            CowMap.this.forEach((k, v) -> action.accept(v));
        }

        @Override
        public Spliterator<V> spliterator() {
            return Spliterators.spliterator(this, Spliterator.ORDERED);
        }
    }

    private final class EntrySet extends AbstractSet<Map.Entry<K, V>> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            CowMap.this.clear();
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            entryViewsOut = true;
            return new Cursor<Map.Entry<K, V>>() {
                @Override
                Map.Entry<K, V> element(Object[] run, int offset, int p) {
                    return new Entry(run, offset, p);
                }
            };
        }

        @Override
        public boolean contains(Object o) {
            return positionOf(o) >= 0;
        }

        @Override
        public boolean remove(Object o) {
            int r = positionOf(o);
            if (r < 0) {
                return false;
            }
            removeAt(r);
            return true;
        }

        /** The position of the mapping that {@code o}, a {@code Map.Entry}, describes, or {@code -1}. */
        private int positionOf(Object o) {
            if (!(o instanceof Map.Entry)) {
                return -1;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            int r = find(e.getKey());
            return r >= 0 && Objects.equals(rawValue(r), e.getValue()) ? r : -1;
        }

        @Override
        public boolean removeIf(Predicate<? super Map.Entry<K, V>> filter) {
            Objects.requireNonNull(filter);
            entryViewsOut = true;
            return removeEntriesIf(p -> filter.test(new Entry(runHolding(p), runOffset(p), p)));
        }

        @Override
        public Spliterator<Map.Entry<K, V>> spliterator() {
            return Spliterators.spliterator(this, ORDERED_DISTINCT);
        }
    }

    /**
     * A mapping of this map, as its entry view and iterators hand it out. It reads the map's
     * current value while the mapping is there, and {@link #setValue} writes through (detaching
     * a shared map); once the key is removed, it keeps the last value it saw, as
     * {@code HashMap}'s entries do.
     */
    private final class Entry implements Map.Entry<K, V> {
        private final K key;
        private V value;
        private int position;

        /** The handle's rebuild count when {@link #position} was last right. */
        private int rebuildsSeen;

        /** The handle's clear count when this entry was made. */
        private final int clearsSeen;

        /**
         * The array that held the mapping when this entry was made, the key's place in it, and
         * the handle's {@code modCount + runMoves} then. Both counts only grow, so while their
         * sum is the same neither has moved: the key is still at {@link #position}, which is
         * the one this entry was made with, and {@code run} still holds it, so
         * {@code run[offset + 1]} is the current value. {@link #getValue} reads it there without
         * going through a paged table's directory, and in an iterating loop C2 sees that it is
         * the read the iterator just made (looking the run up again instead, C2 did not reuse
         * the iterator's lookup: {@code MapIterateBenchmark} at 100 000 entries read 1.84 to
         * 2.02 times {@code LinkedHashMap} against 1.29 to 1.58 with the run kept). The price is
         * that an entry kept after its step keeps that run reachable: one page of a paged map,
         * or the entries array of a flat one, at most 8 192 references, with the keys and values
         * it held then. The sum is an {@code int}: after 2<sup>32</sup> changes it comes round
         * to the same value once, and a read at exactly that moment would take the fast path
         * wrongly, the same bound {@code modCount} gives every fail-fast check.
         */
        private final Object[] run;
        private final int offset;
        private final int stampSeen;

        @SuppressWarnings("unchecked")
        Entry(Object[] run, int offset, int position) {
            this.key = (K) run[offset];
            this.value = (V) run[offset + 1];
            this.position = position;
            this.rebuildsSeen = rebuilds;
            this.clearsSeen = clears;
            this.run = run;
            this.offset = offset;
            this.stampSeen = modCount + runMoves;
        }

        /**
         * The current position of this entry's key, or {@code -1} once it is removed. Only a
         * rebuild moves entries, and no position is given back for reuse while entries may
         * hold one ({@link #entryViewsOut}), so a key missing from its position with no rebuild
         * since was removed, and the entry stays detached even if the key is put back, as a
         * {@code LinkedHashMap} node does; after a rebuild the key is looked up again. A clear
         * empties the table in place, so positions are reused: an entry made before one is
         * removed for good.
         */
        private int livePosition() {
            int p = position;
            boolean cleared = clears != clearsSeen;
            if (p >= 0 && (cleared || p >= used << 1 || rawKey(p) != key)) {
                p = position = cleared || rebuilds == rebuildsSeen ? -1 : find(key);
                rebuildsSeen = rebuilds;
                if (p >= 0) {
                    entryViewsOut = true;
                }
            }
            return p;
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V getValue() {
            if (modCount + runMoves == stampSeen) {
                return value = (V) run[offset + 1];
            }
            int p = livePosition();
            if (p >= 0) {
                value = valueAt(p);
            }
            return value;
        }

        @Override
        public V setValue(V newValue) {
            int p = livePosition();
            V old;
            if (p >= 0) {
                old = valueAt(p);
                setValueAt(p, newValue);
            } else {
                old = value;
            }
            value = newValue;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return Objects.equals(key, e.getKey()) && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key) ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return key + "=" + getValue();
        }
    }

    // Serialization

    /**
     * @serialData the number of mappings ({@code int}), then each key and value in iteration
     *     order ({@code Object}, {@code Object})
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        int expectedModCount = modCount;
        out.defaultWriteObject();
        out.writeInt(size);
        for (int p = firstLive(); p < used << 1; p = nextLive(p + 2)) {
            out.writeObject(rawKey(p));
            out.writeObject(rawValue(p));
        }
        checkForComodification(expectedModCount);
    }

    /**
     * Reads what {@link #writeObject} wrote, trusting the count only as far as mappings arrive: a
     * stream that claims two billion mappings and holds three costs three, and ends in
     * {@link InvalidObjectException}, as does a stream that repeats a key. The stream's
     * {@link java.io.ObjectInputFilter} is asked about the table first.
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        // Until its mappings are in, this is a valid empty map, never a half-built one: a key or
        // value that refers back to the map while it is read sees an empty map.
        in.defaultReadObject();
        int count = -1;
        try {
            count = checkSerialCount(in.readInt(), "mapping");
            SerialFilter.checkArray(in, Object[].class, 2 * count);
            CowMap<Object, Object> read = new CowMap<>();
            read.startDeserializedTable(count);
            for (int i = 0; i < count; i++) {
                Object key = in.readObject();
                read.insertDeserialized(key, in.readObject(), count);
            }
            takeBufferOf(read);
        } catch (EOFException | OptionalDataException | StreamCorruptedException e) {
            throw MalformedStream.endsBefore(count < 0
                    ? "its mapping count" : "the " + count + " mappings it announced", e);
        }
    }
}

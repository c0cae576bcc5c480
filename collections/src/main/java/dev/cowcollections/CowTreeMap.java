package dev.cowcollections;

import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OptionalDataException;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * A sorted map whose copies cost O(1): an implicitly shared, copy-on-write replacement for
 * {@link java.util.TreeMap} and for the defensive copy {@code new TreeMap<>(map)}, on a B+tree.
 *
 * <p>{@link #copy()} returns a new handle on the same tree and only counts the share. Each
 * handle behaves as an independent value: the first write through a handle whose tree is shared
 * copies the nodes on the path from the root to the leaf it writes, O(log n) of them (four for a
 * hundred thousand entries), and no other handle sees the change; later writes along that path
 * are in place, as writes to a map that was never copied are. A call that leaves the contents
 * unchanged (removing an absent key, {@code putIfAbsent} or {@code computeIfAbsent} on a
 * present key, putting the value already there) never copies. {@link #clear()} drops the tree
 * in O(1) and gives its shares back.
 *
 * <p>Costs: {@code get}, {@code containsKey}, {@code put}, {@code remove} and the navigation
 * methods ({@code ceilingKey}, {@code floorEntry}, {@code firstKey}, ...) take O(log n) time;
 * iteration takes O(1) per entry, amortized. {@code copy}, {@code clone}, {@code isShared},
 * the sharing constructors and {@code copyOf} of another {@code CowTreeMap} take O(1), whatever
 * the size. Building from a {@code SortedMap} with the same ordering takes O(n): one check of
 * the order, no search. The {@code size} of a sub-map view counts its entries, as
 * {@code TreeMap}'s does.
 *
 * <p>Copies are shallow, like {@code new TreeMap<>(map)}: keys and values are shared
 * references. A mutable value, such as a {@code CowList}, is changed for every map that holds
 * it: {@code map.copy().get(k).add(x)} changes the list that both maps hold. Copy the value
 * before changing it to keep the maps independent:
 * {@code map.compute(k, (key, list) -> { CowList<V> mine = list.copy(); mine.add(x); return mine; })}.
 * Keys must not change in a way that changes their order while they are in the map.
 *
 * <p>Thread safety. One handle is not thread-safe: use it from one thread at a time or
 * synchronize externally, as with {@code TreeMap}. Handles that share a tree, though, may be
 * read and written at the same time from different threads with no synchronization at all: each
 * sees only its own writes. Memory consistency effects: actions in a thread before it calls
 * {@code copy()} happen-before actions on the copy in another thread, provided the copy reaches
 * that thread through a safe publication (a concurrent queue, a volatile or final field,
 * {@code Thread.start}). {@code copy()} counts as a read, but a thread that writes a handle after
 * other threads copied it must first synchronize with them. No method takes a lock.
 *
 * <p>The iterators of every view are <i>fail-fast</i> as {@code TreeMap}'s are: a structural
 * change (a key added or removed) made other than through the iterator itself throws
 * {@link ConcurrentModificationException} on a best-effort basis. One difference: after the
 * last step, such a change makes {@code hasNext()} answer {@code true} and {@code next()} throw,
 * as {@code ArrayList}'s iterator does, where {@code TreeMap}'s {@code hasNext()} stays
 * {@code false}. Copying the map, or writes through other handles, never disturb an iterator.
 * The views ({@code subMap}, {@code headMap}, {@code tailMap}, {@code descendingMap},
 * {@code navigableKeySet}, {@code values}, {@code entrySet}) are live and belong to this handle:
 * a write through them is a write to this handle.
 *
 * <p>Keys are ordered by their natural ordering or by the comparator given at construction, and
 * natural ordering rejects {@code null} keys with {@link NullPointerException}, as
 * {@code TreeMap} does; values may be {@code null}. A comparator (or {@code compareTo}) that
 * throws leaves this handle and every other one unchanged. This class is final so that no
 * subclass can break the sharing invariants.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class CowTreeMap<K, V> extends BPlusTree<K, V> implements NavigableMap<K, V>, Cloneable, Serializable {

    private static final long serialVersionUID = 1L;

    /** An empty map ordered by the keys' natural ordering. */
    public CowTreeMap() {
        super(null, DEFAULT_WIDTH);
    }

    /** An empty map ordered by {@code comparator}, or by natural ordering when it is {@code null}. */
    public CowTreeMap(Comparator<? super K> comparator) {
        super(comparator, DEFAULT_WIDTH);
    }

    /** For tests: an empty map whose nodes hold {@code nodeWidth} entries or children. */
    CowTreeMap(Comparator<? super K> comparator, int nodeWidth) {
        super(comparator, nodeWidth);
    }

    /**
     * A map of the mappings of {@code source}, ordered by the keys' natural ordering, as
     * {@code new TreeMap<>(source)}. A {@code CowTreeMap} in natural order is shared in O(1); a
     * {@code SortedMap} in natural order is built in O(n).
     *
     * @throws ClassCastException if the keys are not mutually comparable
     * @throws NullPointerException if {@code source} or one of its keys is null
     */
    public CowTreeMap(Map<? extends K, ? extends V> source) {
        super(null, DEFAULT_WIDTH);
        putAll(source);
    }

    /**
     * A map of the mappings of {@code source}, with its ordering. A {@code CowTreeMap} is shared
     * in O(1); any other sorted map is built in O(n), checking its order on the way.
     *
     * @throws NullPointerException if {@code source} is null
     */
    @SuppressWarnings("unchecked")
    public CowTreeMap(SortedMap<K, ? extends V> source) {
        super(source.comparator(), DEFAULT_WIDTH);
        if (source instanceof CowTreeMap) {
            ((CowTreeMap<K, V>) source).shareInto(this);
        } else {
            buildFromSorted(source);
        }
    }

    /** Returns an empty map in natural order. */
    public static <K extends Comparable<? super K>, V> CowTreeMap<K, V> of() {
        return new CowTreeMap<>();
    }

    /** Returns a map of one mapping, in natural order. */
    public static <K extends Comparable<? super K>, V> CowTreeMap<K, V> of(K k1, V v1) {
        return ofPairs(k1, v1);
    }

    /**
     * Returns a map of two mappings, in natural order.
     *
     * @throws IllegalArgumentException if a key is given twice, as {@link Map#of} throws
     * @throws NullPointerException if a key is null
     */
    public static <K extends Comparable<? super K>, V> CowTreeMap<K, V> of(K k1, V v1, K k2, V v2) {
        return ofPairs(k1, v1, k2, v2);
    }

    /** Returns a map of three mappings, in natural order; a key given twice is an {@code IllegalArgumentException}. */
    public static <K extends Comparable<? super K>, V> CowTreeMap<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3) {
        return ofPairs(k1, v1, k2, v2, k3, v3);
    }

    /** Returns a map of four mappings, in natural order; a key given twice is an {@code IllegalArgumentException}. */
    public static <K extends Comparable<? super K>, V> CowTreeMap<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4) {
        return ofPairs(k1, v1, k2, v2, k3, v3, k4, v4);
    }

    /** Returns a map of five mappings, in natural order; a key given twice is an {@code IllegalArgumentException}. */
    public static <K extends Comparable<? super K>, V> CowTreeMap<K, V> of(
            K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5) {
        return ofPairs(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5);
    }

    /**
     * Returns a map of the given entries, in natural order.
     *
     * @throws IllegalArgumentException if a key is given twice
     * @throws NullPointerException if the array, an entry or a key is null
     */
    @SafeVarargs
    public static <K extends Comparable<? super K>, V> CowTreeMap<K, V> ofEntries(Map.Entry<? extends K, ? extends V>... entries) {
        Object[] pairs = new Object[entries.length * 2];
        for (int i = 0; i < entries.length; i++) {
            pairs[2 * i] = entries[i].getKey();
            pairs[2 * i + 1] = entries[i].getValue();
        }
        return ofPairs(pairs);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> CowTreeMap<K, V> ofPairs(Object... pairs) {
        CowTreeMap<K, V> map = new CowTreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!map.addKey((K) Objects.requireNonNull(pairs[i]), (V) pairs[i + 1])) {
                throw new IllegalArgumentException("duplicate key: " + pairs[i]);
            }
        }
        return map;
    }

    /**
     * Returns a map of the mappings of {@code source} in natural order, as
     * {@link #CowTreeMap(Map)}: a {@code CowTreeMap} in natural order is shared in O(1).
     *
     * @throws NullPointerException if {@code source} or one of its keys is null
     */
    public static <K, V> CowTreeMap<K, V> copyOf(Map<? extends K, ? extends V> source) {
        return new CowTreeMap<>(source);
    }

    /**
     * Returns a map of the mappings of {@code source}, with its ordering, as
     * {@link #CowTreeMap(SortedMap)}: a {@code CowTreeMap} is shared in O(1) (the result is
     * {@code source.copy()}).
     *
     * @throws NullPointerException if {@code source} is null
     */
    public static <K, V> CowTreeMap<K, V> copyOf(SortedMap<K, ? extends V> source) {
        return new CowTreeMap<>(source);
    }

    /**
     * Returns a {@link Collector} into a new {@code CowTreeMap} in natural order of the keys,
     * whose keys and values are the results of the two functions; {@code null} values are
     * allowed. A key produced twice throws {@link IllegalStateException}, worded as
     * {@code Collectors.toMap} words it.
     *
     * @throws NullPointerException if a function is null
     */
    public static <T, K extends Comparable<? super K>, V> Collector<T, ?, CowTreeMap<K, V>> toCowTreeMap(
            Function<? super T, ? extends K> keyFunction, Function<? super T, ? extends V> valueFunction) {
        return TreeCollectors.toCowTreeMap(null, keyFunction, valueFunction, null);
    }

    /**
     * Returns a {@link Collector} like {@link #toCowTreeMap(Function, Function)} that merges the
     * values of a key produced more than once with {@code mergeFunction}, the earlier value first.
     *
     * @throws NullPointerException if a function is null
     */
    public static <T, K extends Comparable<? super K>, V> Collector<T, ?, CowTreeMap<K, V>> toCowTreeMap(
            Function<? super T, ? extends K> keyFunction, Function<? super T, ? extends V> valueFunction,
            BinaryOperator<V> mergeFunction) {
        return TreeCollectors.toCowTreeMap(null, keyFunction, valueFunction, Objects.requireNonNull(mergeFunction));
    }

    /**
     * Returns a {@link Collector} into a new {@code CowTreeMap} ordered by {@code comparator}, as
     * Guava's {@code toImmutableSortedMap}, merging the values of a key produced more than once
     * with {@code mergeFunction}.
     *
     * @throws NullPointerException if the comparator or a function is null
     */
    public static <T, K, V> Collector<T, ?, CowTreeMap<K, V>> toCowTreeMap(Comparator<? super K> comparator,
            Function<? super T, ? extends K> keyFunction, Function<? super T, ? extends V> valueFunction,
            BinaryOperator<V> mergeFunction) {
        return TreeCollectors.toCowTreeMap(Objects.requireNonNull(comparator), keyFunction, valueFunction,
                Objects.requireNonNull(mergeFunction));
    }

    // Sharing

    /**
     * Returns a new handle on this map's tree, in O(1) whatever the size. The two handles are
     * independent values from now on: the first write through either one copies its path.
     */
    public CowTreeMap<K, V> copy() {
        CowTreeMap<K, V> copy = new CowTreeMap<>(comparator, nodeWidth);
        shareInto(copy);
        return copy;
    }

    /** Returns {@link #copy()}: a new handle on the same tree, in O(1). */
    @Override
    public CowTreeMap<K, V> clone() {
        return copy();
    }

    /**
     * Whether any part of this handle's tree may be shared with another handle, so that a write
     * may copy nodes. A map that holds nothing of its own (empty and never written) answers
     * {@code true}. For tests and diagnostics.
     */
    public boolean isShared() {
        return isSharedTree();
    }

    /** The sharing epoch of this handle, for tests in this package. */
    RefCount epochForTesting() {
        return epoch;
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
    public Comparator<? super K> comparator() {
        return comparator;
    }

    @SuppressWarnings("unchecked")
    @Override
    public V get(Object key) {
        TreePosition p = exactPosition(key);
        return p == null ? null : (V) p.value();
    }

    @SuppressWarnings("unchecked")
    @Override
    public V getOrDefault(Object key, V defaultValue) {
        TreePosition p = exactPosition(key);
        return p == null ? defaultValue : (V) p.value();
    }

    @Override
    public boolean containsKey(Object key) {
        return exactPosition(key) != null;
    }

    /** Whether some key maps to {@code value}; a scan of the leaves, O(n). */
    @Override
    public boolean containsValue(Object value) {
        for (TreePath p = firstPath(); p != null; p = p.nextLeaf() ? p : null) {
            TreeLeaf leaf = p.leaf;
            Object[] values = leaf.values;
            for (int i = 0, n = leaf.size; i < n; i++) {
                if (Objects.equals(value, values[i])) {
                    return true;
                }
            }
        }
        return false;
    }

    // Navigation

    @Override
    public K firstKey() {
        return key(firstPosition());
    }

    @Override
    public K lastKey() {
        return key(lastPosition());
    }

    @Override
    public Map.Entry<K, V> firstEntry() {
        return exportEntry(firstPosition());
    }

    @Override
    public Map.Entry<K, V> lastEntry() {
        return exportEntry(lastPosition());
    }

    @Override
    public Map.Entry<K, V> lowerEntry(K key) {
        return exportEntry(floorPosition(key, false));
    }

    @SuppressWarnings("unchecked")
    @Override
    public K lowerKey(K key) {
        return (K) floorKey(key, false);
    }

    @Override
    public Map.Entry<K, V> floorEntry(K key) {
        return exportEntry(floorPosition(key, true));
    }

    @SuppressWarnings("unchecked")
    @Override
    public K floorKey(K key) {
        return (K) floorKey(key, true);
    }

    @Override
    public Map.Entry<K, V> ceilingEntry(K key) {
        return exportEntry(ceilingPosition(key, true));
    }

    @SuppressWarnings("unchecked")
    @Override
    public K ceilingKey(K key) {
        return (K) ceilingKey(key, true);
    }

    @Override
    public Map.Entry<K, V> higherEntry(K key) {
        return exportEntry(ceilingPosition(key, false));
    }

    @SuppressWarnings("unchecked")
    @Override
    public K higherKey(K key) {
        return (K) ceilingKey(key, false);
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        return pollEdge(true);
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        return pollEdge(false);
    }

    private Map.Entry<K, V> pollEdge(boolean first) {
        if (root == null) {
            return null;
        }
        TreeLeaf leaf = descendRecordingEdge(first);
        int at = first ? 0 : leaf.size - 1;
        Map.Entry<K, V> polled = exportEntry(new TreePosition(leaf, at));
        removeOnPath(at);
        return polled;
    }

    @SuppressWarnings("unchecked")
    static <K> K key(TreePosition p) {
        if (p == null) {
            throw new NoSuchElementException();
        }
        return (K) p.key();
    }

    @SuppressWarnings("unchecked")
    static <K> K keyOrNull(TreePosition p) {
        return p == null ? null : (K) p.key();
    }

    /** An immutable snapshot of the entry at {@code p}, as {@code TreeMap} exports its entries. */
    @SuppressWarnings("unchecked")
    static <K, V> Map.Entry<K, V> exportEntry(TreePosition p) {
        return p == null ? null : new AbstractMap.SimpleImmutableEntry<>((K) p.key(), (V) p.value());
    }

    // Modification Operations

    /**
     * Maps {@code key} to {@code value}. Putting the value already there (the same reference)
     * changes nothing and never copies.
     *
     * @throws ClassCastException if the key cannot be compared with the keys in the map
     * @throws NullPointerException if the key is null and the map uses natural ordering
     */
    @SuppressWarnings("unchecked")
    @Override
    public V put(K key, V value) {
        if (root == null) {
            compare(key, key);
            insertFirst(key, value);
            return null;
        }
        TreeLeaf leaf = descendRecording(key);
        int i = searchLeaf(leaf, key);
        if (i < 0) {
            insertOnPath(-(i + 1), key, value);
            return null;
        }
        V old = (V) leaf.values[i];
        if (old != value) {
            setValueOnPath(i, value);
        }
        return old;
    }

    /** Puts {@code key} if it is absent and returns true; a present key changes nothing. For sets and {@code of}. */
    boolean addKey(K key, V value) {
        if (root == null) {
            compare(key, key);
            insertFirst(key, value);
            return true;
        }
        TreeLeaf leaf = descendRecording(key);
        int i = searchLeaf(leaf, key);
        if (i >= 0) {
            return false;
        }
        insertOnPath(-(i + 1), key, value);
        return true;
    }

    /**
     * Copies every mapping of {@code m} into this map. An empty map given a {@code CowTreeMap}
     * with an equal comparator shares its tree in O(1); given another {@code SortedMap} with an
     * equal comparator, it builds in O(n).
     */
    @SuppressWarnings("unchecked")
    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        if (m.isEmpty()) {
            return;
        }
        if (size == 0 && m instanceof SortedMap && Objects.equals(comparator, ((SortedMap<?, ?>) m).comparator())) {
            if (m instanceof CowTreeMap) {
                if (m != this) {
                    clearTree();
                    ((CowTreeMap<K, V>) m).shareInto(this);
                }
                return;
            }
            buildFromSorted((SortedMap<K, ? extends V>) m);
            return;
        }
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    /**
     * Builds this empty map from {@code source} in O(n) when its keys are in strictly ascending
     * order by this map's comparator, as a {@code SortedMap} with that comparator promises; one
     * comparison per key checks it, and a source that breaks its promise is put key by key.
     */
    private void buildFromSorted(SortedMap<K, ? extends V> source) {
        Object[] pairs = new Object[2 * source.size()];
        int n = 0;
        for (Map.Entry<K, ? extends V> e : source.entrySet()) {
            if (n == pairs.length) {
                pairs = java.util.Arrays.copyOf(pairs, 2 * n + 2);
            }
            pairs[n++] = e.getKey();
            pairs[n++] = e.getValue();
        }
        buildFromPairs(pairs, n);
    }

    /** Builds this empty map from the first {@code length / 2} key-value pairs of {@code pairs}. */
    @SuppressWarnings("unchecked")
    void buildFromPairs(Object[] pairs, int length) {
        boolean ascending = true;
        if (length > 0) {
            compare(pairs[0], pairs[0]);
        }
        for (int i = 2; i < length && ascending; i += 2) {
            ascending = compare(pairs[i - 2], pairs[i]) < 0;
        }
        if (!ascending) {
            for (int i = 0; i < length; i += 2) {
                put((K) pairs[i], (V) pairs[i + 1]);
            }
            return;
        }
        SortedBuilder builder = new SortedBuilder();
        for (int i = 0; i < length; i += 2) {
            builder.add(pairs[i], pairs[i + 1]);
        }
        builder.finish();
    }

    /** Removes the mapping of {@code key}; an absent key changes nothing and never copies. */
    @SuppressWarnings("unchecked")
    @Override
    public V remove(Object key) {
        if (root == null) {
            exactPosition(key);
            return null;
        }
        TreeLeaf leaf = descendRecording(key);
        int i = searchLeaf(leaf, key);
        if (i < 0) {
            return null;
        }
        V old = (V) leaf.values[i];
        removeOnPath(i);
        return old;
    }

    /** Removes {@code key} if present and returns whether it was. */
    boolean removeKey(Object key) {
        if (root == null) {
            exactPosition(key);
            return false;
        }
        TreeLeaf leaf = descendRecording(key);
        int i = searchLeaf(leaf, key);
        if (i < 0) {
            return false;
        }
        removeOnPath(i);
        return true;
    }

    @Override
    public boolean remove(Object key, Object value) {
        if (root == null) {
            exactPosition(key);
            return false;
        }
        TreeLeaf leaf = descendRecording(key);
        int i = searchLeaf(leaf, key);
        if (i < 0 || !Objects.equals(leaf.values[i], value)) {
            return false;
        }
        removeOnPath(i);
        return true;
    }

    /**
     * Removes every mapping in O(1). The nodes are dropped, and on a shared handle the shares
     * are given back, so that a sibling that shared nothing else writes in place again.
     */
    @Override
    public void clear() {
        if (size != 0) {
            clearTree();
        }
    }

    // Default-method overrides, with TreeMap's semantics

    /** Maps an absent key, or one mapped to {@code null}; a key with a value changes nothing. */
    @SuppressWarnings("unchecked")
    @Override
    public V putIfAbsent(K key, V value) {
        if (root == null) {
            compare(key, key);
            insertFirst(key, value);
            return null;
        }
        TreeLeaf leaf = descendRecording(key);
        int i = searchLeaf(leaf, key);
        if (i < 0) {
            insertOnPath(-(i + 1), key, value);
            return null;
        }
        V old = (V) leaf.values[i];
        if (old == null && value != null) {
            setValueOnPath(i, value);
        }
        return old;
    }

    @SuppressWarnings("unchecked")
    @Override
    public V replace(K key, V value) {
        if (root == null) {
            exactPosition(key);
            return null;
        }
        TreeLeaf leaf = descendRecording(key);
        int i = searchLeaf(leaf, key);
        if (i < 0) {
            return null;
        }
        V old = (V) leaf.values[i];
        if (old != value) {
            setValueOnPath(i, value);
        }
        return old;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        if (root == null) {
            exactPosition(key);
            return false;
        }
        TreeLeaf leaf = descendRecording(key);
        int i = searchLeaf(leaf, key);
        if (i < 0 || !Objects.equals(leaf.values[i], oldValue)) {
            return false;
        }
        if (leaf.values[i] != newValue) {
            setValueOnPath(i, newValue);
        }
        return true;
    }

    /**
     * Writes {@code value} for {@code key} after a callback, which may have copied the map but
     * made no structural change: the path is found again, since the callback may have written.
     * A {@code null} value removes the key.
     */
    private void storeAfterCallback(K key, V value) {
        if (root == null) {
            if (value != null) {
                insertFirst(key, value);
            }
            return;
        }
        TreeLeaf leaf = descendRecording(key);
        int i = searchLeaf(leaf, key);
        if (i >= 0) {
            if (value == null) {
                removeOnPath(i);
            } else if (leaf.values[i] != value) {
                setValueOnPath(i, value);
            }
        } else if (value != null) {
            insertOnPath(-(i + 1), key, value);
        }
    }

    private void checkForComodification(int expectedModCount) {
        if (modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
    }

    /**
     * Computes a value for an absent key, or one mapped to {@code null}; a present key with a
     * value returns it without calling the function and never copies.
     *
     * @throws ConcurrentModificationException if the function changed this map structurally
     */
    @SuppressWarnings("unchecked")
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        Objects.requireNonNull(mappingFunction);
        TreePosition p = lookupForWrite(key);
        V old = p == null ? null : (V) p.value();
        if (old != null) {
            return old;
        }
        int expectedModCount = modCount;
        V value = mappingFunction.apply(key);
        checkForComodification(expectedModCount);
        if (value != null) {
            storeAfterCallback(key, value);
        }
        return value;
    }

    /** @throws ConcurrentModificationException if the function changed this map structurally */
    @SuppressWarnings("unchecked")
    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction);
        TreePosition p = lookupForWrite(key);
        V old = p == null ? null : (V) p.value();
        if (old == null) {
            return null;
        }
        int expectedModCount = modCount;
        V value = remappingFunction.apply(key, old);
        checkForComodification(expectedModCount);
        storeAfterCallback(key, value);
        return value;
    }

    /** @throws ConcurrentModificationException if the function changed this map structurally */
    @SuppressWarnings("unchecked")
    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction);
        TreePosition p = lookupForWrite(key);
        V old = p == null ? null : (V) p.value();
        int expectedModCount = modCount;
        V value = remappingFunction.apply(key, old);
        checkForComodification(expectedModCount);
        if (value != null || p != null) {
            storeAfterCallback(key, value);
        }
        return value;
    }

    /**
     * @throws NullPointerException if {@code value} or the function is null
     * @throws ConcurrentModificationException if the function changed this map structurally
     */
    @SuppressWarnings("unchecked")
    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(value);
        Objects.requireNonNull(remappingFunction);
        TreePosition p = lookupForWrite(key);
        V old = p == null ? null : (V) p.value();
        if (old == null) {
            storeAfterCallback(key, value);
            return value;
        }
        int expectedModCount = modCount;
        V merged = remappingFunction.apply(old, value);
        checkForComodification(expectedModCount);
        storeAfterCallback(key, merged);
        return merged;
    }

    /** The position of {@code key} before a callback, checking the key as {@code put} would. */
    private TreePosition lookupForWrite(K key) {
        if (root == null) {
            compare(key, key);
            return null;
        }
        return exactPosition(key);
    }

    /**
     * Replaces each value with the function's result. Results that are the same reference as the
     * value change nothing, so a function that changes nothing never copies.
     *
     * @throws ConcurrentModificationException if the function changed this map structurally
     */
    @SuppressWarnings("unchecked")
    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        Objects.requireNonNull(function);
        int expectedModCount = modCount;
        for (Iterator<Map.Entry<K, V>> it = entryIterator(); it.hasNext(); ) {
            Map.Entry<K, V> e = it.next();
            V value = function.apply(e.getKey(), e.getValue());
            checkForComodification(expectedModCount);
            if (value != e.getValue()) {
                e.setValue(value);
            }
        }
    }

    /**
     * Calls {@code action} for each mapping in key order, through the entry iterator, as
     * {@link #replaceAll} does: an action that replaces a value may copy the nodes on its path
     * when they are shared, and the iterator then finds its place again in the map's current
     * tree ({@link BPlusTree#pathCopies}), so a value written for a key ahead shows when the walk
     * reaches it, as in {@code TreeMap}.
     *
     * @throws ConcurrentModificationException if the action changed this map structurally
     */
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        int expectedModCount = modCount;
        for (Iterator<Map.Entry<K, V>> it = entryIterator(); it.hasNext(); ) {
            Map.Entry<K, V> e = it.next();
            action.accept(e.getKey(), e.getValue());
            checkForComodification(expectedModCount);
        }
    }

    /** Writes {@code value} for {@code key} if it is still present; for the entries of the views. */
    @SuppressWarnings("unchecked")
    V setValueIfPresent(Object key, V value, V fallback) {
        if (root == null) {
            return fallback;
        }
        TreeLeaf leaf = descendRecording(key);
        int i = searchLeaf(leaf, key);
        if (i < 0) {
            return fallback;
        }
        V old = (V) leaf.values[i];
        if (old != value) {
            setValueOnPath(i, value);
        }
        return old;
    }

    // Comparison and hashing

    /** Compares with any {@link Map}, as {@code Map.equals} specifies; two handles on one tree are equal in O(1). */
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
        if (other instanceof CowTreeMap && sameTreeAs((CowTreeMap<?, ?>) other)) {
            return true;
        }
        try {
            for (TreePath p = firstPath(); p != null; p = p.next() ? p : null) {
                Object key = p.key();
                Object value = p.value();
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
        for (TreePath p = firstPath(); p != null; p = p.nextLeaf() ? p : null) {
            TreeLeaf leaf = p.leaf;
            for (int i = 0, n = leaf.size; i < n; i++) {
                h += Objects.hashCode(leaf.keys[i]) ^ Objects.hashCode(leaf.values[i]);
            }
        }
        return h;
    }

    /** {@code {k1=v1, k2=v2}} in key order, as {@code AbstractMap} prints it. */
    @Override
    public String toString() {
        return TreeSubMap.toString(this, entryIterator());
    }

    // Views

    /** The whole map as a range, ascending: the engine of the views. */
    TreeSubMap<K, V> ascending() {
        return new TreeSubMap<>(this, true, null, true, true, null, true, false);
    }

    Iterator<Map.Entry<K, V>> entryIterator() {
        return ascending().entryIterator();
    }

    Iterator<K> keyIterator() {
        return ascending().keyIterator();
    }

    Iterator<K> descendingKeyIterator() {
        return ascending().descendingKeyIterator();
    }

    /**
     * A live view of the keys, ascending. Removing through it removes mappings from this map;
     * it does not support adding.
     */
    @Override
    public Set<K> keySet() {
        return navigableKeySet();
    }

    @Override
    public NavigableSet<K> navigableKeySet() {
        return new TreeKeySet<>(this, false);
    }

    @Override
    public NavigableSet<K> descendingKeySet() {
        return descendingMap().navigableKeySet();
    }

    /** A live view of the values, in key order. Removing through it removes mappings from this map. */
    @Override
    public Collection<V> values() {
        return ascending().values();
    }

    /**
     * A live view of the mappings, in key order. Removing through it removes mappings, and
     * {@link Map.Entry#setValue} on the entries of its iterator writes through.
     */
    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return ascending().entrySet();
    }

    @Override
    public NavigableMap<K, V> descendingMap() {
        return new TreeSubMap<>(this, true, null, true, true, null, true, true);
    }

    @Override
    public NavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
        return new TreeSubMap<>(this, false, fromKey, fromInclusive, false, toKey, toInclusive, false);
    }

    @Override
    public NavigableMap<K, V> headMap(K toKey, boolean inclusive) {
        return new TreeSubMap<>(this, true, null, true, false, toKey, inclusive, false);
    }

    @Override
    public NavigableMap<K, V> tailMap(K fromKey, boolean inclusive) {
        return new TreeSubMap<>(this, false, fromKey, inclusive, true, null, true, false);
    }

    @Override
    public SortedMap<K, V> subMap(K fromKey, K toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    @Override
    public SortedMap<K, V> headMap(K toKey) {
        return headMap(toKey, false);
    }

    @Override
    public SortedMap<K, V> tailMap(K fromKey) {
        return tailMap(fromKey, true);
    }

    // Serialization

    /**
     * @serialData the comparator ({@code Object}, {@code null} for natural ordering), the number
     *     of mappings ({@code int}), then each key and value in ascending key order
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        int expectedModCount = modCount;
        out.defaultWriteObject();
        out.writeObject(comparator);
        out.writeInt(size);
        for (TreePath p = firstPath(); p != null; p = p.nextLeaf() ? p : null) {
            TreeLeaf leaf = p.leaf;
            for (int i = 0, n = leaf.size; i < n; i++) {
                out.writeObject(leaf.keys[i]);
                out.writeObject(leaf.values[i]);
            }
        }
        checkForComodification(expectedModCount);
    }

    /**
     * Reads what {@link #writeObject} wrote, trusting the count only as far as mappings arrive,
     * and checking that every key is above the one before by the comparator: a stream whose keys
     * are out of order, repeated or not comparable, whose count is negative, or that ends early
     * is an {@link InvalidObjectException}, never a map that breaks its order.
     */
    @SuppressWarnings("unchecked")
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        epoch = RefCount.IMMORTAL;
        nodeWidth = DEFAULT_WIDTH;
        int count = -1;
        try {
            Object readComparator = in.readObject();
            if (readComparator != null && !(readComparator instanceof Comparator)) {
                throw new InvalidObjectException("comparator: not a Comparator: " + readComparator.getClass().getName());
            }
            count = in.readInt();
            if (count < 0) {
                throw new InvalidObjectException("mapping count: " + count + " (expected: >= 0)");
            }
            CowTreeMap<K, V> read = new CowTreeMap<>((Comparator<? super K>) readComparator, DEFAULT_WIDTH);
            SortedReader reader = read.new SortedReader();
            for (int i = 0; i < count; i++) {
                Object key = in.readObject();
                reader.add(key, in.readObject());
            }
            reader.finish();
            takeTreeOf(read);
        } catch (EOFException | OptionalDataException | StreamCorruptedException e) {
            throw MalformedStream.endsBefore(count < 0
                    ? "its comparator and mapping count" : "the " + count + " mappings it announced", e);
        }
    }

    /** Reads entries from a stream into a {@link BPlusTree.SortedBuilder}, checking their order. */
    final class SortedReader {
        private final SortedBuilder builder = new SortedBuilder();
        private boolean any;
        private Object last;

        void add(Object key, Object value) throws InvalidObjectException {
            try {
                if (any ? compare(last, key) >= 0 : compare(key, key) != 0) {
                    throw new InvalidObjectException("keys out of order in stream: " + key + " after " + last);
                }
            } catch (ClassCastException | NullPointerException e) {
                InvalidObjectException invalid = new InvalidObjectException("key not comparable in stream: " + key);
                invalid.initCause(e);
                throw invalid;
            }
            builder.add(key, value);
            any = true;
            last = key;
        }

        void finish() {
            builder.finish();
        }
    }
}

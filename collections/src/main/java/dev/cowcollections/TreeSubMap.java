package dev.cowcollections;

import java.io.Serializable;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * A live view of a range of a {@link CowTreeMap}, ascending or descending: what
 * {@code subMap}, {@code headMap}, {@code tailMap} and {@code descendingMap} return, and the
 * engine of the map's own {@code entrySet} and {@code values}. Like {@code TreeMap}'s
 * {@code NavigableSubMap}, it holds the bounds in ascending terms ({@code lo} to {@code hi})
 * and a direction, and answers every query through the map's navigation helpers; writes go to
 * the map, so they belong to that handle and copy its path when it is shared.
 */
final class TreeSubMap<K, V> extends AbstractMap<K, V> implements NavigableMap<K, V>, Serializable {

    private static final long serialVersionUID = 1L;

    private final CowTreeMap<K, V> m;
    private final boolean fromStart;
    private final K lo;
    private final boolean loInclusive;
    private final boolean toEnd;
    private final K hi;
    private final boolean hiInclusive;
    private final boolean descending;

    TreeSubMap(CowTreeMap<K, V> m, boolean fromStart, K lo, boolean loInclusive,
            boolean toEnd, K hi, boolean hiInclusive, boolean descending) {
        if (!fromStart && !toEnd) {
            if (m.compare(lo, hi) > 0) {
                throw new IllegalArgumentException("fromKey > toKey");
            }
        } else {
            if (!fromStart) {
                m.compare(lo, lo);
            }
            if (!toEnd) {
                m.compare(hi, hi);
            }
        }
        this.m = m;
        this.fromStart = fromStart;
        this.lo = lo;
        this.loInclusive = loInclusive;
        this.toEnd = toEnd;
        this.hi = hi;
        this.hiInclusive = hiInclusive;
        this.descending = descending;
    }

    private boolean wholeMap() {
        return fromStart && toEnd;
    }

    // Range checks, in ascending terms

    private boolean tooLow(Object key) {
        if (!fromStart) {
            int c = m.compare(key, lo);
            return c < 0 || (c == 0 && !loInclusive);
        }
        return false;
    }

    private boolean tooHigh(Object key) {
        if (!toEnd) {
            int c = m.compare(key, hi);
            return c > 0 || (c == 0 && !hiInclusive);
        }
        return false;
    }

    private boolean inRange(Object key) {
        return !tooLow(key) && !tooHigh(key);
    }

    private boolean inClosedRange(Object key) {
        return (fromStart || m.compare(key, lo) >= 0) && (toEnd || m.compare(hi, key) >= 0);
    }

    private boolean inRange(Object key, boolean inclusive) {
        return inclusive ? inRange(key) : inClosedRange(key);
    }

    // Navigation, in ascending terms

    private TreePosition absLowest() {
        TreePosition p = fromStart ? m.firstPosition() : m.ceilingPosition(lo, loInclusive);
        return p == null || tooHigh(p.key()) ? null : p;
    }

    private TreePosition absHighest() {
        TreePosition p = toEnd ? m.lastPosition() : m.floorPosition(hi, hiInclusive);
        return p == null || tooLow(p.key()) ? null : p;
    }

    private TreePosition absCeiling(Object key, boolean inclusive) {
        if (tooLow(key)) {
            return absLowest();
        }
        TreePosition p = m.ceilingPosition(key, inclusive);
        return p == null || tooHigh(p.key()) ? null : p;
    }

    private TreePosition absFloor(Object key, boolean inclusive) {
        if (tooHigh(key)) {
            return absHighest();
        }
        TreePosition p = m.floorPosition(key, inclusive);
        return p == null || tooLow(p.key()) ? null : p;
    }

    // Navigation, in this view's direction

    private TreePosition lowest() {
        return descending ? absHighest() : absLowest();
    }

    private TreePosition highest() {
        return descending ? absLowest() : absHighest();
    }

    private TreePosition ceiling(Object key, boolean inclusive) {
        return descending ? absFloor(key, inclusive) : absCeiling(key, inclusive);
    }

    private TreePosition floor(Object key, boolean inclusive) {
        return descending ? absCeiling(key, inclusive) : absFloor(key, inclusive);
    }

    // Iteration

    /** The first entry of a walk over the range, ascending or descending, or {@code null} when it is empty. */
    private TreePath first(boolean ascendingWalk) {
        TreePath first;
        if (ascendingWalk) {
            first = fromStart ? m.firstPath() : m.pathNear(lo, loInclusive, true);
            return first == null || tooHigh(first.key()) ? null : first;
        }
        first = toEnd ? m.lastPath() : m.pathNear(hi, hiInclusive, false);
        return first == null || tooLow(first.key()) ? null : first;
    }

    /** The first entry beyond the range in the walk's direction, or {@code null} when the range runs to the map's end. */
    private TreePosition fence(boolean ascendingWalk) {
        if (ascendingWalk) {
            return toEnd ? null : m.ceilingPosition(hi, !hiInclusive);
        }
        return fromStart ? null : m.floorPosition(lo, !loInclusive);
    }

    private static TreeLeaf leafOf(TreePosition fence) {
        return fence == null ? null : fence.leaf;
    }

    private static int indexOf(TreePosition fence) {
        return fence == null ? 0 : fence.index;
    }

    Iterator<K> keyIterator() {
        TreePosition fence = fence(!descending);
        return new TreeCursor.Keys<>(m, first(!descending), descending, leafOf(fence), indexOf(fence));
    }

    Iterator<K> descendingKeyIterator() {
        TreePosition fence = fence(descending);
        return new TreeCursor.Keys<>(m, first(descending), !descending, leafOf(fence), indexOf(fence));
    }

    Iterator<V> valueIterator() {
        TreePosition fence = fence(!descending);
        return new TreeCursor.Values<>(m, first(!descending), descending, leafOf(fence), indexOf(fence));
    }

    Iterator<Map.Entry<K, V>> entryIterator() {
        TreePosition fence = fence(!descending);
        return new TreeCursor.Entries<>(m, first(!descending), descending, leafOf(fence), indexOf(fence));
    }

    // Query Operations

    @Override
    public int size() {
        if (wholeMap()) {
            return m.size();
        }
        int n = 0;
        for (Iterator<K> it = keyIterator(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    @Override
    public boolean isEmpty() {
        return wholeMap() ? m.isEmpty() : absLowest() == null;
    }

    @Override
    public boolean containsKey(Object key) {
        return inRange(key) && m.containsKey(key);
    }

    @Override
    public V get(Object key) {
        return inRange(key) ? m.get(key) : null;
    }

    @Override
    public V put(K key, V value) {
        if (!inRange(key)) {
            throw new IllegalArgumentException("key out of range: " + key);
        }
        return m.put(key, value);
    }

    /** Adds {@code key} if absent, for the sets over this view; returns whether it was added. */
    boolean addKey(K key, V value) {
        if (!inRange(key)) {
            throw new IllegalArgumentException("key out of range: " + key);
        }
        return m.addKey(key, value);
    }

    @Override
    public V remove(Object key) {
        return inRange(key) ? m.remove(key) : null;
    }

    /** Removes {@code key} if it is in the range and present; returns whether it was. */
    boolean removeKey(Object key) {
        return inRange(key) && m.removeKey(key);
    }

    @Override
    public void clear() {
        if (wholeMap()) {
            m.clear();
        } else {
            for (Iterator<K> it = keyIterator(); it.hasNext(); ) {
                it.next();
                it.remove();
            }
        }
    }

    @Override
    public Comparator<? super K> comparator() {
        return descending ? Collections.reverseOrder(m.comparator()) : m.comparator();
    }

    @Override
    public K firstKey() {
        return CowTreeMap.key(lowest());
    }

    @Override
    public K lastKey() {
        return CowTreeMap.key(highest());
    }

    @Override
    public Map.Entry<K, V> firstEntry() {
        return CowTreeMap.exportEntry(lowest());
    }

    @Override
    public Map.Entry<K, V> lastEntry() {
        return CowTreeMap.exportEntry(highest());
    }

    @Override
    public Map.Entry<K, V> lowerEntry(K key) {
        return CowTreeMap.exportEntry(floor(key, false));
    }

    @Override
    public K lowerKey(K key) {
        return CowTreeMap.keyOrNull(floor(key, false));
    }

    @Override
    public Map.Entry<K, V> floorEntry(K key) {
        return CowTreeMap.exportEntry(floor(key, true));
    }

    @Override
    public K floorKey(K key) {
        return CowTreeMap.keyOrNull(floor(key, true));
    }

    @Override
    public Map.Entry<K, V> ceilingEntry(K key) {
        return CowTreeMap.exportEntry(ceiling(key, true));
    }

    @Override
    public K ceilingKey(K key) {
        return CowTreeMap.keyOrNull(ceiling(key, true));
    }

    @Override
    public Map.Entry<K, V> higherEntry(K key) {
        return CowTreeMap.exportEntry(ceiling(key, false));
    }

    @Override
    public K higherKey(K key) {
        return CowTreeMap.keyOrNull(ceiling(key, false));
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        return poll(lowest());
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        return poll(highest());
    }

    private Map.Entry<K, V> poll(TreePosition p) {
        Map.Entry<K, V> polled = CowTreeMap.exportEntry(p);
        if (p != null) {
            m.removeKey(p.key());
        }
        return polled;
    }

    // Views

    @Override
    public NavigableSet<K> navigableKeySet() {
        return new TreeKeySet<>(this, false);
    }

    @Override
    public Set<K> keySet() {
        return navigableKeySet();
    }

    @Override
    public NavigableSet<K> descendingKeySet() {
        return descendingMap().navigableKeySet();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new EntrySetView();
    }

    @Override
    public Collection<V> values() {
        return new ValuesView();
    }

    @Override
    public NavigableMap<K, V> descendingMap() {
        return new TreeSubMap<>(m, fromStart, lo, loInclusive, toEnd, hi, hiInclusive, !descending);
    }

    @Override
    public NavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
        if (!inRange(fromKey, fromInclusive)) {
            throw new IllegalArgumentException("fromKey out of range: " + fromKey);
        }
        if (!inRange(toKey, toInclusive)) {
            throw new IllegalArgumentException("toKey out of range: " + toKey);
        }
        return descending
                ? new TreeSubMap<>(m, false, toKey, toInclusive, false, fromKey, fromInclusive, true)
                : new TreeSubMap<>(m, false, fromKey, fromInclusive, false, toKey, toInclusive, false);
    }

    @Override
    public NavigableMap<K, V> headMap(K toKey, boolean inclusive) {
        if (!inRange(toKey, inclusive)) {
            throw new IllegalArgumentException("toKey out of range: " + toKey);
        }
        return descending
                ? new TreeSubMap<>(m, false, toKey, inclusive, toEnd, hi, hiInclusive, true)
                : new TreeSubMap<>(m, fromStart, lo, loInclusive, false, toKey, inclusive, false);
    }

    @Override
    public NavigableMap<K, V> tailMap(K fromKey, boolean inclusive) {
        if (!inRange(fromKey, inclusive)) {
            throw new IllegalArgumentException("fromKey out of range: " + fromKey);
        }
        return descending
                ? new TreeSubMap<>(m, fromStart, lo, loInclusive, false, fromKey, inclusive, true)
                : new TreeSubMap<>(m, false, fromKey, inclusive, toEnd, hi, hiInclusive, false);
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

    @Override
    public String toString() {
        return toString(this, entryIterator());
    }

    /** {@code {k1=v1, k2=v2}}, as {@code AbstractMap} prints {@code map}. */
    static String toString(Map<?, ?> map, Iterator<? extends Map.Entry<?, ?>> entries) {
        if (!entries.hasNext()) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder().append('{');
        while (true) {
            Map.Entry<?, ?> e = entries.next();
            Object key = e.getKey();
            Object value = e.getValue();
            sb.append(key == map ? "(this Map)" : key).append('=').append(value == map ? "(this Map)" : value);
            if (!entries.hasNext()) {
                return sb.append('}').toString();
            }
            sb.append(", ");
        }
    }

    /** The values of the range, in this view's order, read without making entries. */
    private final class ValuesView extends AbstractCollection<V> {
        @Override
        public Iterator<V> iterator() {
            return valueIterator();
        }

        @Override
        public int size() {
            return TreeSubMap.this.size();
        }

        @Override
        public boolean isEmpty() {
            return TreeSubMap.this.isEmpty();
        }

        @Override
        public void clear() {
            TreeSubMap.this.clear();
        }
    }

    /** The mappings of the range, in this view's order. */
    private final class EntrySetView extends AbstractSet<Map.Entry<K, V>> {
        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return entryIterator();
        }

        @Override
        public int size() {
            return TreeSubMap.this.size();
        }

        @Override
        public boolean isEmpty() {
            return TreeSubMap.this.isEmpty();
        }

        @Override
        public void clear() {
            TreeSubMap.this.clear();
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            Object key = e.getKey();
            if (!inRange(key)) {
                return false;
            }
            TreePosition p = m.exactPosition(key);
            return p != null && Objects.equals(p.value(), e.getValue());
        }

        @Override
        public boolean remove(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            Object key = e.getKey();
            return inRange(key) && m.remove(key, e.getValue());
        }
    }
}

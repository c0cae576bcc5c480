package dev.cowcollections;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;

/**
 * The live view that {@code CowMap.reversed()} returns: the same mappings in the opposite order.
 * Lookups and writes go to the map; iteration runs backwards over its table; the ends swap
 * ({@code putFirst} here is {@code putLast} there). Like {@code LinkedHashMap}'s reversed view,
 * {@code put} of a new key adds it at the map's end, which is this view's front.
 */
final class ReversedMapView<K, V> extends AbstractMap<K, V> implements SequencedMap<K, V> {

    private final CowMap<K, V> map;

    ReversedMapView(CowMap<K, V> map) {
        this.map = map;
    }

    // Query Operations

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return map.containsValue(value);
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return map.getOrDefault(key, defaultValue);
    }

    @Override
    public Map.Entry<K, V> firstEntry() {
        return map.lastEntry();
    }

    @Override
    public Map.Entry<K, V> lastEntry() {
        return map.firstEntry();
    }

    // Modification Operations

    @Override
    public V put(K key, V value) {
        return map.put(key, value);
    }

    @Override
    public V remove(Object key) {
        return map.remove(key);
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        return map.pollLastEntry();
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        return map.pollFirstEntry();
    }

    @Override
    public V putFirst(K key, V value) {
        return map.putLast(key, value);
    }

    @Override
    public V putLast(K key, V value) {
        return map.putFirst(key, value);
    }

    // Views

    @Override
    public SequencedMap<K, V> reversed() {
        return map;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return map.size();
            }

            @Override
            public void clear() {
                map.clear();
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return map.new DescendingCursor<Map.Entry<K, V>>() {
                    @Override
                    Map.Entry<K, V> element(int p) {
                        return new KeyedEntry(map.entryKey(p), map.entryValue(p));
                    }
                };
            }
        };
    }

    /**
     * A mapping read through the view: {@code setValue} writes the map while the key is in it,
     * and the entry keeps the last value it saw once the key is removed, as {@code HashMap}'s
     * entries do.
     */
    private final class KeyedEntry implements Map.Entry<K, V> {
        private final K key;
        private V value;

        KeyedEntry(K key, V value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        public V getValue() {
            int p = map.find(key);
            if (p >= 0) {
                value = map.entryValue(p);
            }
            return value;
        }

        @Override
        public V setValue(V newValue) {
            int p = map.find(key);
            V old = p >= 0 ? map.entryValue(p) : value;
            if (p >= 0) {
                map.setValueAt(p, newValue);
            }
            value = newValue;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e
                    && Objects.equals(key, e.getKey()) && Objects.equals(getValue(), e.getValue());
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
}

package dev.cowcollections;

import java.util.Map;
import java.util.Objects;

/**
 * A mapping as the iterators of a {@link CowTreeMap}'s entry views hand it out: it keeps the
 * value it was read with, and {@link #setValue} writes through to the map (copying the path of a
 * shared map) while the key is there, as the entries of {@code TreeMap}'s views do.
 */
final class TreeEntry<K, V> implements Map.Entry<K, V> {
    private final CowTreeMap<K, V> map;
    private final K key;
    private V value;

    TreeEntry(CowTreeMap<K, V> map, K key, V value) {
        this.map = map;
        this.key = key;
        this.value = value;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public V getValue() {
        return value;
    }

    @Override
    public V setValue(V newValue) {
        V old = map.setValueIfPresent(key, newValue, value);
        value = newValue;
        return old;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Map.Entry)) {
            return false;
        }
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
        return Objects.equals(key, e.getKey()) && Objects.equals(value, e.getValue());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key) ^ Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}

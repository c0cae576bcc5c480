package dev.cowcollections;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The collectors behind {@link CowTreeMap#toCowTreeMap(Function, Function)} and
 * {@link CowTreeSet#toCowTreeSet()}. The results are sorted, so the collectors are
 * {@code UNORDERED}; a combiner whose left container is empty returns the right one as it is.
 */
final class TreeCollectors {

    private TreeCollectors() {
    }

    static <E> Collector<E, ?, CowTreeSet<E>> toCowTreeSet(Comparator<? super E> comparator) {
        return Collector.of(() -> new CowTreeSet<E>(comparator), CowTreeSet::add, (left, right) -> {
            if (left.isEmpty()) {
                return right;
            }
            left.addAll(right);
            return left;
        }, Collector.Characteristics.UNORDERED, Collector.Characteristics.IDENTITY_FINISH);
    }

    /** A {@code null} {@code merge} makes a key produced twice an {@link IllegalStateException}. */
    static <T, K, V> Collector<T, ?, CowTreeMap<K, V>> toCowTreeMap(Comparator<? super K> comparator,
            Function<? super T, ? extends K> keyFunction, Function<? super T, ? extends V> valueFunction,
            BinaryOperator<V> merge) {
        Objects.requireNonNull(keyFunction, "keyFunction");
        Objects.requireNonNull(valueFunction, "valueFunction");
        return Collector.<T, CowTreeMap<K, V>>of(
                () -> new CowTreeMap<>(comparator),
                (map, element) -> put(map, keyFunction.apply(element), valueFunction.apply(element), merge),
                (left, right) -> {
                    if (left.isEmpty()) {
                        return right;
                    }
                    for (Map.Entry<K, V> e : right.entrySet()) {
                        put(left, e.getKey(), e.getValue(), merge);
                    }
                    return left;
                },
                Collector.Characteristics.UNORDERED, Collector.Characteristics.IDENTITY_FINISH);
    }

    /* One lookup per element, telling a new key from a present one by the size, since values may be null. */
    private static <K, V> void put(CowTreeMap<K, V> map, K key, V value, BinaryOperator<V> merge) {
        int sizeBefore = map.size();
        V old = map.put(key, value);
        if (map.size() == sizeBefore) {
            if (merge == null) {
                throw new IllegalStateException(String.format(
                        "Duplicate key %s (attempted merging values %s and %s)", key, old, value));
            }
            map.put(key, merge.apply(old, value));
        }
    }
}

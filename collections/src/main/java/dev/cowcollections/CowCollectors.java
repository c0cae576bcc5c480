package dev.cowcollections;

import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The collectors behind {@link CowList#toCowList()}, {@link CowSet#toCowSet()} and
 * {@link CowMap#toCowMap(Function, Function)}.
 *
 * <p>Each is {@code IDENTITY_FINISH} (the four-argument {@link Collector#of} says so) and none
 * is {@code UNORDERED}: the results keep the encounter order of the stream, in
 * parallel too, because each combiner appends its right-hand container to its left-hand one. A
 * combiner whose left container is empty returns the right one as it is, so a parallel stream
 * whose chunks are mostly empty copies nothing.
 */
final class CowCollectors {

    private CowCollectors() {
    }

    static <E> Collector<E, ?, CowList<E>> toCowList() {
        return Collector.of(CowList::new, CowList::add, CowCollectors::appendList);
    }

    static <E> Collector<E, ?, CowSet<E>> toCowSet() {
        return Collector.of(CowSet::new, CowSet::add, CowCollectors::appendSet);
    }

    static <T, K, V> Collector<T, ?, CowMap<K, V>> toCowMap(
            Function<? super T, ? extends K> keyFunction, Function<? super T, ? extends V> valueFunction) {
        Objects.requireNonNull(keyFunction, "keyFunction");
        Objects.requireNonNull(valueFunction, "valueFunction");
        return Collector.<T, CowMap<K, V>>of(
                CowMap::new,
                (map, element) -> putUnique(map, keyFunction.apply(element), valueFunction.apply(element)),
                (left, right) -> appendMap(left, right, null));
    }

    static <T, K, V> Collector<T, ?, CowMap<K, V>> toCowMap(
            Function<? super T, ? extends K> keyFunction, Function<? super T, ? extends V> valueFunction,
            BinaryOperator<V> mergeFunction) {
        Objects.requireNonNull(keyFunction, "keyFunction");
        Objects.requireNonNull(valueFunction, "valueFunction");
        Objects.requireNonNull(mergeFunction, "mergeFunction");
        return Collector.<T, CowMap<K, V>>of(
                CowMap::new,
                (map, element) -> putMerging(map, keyFunction.apply(element), valueFunction.apply(element),
                        mergeFunction),
                (left, right) -> appendMap(left, right, mergeFunction));
    }

    private static <E> CowList<E> appendList(CowList<E> left, CowList<E> right) {
        if (left.isEmpty()) {
            return right;
        }
        left.addAll(right);
        return left;
    }

    private static <E> CowSet<E> appendSet(CowSet<E> left, CowSet<E> right) {
        if (left.isEmpty()) {
            return right;
        }
        left.addAll(right);
        return left;
    }

    /** Appends {@code right} to {@code left}; a key in both is a duplicate, or merged when {@code merge} is given. */
    private static <K, V> CowMap<K, V> appendMap(CowMap<K, V> left, CowMap<K, V> right, BinaryOperator<V> merge) {
        if (left.isEmpty()) {
            return right;
        }
        for (Map.Entry<K, V> e : right.entrySet()) {
            if (merge == null) {
                putUnique(left, e.getKey(), e.getValue());
            } else {
                putMerging(left, e.getKey(), e.getValue(), merge);
            }
        }
        return left;
    }

    /*
     * Both puts tell a new key from a present one by the size, not by the old value, because the
     * map allows null values: one lookup per element, and a second only for a duplicate.
     */

    private static <K, V> void putUnique(CowMap<K, V> map, K key, V value) {
        int sizeBefore = map.size();
        V old = map.put(key, value);
        if (map.size() == sizeBefore) {
            throw duplicateKey(key, old, value);
        }
    }

    private static <K, V> void putMerging(CowMap<K, V> map, K key, V value, BinaryOperator<V> merge) {
        int sizeBefore = map.size();
        V old = map.put(key, value);
        if (map.size() == sizeBefore) {
            map.put(key, merge.apply(old, value));
        }
    }

    /** Worded as {@code Collectors.toMap} words it. */
    private static IllegalStateException duplicateKey(Object key, Object oldValue, Object newValue) {
        return new IllegalStateException(String.format(
                "Duplicate key %s (attempted merging values %s and %s)", key, oldValue, newValue));
    }
}

package dev.cowcollections;

/**
 * The superclass of {@link CowMap}. On Java 17 it adds nothing to {@link CompactHashTable}; its
 * Java 21 variant, in {@code META-INF/versions/21} of the jar, declares
 * {@code implements SequencedMap<K, V>} and the sequenced methods, so that {@code CowMap} is a
 * {@code SequencedMap} on Java 21 and later while its own source stays one file for both.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
abstract class InsertionOrderedMap<K, V> extends CompactHashTable {

    InsertionOrderedMap() {
    }

    InsertionOrderedMap(int capacity) {
        super(capacity);
    }
}

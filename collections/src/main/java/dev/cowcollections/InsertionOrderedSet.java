package dev.cowcollections;

import java.util.AbstractSet;

/**
 * The superclass of {@link CowSet}. On Java 17 it only names the map that holds the elements;
 * its Java 21 variant, in {@code META-INF/versions/21} of the jar, declares
 * {@code implements SequencedSet<E>} and the sequenced methods over that map, so that
 * {@code CowSet} is a {@code SequencedSet} on Java 21 and later while its own source stays one
 * file for both.
 *
 * @param <E> the type of elements
 */
abstract class InsertionOrderedSet<E> extends AbstractSet<E> {

    /** The map whose keys are this set's elements, in order. */
    abstract CowMap<E, Object> elementMap();
}

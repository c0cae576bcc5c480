package dev.cowcollections;

import java.util.AbstractSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SequencedSet;

/**
 * The Java 21 variant of {@link CowSet}'s superclass: makes {@code CowSet} a
 * {@link SequencedSet} with the semantics {@code LinkedHashSet} gives it, over the sequenced
 * methods of the {@link CowMap} that holds the elements, and at their costs: {@code addFirst} of
 * an element that is not already first is O(n), {@code addLast}, {@code getFirst},
 * {@code removeFirst} and the others run in (expected, amortized) constant time, and
 * {@code reversed()} is an O(1) live view whose writes detach this set.
 *
 * @param <E> the type of elements
 */
abstract class InsertionOrderedSet<E> extends AbstractSet<E> implements SequencedSet<E> {

    /** The map whose keys are this set's elements, in order. */
    abstract CowMap<E, Object> elementMap();

    /** {@inheritDoc} A present element moves to the front. O(n) unless it is already first. */
    @Override
    public void addFirst(E e) {
        elementMap().putFirst(e, null);
    }

    /** {@inheritDoc} A present element moves to the end. */
    @Override
    public void addLast(E e) {
        elementMap().putLast(e, null);
    }

    @Override
    public E getFirst() {
        return keyOf(elementMap().firstEntry());
    }

    @Override
    public E getLast() {
        return keyOf(elementMap().lastEntry());
    }

    @Override
    public E removeFirst() {
        return keyOf(elementMap().pollFirstEntry());
    }

    @Override
    public E removeLast() {
        return keyOf(elementMap().pollLastEntry());
    }

    /** {@inheritDoc} A live view in O(1); writes through it detach this set if it is shared. */
    @Override
    public SequencedSet<E> reversed() {
        return new ReversedSetView<>(this);
    }

    private static <E> E keyOf(Map.Entry<E, Object> entry) {
        if (entry == null) {
            throw new NoSuchElementException();
        }
        return entry.getKey();
    }
}

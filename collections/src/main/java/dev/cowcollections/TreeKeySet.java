package dev.cowcollections;

import java.io.Serializable;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.SortedSet;

/**
 * The keys of a {@link CowTreeMap} or of one of its {@link TreeSubMap} views as a live
 * {@link NavigableSet}, as {@code TreeMap.KeySet} is: every call goes to the map. The key views
 * of a map do not support adding; the views of a {@link CowTreeSet} ({@code addable}) add a key
 * with the set's placeholder value, within the view's range.
 */
final class TreeKeySet<E> extends AbstractSet<E> implements NavigableSet<E>, Serializable {

    private static final long serialVersionUID = 1L;

    private final NavigableMap<E, Object> m;
    private final boolean addable;

    @SuppressWarnings("unchecked")
    TreeKeySet(NavigableMap<E, ?> m, boolean addable) {
        this.m = (NavigableMap<E, Object>) m;
        this.addable = addable;
    }

    @Override
    public Iterator<E> iterator() {
        return m instanceof CowTreeMap ? ((CowTreeMap<E, Object>) m).keyIterator() : ((TreeSubMap<E, Object>) m).keyIterator();
    }

    @Override
    public Iterator<E> descendingIterator() {
        return m instanceof CowTreeMap
                ? ((CowTreeMap<E, Object>) m).descendingKeyIterator()
                : ((TreeSubMap<E, Object>) m).descendingKeyIterator();
    }

    @Override
    public int size() {
        return m.size();
    }

    @Override
    public boolean isEmpty() {
        return m.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return m.containsKey(o);
    }

    @Override
    public void clear() {
        m.clear();
    }

    /** Adds {@code e}, for the views of a {@link CowTreeSet}; a key view of a map does not support it. */
    @Override
    public boolean add(E e) {
        if (!addable) {
            throw new UnsupportedOperationException();
        }
        return m instanceof CowTreeMap
                ? ((CowTreeMap<E, Object>) m).addKey(e, CowTreeSet.PRESENT)
                : ((TreeSubMap<E, Object>) m).addKey(e, CowTreeSet.PRESENT);
    }

    @Override
    public boolean remove(Object o) {
        return m instanceof CowTreeMap ? ((CowTreeMap<E, Object>) m).removeKey(o) : ((TreeSubMap<E, Object>) m).removeKey(o);
    }

    @Override
    public Comparator<? super E> comparator() {
        return m.comparator();
    }

    @Override
    public E first() {
        return m.firstKey();
    }

    @Override
    public E last() {
        return m.lastKey();
    }

    @Override
    public E lower(E e) {
        return m.lowerKey(e);
    }

    @Override
    public E floor(E e) {
        return m.floorKey(e);
    }

    @Override
    public E ceiling(E e) {
        return m.ceilingKey(e);
    }

    @Override
    public E higher(E e) {
        return m.higherKey(e);
    }

    @Override
    public E pollFirst() {
        return keyOrNull(m.pollFirstEntry());
    }

    @Override
    public E pollLast() {
        return keyOrNull(m.pollLastEntry());
    }

    private static <E> E keyOrNull(Map.Entry<E, ?> e) {
        return e == null ? null : e.getKey();
    }

    @Override
    public NavigableSet<E> subSet(E fromElement, boolean fromInclusive, E toElement, boolean toInclusive) {
        return new TreeKeySet<>(m.subMap(fromElement, fromInclusive, toElement, toInclusive), addable);
    }

    @Override
    public NavigableSet<E> headSet(E toElement, boolean inclusive) {
        return new TreeKeySet<>(m.headMap(toElement, inclusive), addable);
    }

    @Override
    public NavigableSet<E> tailSet(E fromElement, boolean inclusive) {
        return new TreeKeySet<>(m.tailMap(fromElement, inclusive), addable);
    }

    @Override
    public SortedSet<E> subSet(E fromElement, E toElement) {
        return subSet(fromElement, true, toElement, false);
    }

    @Override
    public SortedSet<E> headSet(E toElement) {
        return headSet(toElement, false);
    }

    @Override
    public SortedSet<E> tailSet(E fromElement) {
        return tailSet(fromElement, true);
    }

    @Override
    public NavigableSet<E> descendingSet() {
        return new TreeKeySet<>(m.descendingMap(), addable);
    }
}

package dev.cowcollections;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.SequencedSet;

/**
 * The live view that {@code CowSet.reversed()} returns: the same elements in the opposite order,
 * iterating backwards over the set's table; the ends swap, and {@code add} of a new element adds
 * it at the set's end, as {@code LinkedHashSet}'s reversed view does.
 */
final class ReversedSetView<E> extends AbstractSet<E> implements SequencedSet<E> {

    private final InsertionOrderedSet<E> set;

    ReversedSetView(InsertionOrderedSet<E> set) {
        this.set = set;
    }

    @Override
    public int size() {
        return set.size();
    }

    @Override
    public boolean contains(Object o) {
        return set.contains(o);
    }

    @Override
    public boolean add(E e) {
        return set.add(e);
    }

    @Override
    public boolean remove(Object o) {
        return set.remove(o);
    }

    @Override
    public void clear() {
        set.clear();
    }

    @Override
    public Iterator<E> iterator() {
        CowMap<E, Object> map = set.elementMap();
        return map.new DescendingCursor<E>() {
            @Override
            E element(int p) {
                return map.entryKey(p);
            }
        };
    }

    @Override
    public void addFirst(E e) {
        set.addLast(e);
    }

    @Override
    public void addLast(E e) {
        set.addFirst(e);
    }

    @Override
    public E getFirst() {
        return set.getLast();
    }

    @Override
    public E getLast() {
        return set.getFirst();
    }

    @Override
    public E removeFirst() {
        return set.removeLast();
    }

    @Override
    public E removeLast() {
        return set.removeFirst();
    }

    @Override
    public SequencedSet<E> reversed() {
        return set;
    }
}

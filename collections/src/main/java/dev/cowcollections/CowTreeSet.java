package dev.cowcollections;

import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OptionalDataException;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.SortedSet;
import java.util.stream.Collector;

/**
 * A sorted set whose copies cost O(1): an implicitly shared, copy-on-write replacement for
 * {@link java.util.TreeSet} and for the defensive copy {@code new TreeSet<>(set)}, on the
 * B+tree of {@link CowTreeMap}, whose keys are this set's elements.
 *
 * <p>{@link #copy()} returns a new handle on the same tree. The first write through a handle
 * whose tree is shared copies the nodes on the path it writes, O(log n) of them, and no other
 * handle sees the change; later writes along that path are in place. A call that changes
 * nothing (adding a present element, removing an absent one) never copies, and
 * {@link #clear()} drops the tree in O(1) and gives its shares back.
 *
 * <p>Costs: {@code add}, {@code remove}, {@code contains} and the navigation methods take
 * O(log n) time, iteration O(1) per element, amortized; {@code copy}, {@code clone},
 * {@code isShared} and the sharing constructors take O(1). Building from a {@code SortedSet}
 * with the same ordering takes O(n).
 *
 * <p>Thread safety. One handle is not thread-safe, as {@code TreeSet} is not; handles that share
 * a tree may be read and written at the same time from different threads with no
 * synchronization, each seeing only its own writes, once the copy reached the other thread
 * through a safe publication. Iterators are <i>fail-fast</i> as {@code TreeSet}'s are (with the
 * one difference {@link CowTreeMap} states: an element added or removed after the last step
 * makes {@code hasNext()} answer {@code true} and {@code next()} throw), and the
 * views ({@code subSet}, {@code headSet}, {@code tailSet}, {@code descendingSet}) are live and
 * belong to this handle. Copies are shallow: the elements are shared references.
 *
 * <p>Natural ordering rejects {@code null} elements, as {@code TreeSet} does; a comparator (or
 * {@code compareTo}) that throws leaves every handle unchanged.
 *
 * @param <E> the type of elements
 */
public final class CowTreeSet<E> extends AbstractSet<E> implements NavigableSet<E>, Cloneable, Serializable {

    private static final long serialVersionUID = 1L;

    /** The value of every key of the map behind a set. */
    static final Object PRESENT = Boolean.TRUE;

    private transient CowTreeMap<E, Object> map;

    /** An empty set in natural order. */
    public CowTreeSet() {
        map = new CowTreeMap<>();
    }

    /** An empty set ordered by {@code comparator}, or by natural ordering when it is {@code null}. */
    public CowTreeSet(Comparator<? super E> comparator) {
        map = new CowTreeMap<>(comparator);
    }

    /** For tests: an empty set whose nodes hold {@code nodeWidth} elements or children. */
    CowTreeSet(Comparator<? super E> comparator, int nodeWidth) {
        map = new CowTreeMap<>(comparator, nodeWidth);
    }

    /**
     * A set of the elements of {@code source} in natural order, as {@code new TreeSet<>(source)}.
     * A {@code CowTreeSet} in natural order is shared in O(1); a {@code SortedSet} in natural
     * order is built in O(n).
     *
     * @throws ClassCastException if the elements are not mutually comparable
     * @throws NullPointerException if {@code source} or one of its elements is null
     */
    public CowTreeSet(Collection<? extends E> source) {
        map = new CowTreeMap<>();
        addAll(source);
    }

    /**
     * A set of the elements of {@code source}, with its ordering. A {@code CowTreeSet} is shared
     * in O(1); any other sorted set is built in O(n).
     *
     * @throws NullPointerException if {@code source} is null
     */
    public CowTreeSet(SortedSet<E> source) {
        map = new CowTreeMap<>(source.comparator());
        if (source instanceof CowTreeSet) {
            ((CowTreeSet<E>) source).map.shareInto(map);
        } else {
            buildFromSorted(source);
        }
    }

    private CowTreeSet(CowTreeMap<E, Object> map) {
        this.map = map;
    }

    /** Returns an empty set in natural order. */
    public static <E extends Comparable<? super E>> CowTreeSet<E> of() {
        return new CowTreeSet<>();
    }

    /**
     * Returns a set of the given elements in natural order.
     *
     * @throws IllegalArgumentException if an element is given twice, as {@link java.util.Set#of} throws
     * @throws NullPointerException if the array or an element is null
     */
    @SafeVarargs
    public static <E extends Comparable<? super E>> CowTreeSet<E> of(E... elements) {
        CowTreeSet<E> set = new CowTreeSet<>();
        for (E e : elements) {
            if (!set.map.addKey(Objects.requireNonNull(e), PRESENT)) {
                throw new IllegalArgumentException("duplicate element: " + e);
            }
        }
        return set;
    }

    /** Returns a set of the elements of {@code source} in natural order, as {@link #CowTreeSet(Collection)}. */
    public static <E> CowTreeSet<E> copyOf(Collection<? extends E> source) {
        return new CowTreeSet<>(source);
    }

    /**
     * Returns a set of the elements of {@code source} with its ordering, as
     * {@link #CowTreeSet(SortedSet)}: a {@code CowTreeSet} is shared in O(1).
     */
    public static <E> CowTreeSet<E> copyOf(SortedSet<E> source) {
        return new CowTreeSet<>(source);
    }

    /** Returns a {@link Collector} into a new {@code CowTreeSet} in natural order. */
    public static <E extends Comparable<? super E>> Collector<E, ?, CowTreeSet<E>> toCowTreeSet() {
        return TreeCollectors.toCowTreeSet(null);
    }

    /**
     * Returns a {@link Collector} into a new {@code CowTreeSet} ordered by {@code comparator}.
     *
     * @throws NullPointerException if the comparator is null
     */
    public static <E> Collector<E, ?, CowTreeSet<E>> toCowTreeSet(Comparator<? super E> comparator) {
        return TreeCollectors.toCowTreeSet(Objects.requireNonNull(comparator));
    }

    // Sharing

    /** Returns a new handle on this set's tree, in O(1) whatever the size. */
    public CowTreeSet<E> copy() {
        return new CowTreeSet<>(map.copy());
    }

    /** Returns {@link #copy()}. */
    @Override
    public CowTreeSet<E> clone() {
        return copy();
    }

    /** Whether any part of this handle's tree may be shared with another handle. For tests and diagnostics. */
    public boolean isShared() {
        return map.isShared();
    }

    /** The map behind this set, for tests in this package. */
    CowTreeMap<E, Object> map() {
        return map;
    }

    private NavigableSet<E> keys() {
        return new TreeKeySet<>(map, true);
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
    public boolean contains(Object o) {
        return map.containsKey(o);
    }

    @Override
    public Iterator<E> iterator() {
        return map.keyIterator();
    }

    @Override
    public Iterator<E> descendingIterator() {
        return map.descendingKeyIterator();
    }

    @Override
    public Comparator<? super E> comparator() {
        return map.comparator();
    }

    @Override
    public E first() {
        return map.firstKey();
    }

    @Override
    public E last() {
        return map.lastKey();
    }

    @Override
    public E lower(E e) {
        return map.lowerKey(e);
    }

    @Override
    public E floor(E e) {
        return map.floorKey(e);
    }

    @Override
    public E ceiling(E e) {
        return map.ceilingKey(e);
    }

    @Override
    public E higher(E e) {
        return map.higherKey(e);
    }

    // Modification Operations

    /** Adds {@code e}; a present element changes nothing and never copies. */
    @Override
    public boolean add(E e) {
        return map.addKey(e, PRESENT);
    }

    /** Removes {@code o}; an absent element changes nothing and never copies. */
    @Override
    public boolean remove(Object o) {
        return map.removeKey(o);
    }

    /**
     * Adds every element of {@code c}. An empty set given a {@code CowTreeSet} with an equal
     * comparator shares its tree in O(1); given another {@code SortedSet} with an equal
     * comparator, it builds in O(n).
     */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        if (map.isEmpty() && !c.isEmpty() && c instanceof SortedSet
                && Objects.equals(map.comparator(), ((SortedSet<?>) c).comparator())) {
            if (c instanceof CowTreeSet) {
                if (c != this) {
                    map.clearTree();
                    @SuppressWarnings("unchecked")
                    CowTreeSet<E> other = (CowTreeSet<E>) c;
                    other.map.shareInto(map);
                }
                return true;
            }
            @SuppressWarnings("unchecked")
            SortedSet<E> sorted = (SortedSet<E>) c;
            buildFromSorted(sorted);
            return true;
        }
        return super.addAll(c);
    }

    private void buildFromSorted(SortedSet<E> source) {
        Object[] pairs = new Object[2 * source.size()];
        int n = 0;
        for (E e : source) {
            if (n == pairs.length) {
                pairs = java.util.Arrays.copyOf(pairs, 2 * n + 2);
            }
            pairs[n++] = e;
            pairs[n++] = PRESENT;
        }
        map.buildFromPairs(pairs, n);
    }

    /** Removes every element in O(1), giving the shares back. */
    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public E pollFirst() {
        return keys().pollFirst();
    }

    @Override
    public E pollLast() {
        return keys().pollLast();
    }

    // Views

    @Override
    public NavigableSet<E> descendingSet() {
        return keys().descendingSet();
    }

    @Override
    public NavigableSet<E> subSet(E fromElement, boolean fromInclusive, E toElement, boolean toInclusive) {
        return keys().subSet(fromElement, fromInclusive, toElement, toInclusive);
    }

    @Override
    public NavigableSet<E> headSet(E toElement, boolean inclusive) {
        return keys().headSet(toElement, inclusive);
    }

    @Override
    public NavigableSet<E> tailSet(E fromElement, boolean inclusive) {
        return keys().tailSet(fromElement, inclusive);
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

    // Comparison and hashing

    /** Compares with any {@link java.util.Set}, as {@code Set.equals} specifies; two handles on one tree are equal in O(1). */
    @Override
    public boolean equals(Object o) {
        if (o instanceof CowTreeSet && map.sameTreeAs(((CowTreeSet<?>) o).map)) {
            return true;
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    // Serialization

    /**
     * @serialData the comparator ({@code Object}, {@code null} for natural ordering), the number
     *     of elements ({@code int}), then each element in ascending order
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        int expectedModCount = map.modCount;
        out.defaultWriteObject();
        out.writeObject(map.comparator());
        out.writeInt(map.size());
        for (E e : this) {
            out.writeObject(e);
        }
        if (map.modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
    }

    /**
     * Reads what {@link #writeObject} wrote; elements out of order, repeated or not comparable, a
     * negative count or a stream that ends early are an {@link InvalidObjectException}.
     */
    @SuppressWarnings("unchecked")
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        map = new CowTreeMap<>();
        in.defaultReadObject();
        int count = -1;
        try {
            Object readComparator = in.readObject();
            if (readComparator != null && !(readComparator instanceof Comparator)) {
                throw new InvalidObjectException("comparator: not a Comparator: " + readComparator.getClass().getName());
            }
            count = in.readInt();
            if (count < 0) {
                throw new InvalidObjectException("element count: " + count + " (expected: >= 0)");
            }
            CowTreeMap<E, Object> read = new CowTreeMap<>((Comparator<? super E>) readComparator);
            CowTreeMap<E, Object>.SortedReader reader = read.new SortedReader();
            for (int i = 0; i < count; i++) {
                reader.add(in.readObject(), PRESENT);
            }
            reader.finish();
            map = read;
        } catch (EOFException | OptionalDataException | StreamCorruptedException e) {
            throw MalformedStream.endsBefore(count < 0
                    ? "its comparator and element count" : "the " + count + " elements it announced", e);
        }
    }
}

package dev.cowcollections;

import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OptionalDataException;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collector;

/**
 * A hash set whose copies cost O(1), iterating in insertion order: an implicitly shared,
 * copy-on-write replacement for {@link java.util.HashSet} and {@link java.util.LinkedHashSet},
 * and for the defensive copy {@code new HashSet<>(set)}.
 *
 * <p>{@link #copy()} returns a new handle on the same buffer and only counts the share. Each
 * handle behaves as an independent value: the first write through a handle whose buffer is
 * shared <em>detaches</em> it, copying the buffer into a private one, and the other handles see
 * nothing. A write through a handle that holds the only share happens in place. A call that
 * leaves the contents unchanged (adding a present element, removing an absent one, a
 * {@code removeIf}, {@code removeAll} or {@code retainAll} that matches nothing) never detaches.
 * {@link #clear()} on a shared handle gives its share back in O(1).
 *
 * <p>The set is a {@link CowMap} of its elements, as {@code HashSet} is a {@code HashMap}, and
 * has the map's costs: {@code add}, {@code remove} and {@code contains} in expected constant
 * time (O(log n) for {@code Comparable} elements whose hash codes all collide); {@code copy},
 * {@code clone}, {@code isShared}, the sharing constructor and {@link #copyOf(Collection)} of
 * another {@code CowSet} in constant time; the first write after a copy one copy of the buffer,
 * with no allocation per element.
 *
 * <p>Copies are shallow, like {@code new HashSet<>(set)}: the elements are shared references.
 *
 * <p>Thread safety. One handle is not thread-safe: use it from one thread at a time or
 * synchronize externally, as with {@code HashSet}. Handles that share a buffer may be read and
 * written at the same time from different threads with no synchronization at all: each sees only
 * its own writes. Actions in a thread before it calls {@code copy()} happen-before actions on the
 * copy in another thread, provided the copy reaches that thread through a safe publication.
 * {@code copy()} counts as a read, but marks the handle as shared: a thread that writes the handle
 * after other threads copied it must first synchronize with them. No method takes a lock.
 *
 * <p>The iterator is <i>fail-fast</i>: a structural change made other than through the iterator
 * itself throws {@link ConcurrentModificationException} on a best-effort basis. Copying the set,
 * or writes through other handles, never disturb an iterator.
 *
 * <p>On Java 21 and later the class is a {@code java.util.SequencedSet} (the jar is
 * multi-release): {@code addFirst}, {@code addLast}, {@code getFirst}, {@code getLast},
 * {@code removeFirst}, {@code removeLast} and the live view {@code reversed()} behave as
 * {@code LinkedHashSet}'s; {@code addFirst} of an element that is not already first costs O(n).
 *
 * <p>This class permits the {@code null} element. It is final so that no subclass can break the
 * sharing invariants.
 *
 * @param <E> the type of elements
 */
public final class CowSet<E> extends InsertionOrderedSet<E> implements Set<E>, Cloneable, Serializable {

    private static final long serialVersionUID = 1L;

    /** The elements, as keys with {@code null} values; never shared with another {@code CowSet} handle. */
    private transient CowMap<E, Object> map;

    /** An empty set. It allocates nothing until its first write. */
    public CowSet() {
        map = new CowMap<>();
    }

    /**
     * An empty set with room for {@code expectedSize} elements before its first rebuild. Unlike
     * {@code HashMap}'s, this constructor allocates that room at once.
     *
     * @throws IllegalArgumentException if {@code expectedSize} is negative
     * @throws OutOfMemoryError if {@code expectedSize} exceeds 671 088 640 (5 &times; 2<sup>27</sup>)
     *         or the room does not fit in the heap
     */
    public CowSet(int expectedSize) {
        map = new CowMap<>(expectedSize);
    }

    /**
     * A set of the elements of {@code source}, in its iteration order, without duplicates. When
     * {@code source} is a {@code CowSet}, the new set shares its buffer in O(1) instead of
     * copying it.
     *
     * @throws NullPointerException if {@code source} is null
     */
    public CowSet(Collection<? extends E> source) {
        if (source instanceof CowSet) {
            @SuppressWarnings("unchecked")
            CowSet<E> other = (CowSet<E>) source;
            map = other.map.copy();
        } else {
            map = new CowMap<>(source.size());
            for (E e : source) {
                map.addKey(e);
            }
        }
    }

    private CowSet(CowMap<E, Object> map) {
        this.map = map;
    }

    /** Returns an empty set. */
    public static <E> CowSet<E> of() {
        return new CowSet<>();
    }

    /**
     * Returns a set of the given elements, in order; the {@code null} element is allowed.
     *
     * @throws IllegalArgumentException if an element is given twice, as {@link Set#of} throws
     * @throws NullPointerException if the array is null
     */
    @SafeVarargs
    public static <E> CowSet<E> of(E... elements) {
        CowSet<E> set = new CowSet<>(elements.length);
        for (E e : elements) {
            if (!set.map.addKey(e)) {
                throw new IllegalArgumentException("duplicate element: " + e);
            }
        }
        return set;
    }

    /**
     * Returns a set of the elements of {@code source}. A {@code CowSet} is shared in O(1) (the
     * result is {@code source.copy()}); any other collection is copied, without duplicates.
     *
     * @throws NullPointerException if {@code source} is null
     */
    @SuppressWarnings("unchecked")
    public static <E> CowSet<E> copyOf(Collection<? extends E> source) {
        if (source instanceof CowSet) {
            return ((CowSet<E>) source).copy();
        }
        return new CowSet<>(source);
    }

    /**
     * Returns a {@link Collector} that collects the elements of a stream into a new
     * {@code CowSet}, in encounter order without duplicates (the first occurrence keeps its
     * place), as {@code Collectors.toCollection(LinkedHashSet::new)} does; the {@code null}
     * element is allowed.
     */
    public static <E> Collector<E, ?, CowSet<E>> toCowSet() {
        return CowCollectors.toCowSet();
    }

    // Sharing

    /**
     * Returns a new handle on this set's buffer, in O(1) whatever the size. The two handles are
     * independent values from now on: the first write through either one detaches it.
     */
    public CowSet<E> copy() {
        return new CowSet<>(map.copy());
    }

    /** Returns {@link #copy()}: a new handle on the same buffer, in O(1). */
    @Override
    public CowSet<E> clone() {
        return copy();
    }

    /**
     * Whether this handle's buffer is shared with another handle, so that the next write through
     * it will copy. Empty sets that never held an element share one static buffer, so they answer
     * {@code true}. For tests and diagnostics.
     */
    public boolean isShared() {
        return map.isShared();
    }

    /** The count of this handle's buffer, for tests in this package. */
    RefCount refCount() {
        return map.refCount();
    }

    @Override
    CowMap<E, Object> elementMap() {
        return map;
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

    /** A late-binding, fail-fast spliterator: {@code SIZED}, {@code DISTINCT}, {@code ORDERED}. */
    @Override
    public Spliterator<E> spliterator() {
        return Spliterators.spliterator(this, Spliterator.ORDERED | Spliterator.DISTINCT);
    }

    @Override
    public Object[] toArray() {
        return map.copyHalfInto(new Object[map.size()], 0);
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return map.copyHalfInto(a, 0);
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        map.forEach((e, unused) -> action.accept(e));
    }

    // Modification Operations

    /** Adds {@code e} at the end of the iteration order; a present element changes nothing and never detaches. */
    @Override
    public boolean add(E e) {
        return map.addKey(e);
    }

    /** Removes {@code o}; an absent element changes nothing and never detaches. */
    @Override
    public boolean remove(Object o) {
        return map.removeKey(o);
    }

    /**
     * Removes every element. On a shared handle this gives the share back and points the handle
     * at the static empty buffer, in O(1).
     */
    @Override
    public void clear() {
        map.clear();
    }

    /**
     * Removes the elements that {@code filter} accepts, in iteration order; matching nothing never
     * detaches. The removals made before a filter throws stay made, as in {@code HashSet}.
     */
    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return map.removeKeysIf(filter);
    }

    /** Removes the elements that {@code c} contains; matching nothing never detaches. */
    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return map.removeKeysIf(c::contains);
    }

    /** Keeps only the elements that {@code c} contains; keeping all never detaches. */
    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return map.removeKeysIf(e -> !c.contains(e));
    }

    // Comparison and hashing

    /**
     * Compares with any {@link Set}, as {@code Set.equals} specifies. Two handles on one buffer
     * are equal in O(1).
     */
    @Override
    public boolean equals(Object o) {
        if (o instanceof CowSet && map.sameBufferAs(((CowSet<?>) o).map)) {
            return true;
        }
        return super.equals(o);
    }

    // Serialization

    /**
     * @serialData the number of elements ({@code int}), then each element in iteration order
     *     ({@code Object})
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(map.size());
        for (E e : this) {
            out.writeObject(e);
        }
    }

    /**
     * Reads what {@link #writeObject} wrote, trusting the count only as far as elements arrive;
     * a count the stream does not honour, or a repeated element, is an
     * {@link InvalidObjectException}.
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        // Until its elements are in, this is a valid empty set, never a half-built one.
        map = new CowMap<>();
        in.defaultReadObject();
        int count = -1;
        try {
            count = CompactHashTable.checkSerialCount(in.readInt(), "element");
            SerialFilter.checkArray(in, Object[].class, 2 * count);
            CowMap<E, Object> read = new CowMap<>();
            read.startDeserializedTable(count);
            for (int i = 0; i < count; i++) {
                read.insertDeserialized(in.readObject(), null, count);
            }
            map = read;
        } catch (EOFException | OptionalDataException | StreamCorruptedException e) {
            throw MalformedStream.endsBefore(count < 0
                    ? "its element count" : "the " + count + " elements it announced", e);
        }
    }
}

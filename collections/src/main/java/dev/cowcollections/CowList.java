package dev.cowcollections;

import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OptionalDataException;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collector;

/**
 * A resizable-array list whose copies cost O(1): an implicitly shared, copy-on-write
 * replacement for {@link java.util.ArrayList} and for the defensive copy
 * {@code new ArrayList<>(list)}.
 *
 * <p>{@link #copy()} returns a new handle on the same buffer and only counts the share. Each
 * handle behaves as an independent value: the first write through a handle whose buffer is
 * shared <em>detaches</em> it, copying the buffer into a private one, and the other handles see
 * nothing. A write through a handle that holds the only share happens in place, as in
 * {@code ArrayList}. A call that leaves the contents unchanged (removing an absent element, a
 * {@code removeIf} that matches nothing, a {@code sort} of a sorted list, setting an element to
 * the same reference) never detaches. {@link #clear()} on a shared handle gives its share back in
 * O(1).
 *
 * <p>Costs: {@code size}, {@code isEmpty}, {@code get}, {@code set} on an unshared handle,
 * {@code iterator} and {@code listIterator} run in constant time; {@code add} runs in amortized
 * constant time; {@code copy}, {@code clone}, {@code isShared}, the sharing constructor and
 * {@link #copyOf(Collection)} of another {@code CowList} run in constant time, whatever the size.
 * The first write after a copy costs one copy of the buffer, O(n), the price
 * {@code new ArrayList<>(list)} pays up front; the writes after it are in place again. All
 * other operations run in linear time, as {@code ArrayList}'s do.
 *
 * <p>Large lists. A list that grows beyond 4 096 elements is stored in pages of 512 elements
 * under a directory (and back in one array when it shrinks to 2 048). Its {@code copy()} is still
 * O(1); the first write after a copy copies the directory, about n / 512 references, and the
 * pages it writes, each once, so a write to a copy of a million elements copies some 2 500
 * references instead of a million; the writes after it are in place. A random {@code get} reads
 * the directory before the page, and iteration walks page by page. The layout never shows in
 * results, {@code equals}, iteration order or the serialized form.
 *
 * <p>Copies are shallow, like {@code new ArrayList<>(list)}: the elements themselves are shared
 * references. A mutable element (a {@code CowList} inside a {@code CowList}, say) is changed for
 * every list that holds it; copy the element before changing it to keep the lists independent.
 *
 * <p>Thread safety. One handle is not thread-safe: use it from one thread at a time or
 * synchronize externally, as with {@code ArrayList}. Handles that share a buffer, though, may be
 * read and written at the same time from different threads with no synchronization at all: each
 * sees only its own writes. Memory consistency effects: actions in a thread before it calls
 * {@code copy()} happen-before actions on the copy in another thread, provided the copy reaches
 * that thread through a safe publication (a concurrent queue, a volatile or final field,
 * {@code Thread.start}). {@code copy()} counts as a read: any number of threads may copy a handle
 * that no thread writes. It does mark the handle as shared, so a thread that writes the handle
 * after other threads copied it must first synchronize with them (join them, or take their
 * copies back through a safe publication), as for any later use of one handle across threads.
 * No method takes a lock.
 *
 * <p>The iterators returned by {@link #iterator()} and {@link #listIterator()}, and the
 * spliterator, are <i>fail-fast</i> as {@code ArrayList}'s are: a structural change made other
 * than through the iterator itself throws {@link ConcurrentModificationException} on a best-effort
 * basis. Copying the list, or writes through other handles, never disturb an iterator.
 *
 * <p>This class permits {@code null} elements. It is final so that no subclass can break the
 * sharing invariants.
 *
 * @param <E> the type of elements
 */
public final class CowList<E> extends AbstractList<E>
        implements List<E>, RandomAccess, Cloneable, Serializable {

    /*
     * Implementation notes.
     *
     * A handle holds the array `elements`, its own `size` and the RefCount of that array. Handles
     * that share an array always have the same size, because nobody writes into a shared array:
     * every write first makes its handle the only holder (isUnique), detaching if needed. Slots
     * at or beyond `size` are always null, in shared arrays too, so a detach may copy a prefix of
     * any length >= size.
     *
     * A detach reads the old array completely, then releases the old share (release ordering);
     * see RefCount for why a sibling that then sees itself unique cannot tear the copy.
     *
     * `knownUnique` caches a positive uniqueness test: the count can only leave 1 through this
     * handle's own copy(), which clears the flag. The hot paths (add, set) test a field of the
     * handle, as ArrayList tests its capacity; the acquire read happens once per detach.
     *
     * A detach does the write's own work in the same pass: an insertion copies around its gap,
     * a removal copies around the removed range, a removeIf copies the survivors. No write ever
     * copies twice.
     *
     * Two layouts. Up to PageDirectory.pagedAbove() elements (4 096) a list is flat, as above.
     * A list that must grow beyond it moves into pages: `elements` becomes PAGED_ELEMENTS, an
     * empty array, and `refCount` the PageDirectory, which counts the shares of the directory.
     * Because a paged handle's `elements` is empty, the single test `index < elements.length`
     * that get, set and add make both picks the layout and bounds the flat read, so the flat
     * hot paths cost what they cost before pages existed (the JIT drops the array's own bounds
     * check, dominated by that test). A paged list that shrinks to half the threshold goes flat
     * again, so that a list hovering at the threshold does not convert back and forth.
     * PageDirectory explains which pages a write may touch in place; here, every paged write
     * first makes the directory unique (isUnique, else detachPages) and then asks the directory
     * for writable pages. `knownUnique` keeps its meaning in both layouts: the directory (not
     * every page) is unique. A handle that learns that the hard way (becameUnique) disowns its
     * pages, since a sibling may have taken their references into its own directory.
     *
     * Loops that call user code walk pages through a PageCursor, which re-reads its page when a
     * write through the handle copied a page or detached it (PageDirectory#pageSwaps).
     */

    private static final long serialVersionUID = 1L;

    /** The capacity of the first private buffer of a list that starts empty. */
    private static final int DEFAULT_CAPACITY = 10;

    /** The buffer of every empty list that has no capacity of its own; immortal. */
    private static final Object[] EMPTY_ELEMENTS = {};

    /**
     * The elements of every paged handle. It is empty, so that {@code index < elements.length}
     * holds exactly for flat handles; it is never written.
     */
    private static final Object[] PAGED_ELEMENTS = {};

    /** Reads up to this many elements before a deserialized list trusts the stream further. */
    private static final int FIRST_READ_CAPACITY = 1024;

    private transient Object[] elements;
    private transient int size;
    private transient RefCount refCount;
    private transient boolean knownUnique;

    /** An empty list. It allocates nothing until its first write. */
    public CowList() {
        elements = EMPTY_ELEMENTS;
        refCount = RefCount.IMMORTAL;
    }

    /**
     * An empty list with room for {@code initialCapacity} elements.
     *
     * @throws IllegalArgumentException if {@code initialCapacity} is negative
     */
    public CowList(int initialCapacity) {
        if (Checks.checkCapacity(initialCapacity) == 0) {
            elements = EMPTY_ELEMENTS;
            refCount = RefCount.IMMORTAL;
        } else if (initialCapacity > PageDirectory.pagedAbove()) {
            adoptDirectory(PageDirectory.allocate(0, initialCapacity), 0);
        } else {
            elements = new Object[initialCapacity];
            refCount = new RefCount();
            knownUnique = true;
        }
    }

    /**
     * A list of the elements of {@code source}, in its iteration order. When {@code source} is a
     * {@code CowList}, the new list shares its buffer in O(1) instead of copying it.
     *
     * @throws NullPointerException if {@code source} is null
     */
    public CowList(Collection<? extends E> source) {
        if (source instanceof CowList) {
            shareWith((CowList<?>) source);
        } else {
            adoptCopyOf(source);
        }
    }

    /** Returns an empty list. */
    public static <E> CowList<E> of() {
        return new CowList<>();
    }

    /**
     * Returns a list of the given elements, in order; {@code null} elements are allowed.
     *
     * @throws NullPointerException if the array is null
     */
    @SafeVarargs
    public static <E> CowList<E> of(E... elements) {
        CowList<E> list = new CowList<>();
        list.adoptArray(Arrays.copyOf(elements, elements.length, Object[].class));
        return list;
    }

    /**
     * Returns a list of the elements of {@code source}. A {@code CowList} is shared in O(1) (the
     * result is {@code source.copy()}); any other collection is copied.
     *
     * @throws NullPointerException if {@code source} is null
     */
    @SuppressWarnings("unchecked")
    public static <E> CowList<E> copyOf(Collection<? extends E> source) {
        if (source instanceof CowList) {
            return ((CowList<E>) source).copy();
        }
        return new CowList<>(source);
    }

    /**
     * Returns a {@link Collector} that collects the elements of a stream into a new
     * {@code CowList}, in encounter order, as {@code Collectors.toList()} does into an
     * {@code ArrayList}; {@code null} elements are allowed. A parallel stream collects each chunk
     * into its own list and appends them in order.
     */
    public static <E> Collector<E, ?, CowList<E>> toCowList() {
        return CowCollectors.toCowList();
    }

    // Sharing

    /**
     * Returns a new handle on this list's buffer, in O(1) whatever the size. The two handles are
     * independent values from now on: the first write through either one detaches it.
     */
    public CowList<E> copy() {
        CowList<E> copy = new CowList<>();
        copy.shareWith(this);
        return copy;
    }

    /** Returns {@link #copy()}: a new handle on the same buffer, in O(1). */
    @Override
    public CowList<E> clone() {
        return copy();
    }

    /**
     * Whether this handle's buffer is shared with another handle, so that the next write through
     * it will copy. Empty lists that never held an element share one static buffer, so they
     * answer {@code true}. For tests and diagnostics.
     */
    public boolean isShared() {
        if (isPaged()) {
            // Pages a sibling may still hold stay shared after the directory is unique again.
            return !knownUnique || !directory().ownsPages(directory().pageCount(size));
        }
        return !knownUnique && !refCount.isUniqueAcquire();
    }

    /** Whether this handle holds the paged layout, for tests in this package. */
    boolean isPaged() {
        return elements == PAGED_ELEMENTS;
    }

    /**
     * Test hook: the arrays that hold this handle's elements, in order: its pages, or its one flat
     * buffer. Tests compare them by reference to prove that a write left a sibling's storage alone.
     */
    List<Object[]> storageForTesting() {
        if (!isPaged()) {
            return List.<Object[]>of(elements);
        }
        PageDirectory directory = directory();
        return Arrays.asList(Arrays.copyOf(directory.pages, directory.pageCount(size)));
    }

    /** The directory of a paged handle. */
    private PageDirectory directory() {
        return (PageDirectory) refCount;
    }

    /**
     * Test hook: a paged list of {@code source}'s elements in pages of {@code 1 << pageShift},
     * whatever its size.
     */
    static <E> CowList<E> pagedForTesting(Collection<? extends E> source, int pageShift) {
        Object[] array = source.toArray();
        CowList<E> list = new CowList<>();
        PageDirectory directory = PageDirectory.allocate(array.length, array.length, pageShift);
        directory.copyIn(array, 0, 0, array.length);
        list.adoptDirectory(directory, array.length);
        return list;
    }

    /** The count of this handle's buffer, for tests in this package. */
    RefCount refCount() {
        return refCount;
    }

    private void shareWith(CowList<?> source) {
        if (source.knownUnique) {
            source.knownUnique = false;
        }
        RefCount sourceCount = source.refCount;
        sourceCount.retain();
        elements = source.elements;
        size = source.size;
        refCount = sourceCount;
    }

    private void adoptCopyOf(Collection<?> source) {
        Object[] array = source.toArray();
        if (source.getClass() != ArrayList.class) {
            // toArray of an arbitrary collection may return a typed array, or keep a reference
            array = Arrays.copyOf(array, array.length, Object[].class);
        }
        adoptArray(array);
    }

    /**
     * Makes a list under construction hold {@code array}, which nobody else holds; an empty one
     * leaves the list on the static empty buffer.
     */
    private void adoptArray(Object[] array) {
        if (array.length == 0) {
            elements = EMPTY_ELEMENTS;
            refCount = RefCount.IMMORTAL;
        } else if (array.length > PageDirectory.pagedAbove()) {
            PageDirectory directory = PageDirectory.allocate(array.length, array.length);
            directory.copyIn(array, 0, 0, array.length);
            adoptDirectory(directory, array.length);
        } else {
            elements = array;
            size = array.length;
            refCount = new RefCount();
            knownUnique = true;
        }
    }

    /** Makes a list under construction hold {@code directory}, which nobody else holds. */
    private void adoptDirectory(PageDirectory directory, int newSize) {
        elements = PAGED_ELEMENTS;
        refCount = directory;
        size = newSize;
        knownUnique = true;
    }

    /**
     * Whether this handle may write into its buffer in place (paged: into its directory, and into
     * the pages the directory owns).
     */
    private boolean isUnique() {
        return knownUnique || becameUnique();
    }

    /** The count test behind {@link #isUnique()}, for a handle not known to be unique. */
    private boolean becameUnique() {
        if (!refCount.isUniqueAcquire()) {
            return false;
        }
        knownUnique = true;
        if (isPaged()) {
            // While the count was above one a sibling may have copied the page references.
            directory().disownAll();
        }
        return true;
    }

    /**
     * Points the handle at new private storage, {@code newElements} counted by {@code newCount},
     * after a detach or a change of layout, then gives back the share of the old storage. The
     * caller has finished reading it.
     */
    private void replaceStorage(Object[] newElements, RefCount newCount) {
        RefCount oldCount = refCount;
        elements = newElements;
        refCount = newCount;
        knownUnique = true;
        oldCount.release();
    }

    /**
     * Makes {@code fresh}, which holds this list's contents after a write, the handle's private
     * buffer, then gives back the share of the old one. The caller has finished reading it.
     */
    private Object[] detachTo(Object[] fresh) {
        CopyEvents.detached(CowList.class, CopyEvents.BUFFER, refCount, Math.min(size, fresh.length), CopyEvents.referenceBytes(Math.min(size, fresh.length)));
        replaceStorage(fresh, new RefCount());
        return fresh;
    }

    /**
     * Detaches a paged handle: a private directory over the same pages, owning none of them, with
     * room for {@code capacityPages}; O(size / page), no page is copied.
     */
    private PageDirectory detachPages(int capacityPages) {
        PageDirectory shared = directory();
        PageDirectory fresh = shared.detachedCopy(shared.pageCount(size), capacityPages);
        CopyEvents.detached(CowList.class, CopyEvents.PAGES, shared, 0, CopyEvents.referenceBytes(shared.pageCount(size)));
        replaceStorage(PAGED_ELEMENTS, fresh);
        return fresh;
    }

    /** The directory of a paged handle, made unique first: the start of every paged write. */
    private PageDirectory writableDirectory() {
        return isUnique() ? directory() : detachPages(0);
    }

    /**
     * Moves a flat list into pages, with {@code [index, index + count)} opened (its slots left
     * unwritten) and directory room for {@code capacity} elements; a detach too when shared.
     */
    private PageDirectory pageWithGap(int index, int count, int capacity) {
        int s = size;
        Object[] old = elements;
        PageDirectory paged = PageDirectory.allocate(s + count, Math.max(capacity, s + count));
        paged.copyIn(old, 0, 0, index);
        paged.copyIn(old, index, index + count, s - index);
        recordLayoutChangeDetach(CopyEvents.PAGES, s);
        replaceStorage(PAGED_ELEMENTS, paged);
        return paged;
    }

    /**
     * Moves a paged list that shrinks to {@code newSize} into a flat buffer: its elements before
     * {@code from} and from {@code to} on. A detach too when shared.
     */
    private void flattenWithout(int from, int to, int newSize) {
        PageDirectory old = directory();
        Object[] flat = new Object[newSize];
        old.copyOut(0, flat, 0, from);
        old.copyOut(to, flat, from, size - to);
        recordLayoutChangeDetach(CopyEvents.BUFFER, newSize);
        replaceStorage(flat, new RefCount());
    }

    /**
     * A change of layout copies every element it keeps into new storage; on a shared handle that
     * copy is also its detach, and is recorded as one. Called before the storage is replaced.
     */
    private void recordLayoutChangeDetach(String layout, int copied) {
        if (!isUnique()) {
            CopyEvents.detached(CowList.class, layout, refCount, copied, CopyEvents.referenceBytes(copied));
        }
    }

    /** Detaches for a write that keeps the size: a private copy of exactly the elements. */
    private Object[] detach() {
        return detachTo(Arrays.copyOf(elements, size));
    }

    /**
     * Detaches for an insertion: a private copy with room for {@code count} more elements,
     * opened at {@code index}.
     */
    private Object[] detachOpening(int index, int count) {
        int s = size;
        Object[] old = elements;
        int capacity = capacityFor(s, count);
        Object[] fresh;
        if (index == s) {
            fresh = Arrays.copyOf(old, capacity);
        } else {
            fresh = new Object[capacity];
            System.arraycopy(old, 0, fresh, 0, index);
            System.arraycopy(old, index, fresh, index + count, s - index);
        }
        return detachTo(fresh);
    }

    /** Detaches for a removal: a private copy without the elements in {@code [from, to)}. */
    private void detachClosing(int from, int to) {
        int s = size;
        Object[] old = elements;
        Object[] fresh = new Object[s - (to - from)];
        System.arraycopy(old, 0, fresh, 0, from);
        System.arraycopy(old, to, fresh, from, s - to);
        detachTo(fresh);
    }

    /**
     * Opens {@code [index, index + count)} for an insertion and returns the buffer to write it
     * into: in place when unique (growing a full buffer), in a detached copy otherwise.
     */
    private Object[] openGap(int index, int count) {
        if (isPaged()) {
            openPagedGap(index, count);
            return null;
        }
        int s = size;
        Object[] es = elements;
        if (count > es.length - s && count > PageDirectory.pagedAbove() - s) {
            pageWithGap(index, count, ArrayGrowth.grow(s, count));
            return null;
        }
        if (!isUnique()) {
            return detachOpening(index, count);
        }
        if (count > es.length - s) {
            es = elements = Arrays.copyOf(es, capacityFor(s, count));
        }
        System.arraycopy(es, index, es, index + count, s - index);
        return es;
    }

    /**
     * Opens {@code [index, index + count)} in a paged list, detaching its directory when shared:
     * the pages from the one holding {@code index} on are made writable (copied when shared), new
     * pages are added at the end, and the elements from {@code index} on move right. The gap's
     * slots are left for the caller to write through {@link PageDirectory#set} or
     * {@link PageDirectory#copyIn}.
     */
    private void openPagedGap(int index, int count) {
        int s = size;
        int newSize = s + count;
        if (newSize < 0) {
            ArrayGrowth.grow(s, count);
        }
        PageDirectory directory = writableDirectory();
        int oldPages = directory.pageCount(s);
        directory.makeWritable(index >>> directory.pageShift, oldPages, CowList.class);
        directory.addPages(oldPages, directory.pageCount(newSize));
        directory.move(index, index + count, s - index);
    }

    /** The capacity of a flat buffer that holds {@code count} elements more than {@code size}. */
    private int capacityFor(int size, int count) {
        int length = elements.length;
        // A flat buffer grows up to the paging threshold; beyond it the list moves into pages.
        int ceiling = Math.max(size + count, PageDirectory.pagedAbove());
        if (length == 0) {
            return Math.min(Math.max(DEFAULT_CAPACITY, count), ceiling);
        }
        if (count <= length - size) {
            return length;
        }
        return Math.min(ArrayGrowth.grow(length, count - (length - size)), ceiling);
    }

    // Query Operations

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public E get(int index) {
        Objects.checkIndex(index, size);
        Object[] es = elements;
        if (index < es.length) {
            return elementAt(es, index);
        }
        return pagedElement(index);
    }

    @SuppressWarnings("unchecked")
    private E pagedElement(int index) {
        return (E) directory().get(index);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public int indexOf(Object o) {
        return indexOfRange(o, 0, size);
    }

    @Override
    public int lastIndexOf(Object o) {
        return lastIndexOfRange(o, 0, size);
    }

    int indexOfRange(Object o, int from, int to) {
        if (isPaged()) {
            return pagedIndexOfRange(o, from, to);
        }
        if (o == null) {
            Object[] es = elements;
            for (int i = from; i < to; i++) {
                if (es[i] == null) {
                    return i;
                }
            }
        } else {
            for (int i = from; i < to; i++) {
                if (o.equals(currentElement(i))) {
                    return i;
                }
            }
        }
        return -1;
    }

    // The paged loops call equals at their own call sites rather than through Objects.equals,
    // whose profile the whole JDK pollutes: there it is a virtual call, never inlined.

    private int pagedIndexOfRange(Object o, int from, int to) {
        if (o == null) {
            PageCursor pages = new PageCursor();
            for (int i = from; i < to; i++) {
                if (pages.current(i) == null) {
                    return i;
                }
            }
        } else {
            for (int i = from; i < to; ) {
                PageDirectory directory = directoryHolding(i);
                int shift = directory.pageShift;
                Object[] page = directory.pages[i >>> shift];
                int pageStart = i >>> shift << shift;
                int swaps = directory.pageSwaps;
                int end = Math.min(to, pageStart + page.length);
                while (i < end) {
                    if (o.equals(page[i - pageStart])) {
                        return i;
                    }
                    i++;
                    if (refCount != directory || directory.pageSwaps != swaps) {
                        break;
                    }
                }
            }
        }
        return -1;
    }

    int lastIndexOfRange(Object o, int from, int to) {
        if (isPaged()) {
            return pagedLastIndexOfRange(o, from, to);
        }
        if (o == null) {
            Object[] es = elements;
            for (int i = to - 1; i >= from; i--) {
                if (es[i] == null) {
                    return i;
                }
            }
        } else {
            for (int i = to - 1; i >= from; i--) {
                if (o.equals(currentElement(i))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private int pagedLastIndexOfRange(Object o, int from, int to) {
        PageCursor pages = new PageCursor();
        if (o == null) {
            for (int i = to - 1; i >= from; i--) {
                if (pages.current(i) == null) {
                    return i;
                }
            }
        } else {
            for (int i = to - 1; i >= from; i--) {
                if (o.equals(pages.current(i))) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public Object[] toArray() {
        if (isPaged()) {
            Object[] array = new Object[size];
            directory().copyOut(0, array, 0, size);
            return array;
        }
        return Arrays.copyOf(elements, size);
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return toArrayRange(a, 0, size);
    }

    @SuppressWarnings("unchecked")
    <T> T[] toArrayRange(T[] a, int from, int to) {
        int length = to - from;
        if (isPaged()) {
            T[] target = a.length < length
                    ? (T[]) java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), length) : a;
            directory().copyOut(from, target, 0, length);
            if (target.length > length) {
                target[length] = null;
            }
            return target;
        }
        if (a.length < length) {
            return (T[]) Arrays.copyOfRange(elements, from, to, a.getClass());
        }
        System.arraycopy(elements, from, a, 0, length);
        if (a.length > length) {
            a[length] = null;
        }
        return a;
    }

    // Modification Operations

    /**
     * Replaces the element at {@code index}. Setting the reference already there changes nothing
     * and never detaches.
     *
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    @Override
    public E set(int index, E element) {
        Objects.checkIndex(index, size);
        Object[] es = elements;
        if (!knownUnique || index >= es.length) {
            return setMaybeShared(index, element);
        }
        E old = elementAt(es, index);
        es[index] = element;
        return old;
    }

    private E setMaybeShared(int index, E element) {
        if (isPaged()) {
            return setPaged(index, element);
        }
        Object[] es = elements;
        E old = elementAt(es, index);
        if (!isUnique()) {
            if (old == element) {
                return old;
            }
            es = detach();
        }
        es[index] = element;
        return old;
    }

    /**
     * A paged {@code set}: writes into the page in place when this handle's directory is unique and
     * owns the page; otherwise it copies the directory (when shared) and the page first.
     */
    private E setPaged(int index, E element) {
        PageDirectory directory = directory();
        @SuppressWarnings("unchecked")
        E old = (E) directory.get(index);
        if (old != element) {
            directory = writableDirectory();
            directory.writablePage(index >>> directory.pageShift, CowList.class)[index & directory.pageMask] = element;
        }
        return old;
    }

    @Override
    public boolean add(E e) {
        modCount++;
        append(e, elements, size);
        return true;
    }

    /**
     * ArrayList's shape: a small method for the common case, so that add inlines everywhere. A
     * paged handle's empty {@code elements} sends it to the slow path.
     */
    private void append(E e, Object[] es, int s) {
        if (!knownUnique || s >= es.length) {
            appendSlowly(e, s);
            return;
        }
        es[s] = e;
        size = s + 1;
    }

    private void appendSlowly(E e, int s) {
        if (knownUnique && isPaged() && directory().appendInPlace(s, e)) {
            size = s + 1;
            return;
        }
        Object[] es = openGap(s, 1);
        if (es != null) {
            es[s] = e;
        } else {
            directory().set(s, e);
        }
        size = s + 1;
    }

    /**
     * Inserts {@code element} at {@code index}, shifting the elements from there on right.
     *
     * @throws IndexOutOfBoundsException if {@code index < 0 || index > size()}
     */
    @Override
    public void add(int index, E element) {
        Checks.checkPositionIndex(index, size);
        modCount++;
        int s = size;
        Object[] es = openGap(index, 1);
        if (es != null) {
            es[index] = element;
        } else {
            directory().set(index, element);
        }
        size = s + 1;
    }

    /**
     * Removes the element at {@code index}, shifting the elements after it left.
     *
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    @Override
    public E remove(int index) {
        E old = get(index);
        removeAt(index);
        return old;
    }

    /** Removes the first occurrence of {@code o}; an absent element changes nothing. */
    @Override
    public boolean remove(Object o) {
        int index = indexOf(o);
        if (index < 0) {
            return false;
        }
        removeAt(index);
        return true;
    }

    private void removeAt(int index) {
        modCount++;
        if (isPaged()) {
            removePagedRange(index, index + 1);
            return;
        }
        if (isUnique()) {
            Object[] es = elements;
            int newSize = size - 1;
            System.arraycopy(es, index + 1, es, index, newSize - index);
            es[newSize] = null;
        } else {
            detachClosing(index, index + 1);
        }
        size--;
    }

    /**
     * Removes every element. On a shared handle this gives the share back and points the handle
     * at the static empty buffer, in O(1); on an unshared one it clears the buffer in place.
     */
    @Override
    public void clear() {
        modCount++;
        int s = size;
        if (s == 0) {
            return;
        }
        boolean unique = isUnique();
        if (unique && !isPaged()) {
            Arrays.fill(elements, 0, s, null);
        } else if (unique) {
            // An empty list is flat: a unique paged list drops its pages for a small flat buffer.
            replaceStorage(new Object[DEFAULT_CAPACITY], new RefCount());
        } else {
            RefCount oldCount = refCount;
            elements = EMPTY_ELEMENTS;
            refCount = RefCount.IMMORTAL;
            knownUnique = false;
            oldCount.release();
        }
        size = 0;
    }

    /**
     * Appends the elements of {@code c} in its iteration order. When {@code c} is this list, its
     * elements are appended once.
     *
     * @throws NullPointerException if {@code c} is null
     * @throws OutOfMemoryError if the size would exceed the longest array the VM allows
     */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        return insertAll(size, c) != 0;
    }

    /**
     * Inserts the elements of {@code c} at {@code index}, in its iteration order.
     *
     * @throws IndexOutOfBoundsException if {@code index < 0 || index > size()}
     * @throws NullPointerException if {@code c} is null
     */
    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        Checks.checkPositionIndex(index, size);
        return insertAll(index, c) != 0;
    }

    /** Inserts the elements of {@code c} at a checked {@code index}; returns how many. */
    int insertAll(int index, Collection<? extends E> c) {
        Object[] added = c.toArray();
        modCount++;
        int count = added.length;
        if (count == 0) {
            return 0;
        }
        int s = size;
        Object[] es = openGap(index, count);
        if (es != null) {
            System.arraycopy(added, 0, es, index, count);
        } else {
            directory().copyIn(added, 0, index, count);
        }
        size = s + count;
        return count;
    }

    /**
     * Removes the elements in {@code [fromIndex, toIndex)}; an empty range changes nothing.
     *
     * @throws IndexOutOfBoundsException if {@code fromIndex > toIndex} or either is out of range
     */
    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        modCount++;
        if (fromIndex == toIndex) {
            return;
        }
        if (isPaged()) {
            removePagedRange(fromIndex, toIndex);
            return;
        }
        if (isUnique()) {
            Object[] es = elements;
            int s = size;
            System.arraycopy(es, toIndex, es, fromIndex, s - toIndex);
            Arrays.fill(es, s - (toIndex - fromIndex), s, null);
        } else {
            detachClosing(fromIndex, toIndex);
        }
        size -= toIndex - fromIndex;
    }

    /**
     * Removes {@code [from, to)} from a paged list: the pages from the one holding {@code from} on
     * are made writable and the tail moves left; emptied pages leave the directory. A list that
     * shrinks to {@link PageDirectory#flatAtMost()} goes flat.
     */
    private void removePagedRange(int from, int to) {
        int s = size;
        int newSize = s - (to - from);
        if (newSize <= PageDirectory.flatAtMost()) {
            flattenWithout(from, to, newSize);
        } else {
            PageDirectory directory = writableDirectory();
            int newPages = directory.pageCount(newSize);
            directory.makeWritable(from >>> directory.pageShift, newPages, CowList.class);
            directory.move(to, from, s - to);
            closePagedTail(directory, newSize, s);
        }
        size = newSize;
    }

    /** Nulls the slots from {@code newSize} on in the pages kept, and drops the pages beyond them. */
    private static void closePagedTail(PageDirectory directory, int newSize, int oldSize) {
        int newPages = directory.pageCount(newSize);
        directory.clear(newSize, Math.min(oldSize, newPages << directory.pageShift));
        directory.dropPages(newPages, directory.pageCount(oldSize));
    }

    /**
     * Removes every element that {@code filter} accepts. The filter sees every element before
     * anything is removed, so a filter that throws leaves the list unchanged, and a filter that
     * matches nothing never detaches.
     */
    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return removeIf(filter, 0, size);
    }

    /**
     * Removes the elements of this list that {@code c} contains; matching nothing never detaches.
     * {@code c.contains} sees every element before anything is removed, so if it throws, the list
     * is unchanged ({@code ArrayList} keeps the removals made before the throw).
     */
    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return removeIf(c::contains, 0, size);
    }

    /**
     * Keeps only the elements of this list that {@code c} contains; keeping all never detaches.
     * If {@code c.contains} throws, the list is unchanged, as with {@link #removeAll}.
     */
    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return removeIf(e -> !c.contains(e), 0, size);
    }

    /**
     * Removes the elements in {@code [from, to)} that {@code filter} accepts. Like
     * {@code ArrayList}, it tests every element first, tolerating a filter that reads the list,
     * then compacts in a second pass: in place when unique, into the detached copy otherwise.
     */
    boolean removeIf(Predicate<? super E> filter, int from, int to) {
        Objects.requireNonNull(filter);
        int expectedModCount = modCount;
        PageCursor pages = new PageCursor();
        int first = from;
        while (first < to && !filter.test(pages.current(first))) {
            first++;
        }
        if (first == to) {
            checkForComodification(expectedModCount);
            return false;
        }
        long[] removed = new long[((to - first - 1) >> 6) + 1];
        removed[0] = 1L;
        for (int i = first + 1; i < to; i++) {
            if (filter.test(pages.current(i))) {
                removed[(i - first) >> 6] |= 1L << (i - first);
            }
        }
        checkForComodification(expectedModCount);
        modCount++;
        // The filter may have detached this handle through set(): write only to what it holds now.
        Object[] es = elements;
        int s = size;
        int removedCount = 0;
        for (long word : removed) {
            removedCount += Long.bitCount(word);
        }
        if (isPaged()) {
            removePagedIf(removed, first, to, removedCount);
            return true;
        }
        Object[] target = isUnique() ? es : new Object[s - removedCount];
        if (target != es) {
            System.arraycopy(es, 0, target, 0, first);
        }
        int w = first;
        for (int i = first; i < to; i++) {
            if ((removed[(i - first) >> 6] & (1L << (i - first))) == 0) {
                target[w++] = es[i];
            }
        }
        System.arraycopy(es, to, target, w, s - to);
        if (target == es) {
            Arrays.fill(es, s - removedCount, s, null);
        } else {
            detachTo(target);
        }
        size = s - removedCount;
        return true;
    }

    /**
     * The compaction of {@link #removeIf(Predicate, int, int)} in a paged list: the survivors of
     * {@code [first, to)}, marked in {@code removed} from {@code first} on, move left in pages made
     * writable, or into a flat buffer when few elements are left.
     */
    private void removePagedIf(long[] removed, int first, int to, int removedCount) {
        int s = size;
        int newSize = s - removedCount;
        PageDirectory directory = directory();
        if (newSize <= PageDirectory.flatAtMost()) {
            Object[] flat = new Object[newSize];
            directory.copyOut(0, flat, 0, first);
            int w = first;
            for (int i = first; i < to; i++) {
                if ((removed[(i - first) >> 6] & (1L << (i - first))) == 0) {
                    flat[w++] = directory.get(i);
                }
            }
            directory.copyOut(to, flat, w, s - to);
            recordLayoutChangeDetach(CopyEvents.BUFFER, newSize);
            replaceStorage(flat, new RefCount());
        } else {
            directory = writableDirectory();
            directory.makeWritable(first >>> directory.pageShift, directory.pageCount(newSize), CowList.class);
            int w = first;
            for (int i = first; i < to; i++) {
                if ((removed[(i - first) >> 6] & (1L << (i - first))) == 0) {
                    directory.set(w++, directory.get(i));
                }
            }
            directory.move(to, w, s - to);
            closePagedTail(directory, newSize, s);
        }
        size = newSize;
    }

    /**
     * Replaces each element with the operator's result. Results that are the same reference as
     * the element change nothing, so an operator that changes nothing never detaches.
     */
    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        replaceAllRange(operator, 0, size);
        modCount++;
    }

    void replaceAllRange(UnaryOperator<E> operator, int from, int to) {
        Objects.requireNonNull(operator);
        int expectedModCount = modCount;
        for (int i = from; modCount == expectedModCount && i < to; i++) {
            Object[] es = elements;
            E old = i < es.length ? elementAt(es, i) : pagedElement(i);
            E replacement = operator.apply(old);
            if (replacement != old && modCount == expectedModCount) {
                if (isPaged()) {
                    setPaged(i, replacement);
                } else {
                    (isUnique() ? elements : detach())[i] = replacement;
                }
            }
        }
        checkForComodification(expectedModCount);
    }

    /**
     * Sorts the list, stably; {@code null} sorts by natural order. The sort runs on a copy of the
     * buffer (TimSort needs up to half that much scratch space anyway), so a comparator that
     * throws leaves the list unchanged, a copy taken from inside the comparator never sees a sort
     * in progress, and a shared list that was already in order keeps sharing its buffer.
     */
    @Override
    @SuppressWarnings("unchecked")
    public void sort(Comparator<? super E> c) {
        int expectedModCount = modCount;
        if (isPaged()) {
            sortPaged(c, expectedModCount);
            modCount++;
            return;
        }
        int s = size;
        Object[] sorted = Arrays.copyOf(elements, elements.length);
        Arrays.sort((E[]) sorted, 0, s, c);
        checkForComodification(expectedModCount);
        if (isUnique()) {
            elements = sorted;
        } else {
            Object[] es = elements;
            for (int i = 0; i < s; i++) {
                if (sorted[i] != es[i]) {
                    detachTo(sorted);
                    break;
                }
            }
        }
        modCount++;
    }

    /**
     * The paged sort: sorts a flat copy, then writes back only the pages whose contents changed,
     * so that a shared list already in order keeps sharing, and a nearly sorted one copies only
     * the pages the sort changed.
     */
    @SuppressWarnings("unchecked")
    private void sortPaged(Comparator<? super E> c, int expectedModCount) {
        int s = size;
        Object[] sorted = toArray();
        Arrays.sort((E[]) sorted, 0, s, c);
        checkForComodification(expectedModCount);
        PageDirectory directory = directory();
        for (int p = 0, count = directory.pageCount(s); p < count; p++) {
            int start = p << directory.pageShift;
            int length = Math.min(directory.pageLength(), s - start);
            Object[] page = directory.pages[p];
            for (int j = 0; j < length; j++) {
                if (page[j] != sorted[start + j]) {
                    directory = writableDirectory();
                    System.arraycopy(sorted, start, directory.writablePage(p, CowList.class), 0, length);
                    break;
                }
            }
        }
    }

    /**
     * Makes sure the list holds at least {@code minCapacity} elements without reallocating. On a
     * shared handle, a capacity beyond the shared buffer's detaches into a buffer of that
     * capacity, so the adds that follow copy nothing; anything less changes nothing.
     */
    public void ensureCapacity(int minCapacity) {
        if (isPaged()) {
            ensurePagedCapacity(minCapacity);
            return;
        }
        Object[] es = elements;
        if (minCapacity > es.length) {
            modCount++;
            if (minCapacity > PageDirectory.pagedAbove()) {
                pageWithGap(size, 0, minCapacity);
                return;
            }
            Object[] larger = Arrays.copyOf(es, ArrayGrowth.grow(es.length, minCapacity - es.length));
            if (isUnique()) {
                elements = larger;
            } else {
                detachTo(larger);
            }
        }
    }

    /**
     * A paged list's capacity is its directory's length: pages are added as the list grows, and
     * only a directory too short for {@code minCapacity} is grown (detached when shared).
     */
    private void ensurePagedCapacity(int minCapacity) {
        PageDirectory directory = directory();
        int pageCount = directory.pageCount(minCapacity);
        if (pageCount > directory.pages.length) {
            modCount++;
            if (isUnique()) {
                directory.reserve(pageCount);
            } else {
                detachPages(pageCount);
            }
        }
    }

    /**
     * Trims the buffer to the size (a paged list: its directory to its pages). A shared buffer
     * belongs to every handle on it, so on a shared handle this does nothing.
     */
    public void trimToSize() {
        modCount++;
        if (isPaged()) {
            if (isUnique()) {
                directory().trim(directory().pageCount(size));
            }
            return;
        }
        if (size < elements.length && isUnique()) {
            elements = Arrays.copyOf(elements, size);
        }
    }

    // Bulk reads

    @Override
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        int expectedModCount = modCount;
        int s = size;
        if (isPaged()) {
            forEachPaged(action, s, expectedModCount);
        } else {
            for (int i = 0; modCount == expectedModCount && i < s; i++) {
                action.accept(currentElement(i));
            }
        }
        checkForComodification(expectedModCount);
    }

    /**
     * {@link #forEach} a page at a time: the inner loop reads its page directly and leaves it
     * when the action swapped the page, detached the handle or changed the list, which only a
     * write through this handle can do, so the checks are of fields the loop itself does not
     * write (the JIT hoists them when the action writes nothing of the list's).
     */
    private void forEachPaged(Consumer<? super E> action, int s, int expectedModCount) {
        for (int i = 0; i < s && modCount == expectedModCount; ) {
            PageDirectory directory = directoryHolding(i);
            int shift = directory.pageShift;
            Object[] page = directory.pages[i >>> shift];
            int pageStart = i >>> shift << shift;
            int swaps = directory.pageSwaps;
            int end = Math.min(s, pageStart + page.length);
            while (i < end) {
                action.accept(elementAt(page, i - pageStart));
                i++;
                if (modCount != expectedModCount || refCount != directory || directory.pageSwaps != swaps) {
                    break;
                }
            }
        }
    }

    // Comparison and hashing

    /**
     * Compares with any {@link List}, as {@code List.equals} specifies. Two handles on one buffer
     * are equal in O(1).
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof List)) {
            return false;
        }
        int expectedModCount = modCount;
        boolean equal;
        if (o instanceof CowList) {
            CowList<?> other = (CowList<?>) o;
            equal = size == other.size
                    && (elements == other.elements && refCount == other.refCount || equalsCowList(other));
        } else {
            equal = equalsRange((List<?>) o, 0, size);
        }
        checkForComodification(expectedModCount);
        return equal;
    }

    /**
     * {@code equals} of two of our lists a run at a time: a run lies in one array of each list
     * (its flat buffer or one of its pages), so the inner loop reads two arrays as
     * {@code ArrayList}'s does. A run ends early when an element's {@code equals} changed either
     * list's storage (a detach, a page swap, a change of layout); the next run reads it again.
     * Equal references are equal without a call, as in {@code ArrayList}: two lists that share
     * their elements compare without reading one of them.
     */
    private boolean equalsCowList(CowList<?> other) {
        for (int i = 0, s = size; i < s; ) {
            Object[] mine = arrayHolding(i);
            Object[] theirs = other.arrayHolding(i);
            int mineStart = arrayStart(i);
            int theirStart = other.arrayStart(i);
            Object[] mineElements = elements;
            Object[] theirElements = other.elements;
            RefCount mineCount = refCount;
            RefCount theirCount = other.refCount;
            int mineSwaps = pageSwaps();
            int theirSwaps = other.pageSwaps();
            int end = Math.min(s, Math.min(mineStart + mine.length, theirStart + theirs.length));
            while (i < end) {
                Object e = mine[i - mineStart];
                Object f = theirs[i - theirStart];
                if (e != f && (e == null || !e.equals(f))) {
                    return false;
                }
                i++;
                if (elements != mineElements || other.elements != theirElements
                        || refCount != mineCount || other.refCount != theirCount
                        || pageSwaps() != mineSwaps || other.pageSwaps() != theirSwaps) {
                    break;
                }
            }
        }
        return true;
    }

    /**
     * The array that holds {@code index}: the flat buffer or the page.
     *
     * @throws ConcurrentModificationException if the list shrank below {@code index}
     */
    private Object[] arrayHolding(int index) {
        if (index >= size) {
            throw new ConcurrentModificationException();
        }
        if (!isPaged()) {
            return elements;
        }
        PageDirectory directory = directory();
        return directory.pages[index >>> directory.pageShift];
    }

    /** The index of the first element of {@link #arrayHolding(int) the array holding} {@code index}. */
    private int arrayStart(int index) {
        if (!isPaged()) {
            return 0;
        }
        int shift = directory().pageShift;
        return index >>> shift << shift;
    }

    private int pageSwaps() {
        return isPaged() ? directory().pageSwaps : 0;
    }

    boolean equalsRange(List<?> other, int from, int to) {
        Iterator<?> it = other.iterator();
        PageCursor pages = new PageCursor();
        for (int i = from; i < to; i++) {
            if (!it.hasNext()) {
                return false;
            }
            Object e = pages.current(i);
            Object f = it.next();
            if (e != f && (e == null || !e.equals(f))) {
                return false;
            }
        }
        return !it.hasNext();
    }

    @Override
    public int hashCode() {
        int expectedModCount = modCount;
        int hash = hashCodeRange(0, size);
        checkForComodification(expectedModCount);
        return hash;
    }

    int hashCodeRange(int from, int to) {
        int hash = 1;
        if (!isPaged()) {
            for (int i = from; i < to; i++) {
                Object e = currentElement(i);
                hash = 31 * hash + (e == null ? 0 : e.hashCode());
            }
            return hash;
        }
        for (int i = from; i < to; ) {
            PageDirectory directory = directoryHolding(i);
            int shift = directory.pageShift;
            Object[] page = directory.pages[i >>> shift];
            int pageStart = i >>> shift << shift;
            int swaps = directory.pageSwaps;
            int end = Math.min(to, pageStart + page.length);
            while (i < end) {
                Object e = page[i - pageStart];
                hash = 31 * hash + (e == null ? 0 : e.hashCode());
                i++;
                if (refCount != directory || directory.pageSwaps != swaps) {
                    break;
                }
            }
        }
        return hash;
    }

    // Views

    @Override
    public Iterator<E> iterator() {
        return new Itr();
    }

    @Override
    public ListIterator<E> listIterator() {
        return new ListItr(0);
    }

    /** @throws IndexOutOfBoundsException if {@code index < 0 || index > size()} */
    @Override
    public ListIterator<E> listIterator(int index) {
        return new ListItr(Checks.checkPositionIndex(index, size));
    }

    /**
     * Returns a view of {@code [fromIndex, toIndex)} that reads and writes through to this list;
     * a write through it detaches this list when it is shared. As with {@code ArrayList}, a
     * structural change of this list made other than through the view invalidates the view.
     *
     * @throws IndexOutOfBoundsException if {@code fromIndex > toIndex} or either is out of range
     */
    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        return new CowSubList<>(this, fromIndex, toIndex);
    }

    /** A late-binding, fail-fast spliterator: {@code SIZED}, {@code SUBSIZED}, {@code ORDERED}. */
    @Override
    public Spliterator<E> spliterator() {
        return new ElementSpliterator(null, 0);
    }

    /** The late-binding spliterator of a sub-list view. */
    Spliterator<E> spliterator(CowSubList<E> view, int offset) {
        return new ElementSpliterator(view, offset);
    }

    int modCount() {
        return modCount;
    }

    @SuppressWarnings("unchecked")
    static <E> E elementAt(Object[] es, int index) {
        return (E) es[index];
    }

    /**
     * The element at {@code index} of the buffer this handle holds now. Loops that call user
     * code (equals, hashCode, a filter, an action) read through this, never through a buffer
     * they read before the call: that code may have detached this handle through {@code set},
     * and the old buffer may then belong to a sibling writing it in place. A buffer too short
     * for {@code index} means the code changed the list structurally.
     */
    E currentElement(int index) {
        Object[] es = elements;
        if (index < es.length) {
            return elementAt(es, index);
        }
        if (index >= size || !isPaged()) {
            throw new ConcurrentModificationException();
        }
        return pagedElement(index);
    }

    /**
     * Reads this handle's elements a page at a time. {@link #current(int)} keeps the contract of
     * {@link #currentElement(int)}, the element of the storage the handle holds now, with no
     * directory lookup per element: it holds one page and reads the directory again only when the
     * index leaves that page, when the handle left the directory (a detach, a change of layout),
     * or when a write through the handle replaced a page by its copy ({@code pageSwaps}). On a
     * flat list it reads the array as {@code currentElement} does.
     */
    private class PageCursor {
        private PageDirectory heldDirectory;
        private int heldPageSwaps;
        private Object[] page;
        private int pageStart;
        private int pageEnd;

        final E current(int index) {
            Object[] es = elements;
            if (index < es.length) {
                return elementAt(es, index);
            }
            int offset = index - pageStart;
            if (offset < 0 || index >= pageEnd || refCount != heldDirectory
                    || heldDirectory.pageSwaps != heldPageSwaps) {
                // Inline, not a method of the cursor: a call that took the cursor along would
                // make every iterator escape, and its fields would live in memory, not registers.
                PageDirectory directory = directoryHolding(index);
                int p = index >>> directory.pageShift;
                Object[] held = directory.pages[p];
                heldDirectory = directory;
                heldPageSwaps = directory.pageSwaps;
                page = held;
                pageStart = p << directory.pageShift;
                pageEnd = pageStart + held.length;
                offset = index - pageStart;
            }
            return elementAt(page, offset);
        }
    }

    /**
     * The directory of this paged handle, for a cursor about to read {@code index}.
     *
     * @throws ConcurrentModificationException if the list shrank below {@code index} or left
     *         its pages while the cursor was reading
     */
    private PageDirectory directoryHolding(int index) {
        if (index >= size || !isPaged()) {
            throw new ConcurrentModificationException();
        }
        return directory();
    }

    private void checkForComodification(int expectedModCount) {
        if (modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
    }

    private class Itr extends PageCursor implements Iterator<E> {
        int cursor;
        int lastReturned = -1;
        int expectedModCount = modCount;

        @Override
        public boolean hasNext() {
            return cursor != size;
        }

        @Override
        public E next() {
            checkForComodification();
            int i = cursor;
            if (i >= size) {
                throw new NoSuchElementException();
            }
            E e = current(i);
            cursor = i + 1;
            lastReturned = i;
            return e;
        }

        @Override
        public void remove() {
            if (lastReturned < 0) {
                throw new IllegalStateException();
            }
            checkForComodification();
            try {
                CowList.this.remove(lastReturned);
                cursor = lastReturned;
                lastReturned = -1;
                expectedModCount = modCount;
            } catch (IndexOutOfBoundsException e) {
                throw new ConcurrentModificationException();
            }
        }

        @Override
        public void forEachRemaining(Consumer<? super E> action) {
            Objects.requireNonNull(action);
            int s = size;
            int i = cursor;
            if (i < s) {
                for (; i < s && modCount == expectedModCount; i++) {
                    action.accept(current(i));
                }
                cursor = i;
                lastReturned = i - 1;
                checkForComodification();
            }
        }

        final void checkForComodification() {
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
        }
    }

    private final class ListItr extends Itr implements ListIterator<E> {

        ListItr(int index) {
            cursor = index;
        }

        @Override
        public boolean hasPrevious() {
            return cursor != 0;
        }

        @Override
        public int nextIndex() {
            return cursor;
        }

        @Override
        public int previousIndex() {
            return cursor - 1;
        }

        @Override
        public E previous() {
            checkForComodification();
            int i = cursor - 1;
            if (i < 0) {
                throw new NoSuchElementException();
            }
            E e = current(i);
            cursor = i;
            lastReturned = i;
            return e;
        }

        @Override
        public void set(E e) {
            if (lastReturned < 0) {
                throw new IllegalStateException();
            }
            checkForComodification();
            try {
                CowList.this.set(lastReturned, e);
            } catch (IndexOutOfBoundsException ex) {
                throw new ConcurrentModificationException();
            }
        }

        @Override
        public void add(E e) {
            checkForComodification();
            try {
                int i = cursor;
                CowList.this.add(i, e);
                cursor = i + 1;
                lastReturned = -1;
                expectedModCount = modCount;
            } catch (IndexOutOfBoundsException ex) {
                throw new ConcurrentModificationException();
            }
        }
    }

    /**
     * ArrayList's spliterator. It binds at its first use to the size and modCount of the list, or
     * of the sub-list view it was made for, and fails fast from then on.
     */
    private final class ElementSpliterator extends PageCursor implements Spliterator<E> {
        private final CowSubList<E> view;
        private int index;
        private int fence;
        private int expectedModCount;

        /** A spliterator over {@code view} (the whole list when null), bound at its first use. */
        ElementSpliterator(CowSubList<E> view, int origin) {
            this.view = view;
            this.index = origin;
            this.fence = -1;
        }

        private ElementSpliterator(int origin, int fence, int expectedModCount) {
            this.view = null;
            this.index = origin;
            this.fence = fence;
            this.expectedModCount = expectedModCount;
        }

        private int fence() {
            int hi = fence;
            if (hi < 0) {
                if (view == null) {
                    expectedModCount = modCount;
                    hi = size;
                } else {
                    expectedModCount = view.viewModCount();
                    hi = view.end();
                }
                fence = hi;
            }
            return hi;
        }

        @Override
        public Spliterator<E> trySplit() {
            int hi = fence();
            int lo = index;
            int mid = (lo + hi) >>> 1;
            if (isPaged()) {
                // Split where a page starts, so that each half walks whole pages.
                int pageShift = directory().pageShift;
                int pageStart = mid >>> pageShift << pageShift;
                int nextPageStart = pageStart + (1 << pageShift);
                if (pageStart > lo) {
                    mid = pageStart;
                } else if (nextPageStart < hi) {
                    mid = nextPageStart;
                }
            }
            return lo >= mid ? null : new ElementSpliterator(lo, index = mid, expectedModCount);
        }

        @Override
        public boolean tryAdvance(Consumer<? super E> action) {
            Objects.requireNonNull(action);
            int hi = fence();
            int i = index;
            if (i < hi) {
                index = i + 1;
                action.accept(current(i));
                if (modCount != expectedModCount) {
                    throw new ConcurrentModificationException();
                }
                return true;
            }
            return false;
        }

        @Override
        public void forEachRemaining(Consumer<? super E> action) {
            Objects.requireNonNull(action);
            int hi = fence();
            int i = index;
            index = hi;
            if (!isPaged()) {
                for (; i < hi; i++) {
                    action.accept(currentElement(i));
                }
            }
            // A page at a time, in locals: this spliterator lives in the stream's pipeline, on
            // the heap, and its own fields would be read and written at every element.
            while (i < hi) {
                PageDirectory directory = directoryHolding(i);
                int shift = directory.pageShift;
                Object[] page = directory.pages[i >>> shift];
                int pageStart = i >>> shift << shift;
                int swaps = directory.pageSwaps;
                int end = Math.min(hi, pageStart + page.length);
                while (i < end) {
                    action.accept(elementAt(page, i - pageStart));
                    i++;
                    if (refCount != directory || directory.pageSwaps != swaps) {
                        break;
                    }
                }
            }
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
        }

        @Override
        public long estimateSize() {
            return fence() - index;
        }

        @Override
        public int characteristics() {
            return Spliterator.ORDERED | Spliterator.SIZED | Spliterator.SUBSIZED;
        }
    }

    // Serialization

    /**
     * @serialData the size ({@code int}), then each element in order ({@code Object})
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        int expectedModCount = modCount;
        out.defaultWriteObject();
        int s = size;
        out.writeInt(s);
        PageCursor pages = new PageCursor();
        for (int i = 0; i < s; i++) {
            out.writeObject(pages.current(i));
        }
        checkForComodification(expectedModCount);
    }

    /**
     * Reads what {@link #writeObject} wrote, trusting the count only as far as elements arrive:
     * the buffer grows with what has been read, so a stream that claims two billion elements and
     * holds three costs three, and ends in {@link InvalidObjectException}. The stream's
     * {@link java.io.ObjectInputFilter} is asked about the array first, as {@code ArrayList} asks.
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        // Until its elements are in, this is a valid empty list, never a half-built one: an
        // element that refers back to the list while it is read sees an empty list.
        elements = EMPTY_ELEMENTS;
        refCount = RefCount.IMMORTAL;
        in.defaultReadObject();
        int count = -1;
        try {
            count = in.readInt();
            if (count < 0 || count > ArrayGrowth.SOFT_MAX_LENGTH) {
                throw new InvalidObjectException(
                        "element count: " + count + " (expected: 0 to " + ArrayGrowth.SOFT_MAX_LENGTH + ")");
            }
            SerialFilter.checkArray(in, Object[].class, count);
            Object[] es = new Object[Math.min(count, FIRST_READ_CAPACITY)];
            for (int i = 0; i < count; i++) {
                if (i == es.length) {
                    es = Arrays.copyOf(es, (int) Math.min(count, 2L * i));
                }
                es[i] = in.readObject();
            }
            adoptArray(es);
        } catch (EOFException | OptionalDataException | StreamCorruptedException e) {
            throw MalformedStream.endsBefore(count < 0
                    ? "its element count" : "the " + count + " elements it announced", e);
        }
    }
}

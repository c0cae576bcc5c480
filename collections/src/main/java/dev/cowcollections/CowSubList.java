package dev.cowcollections;

import java.util.AbstractList;
import java.util.Collection;
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

/**
 * A range of a {@link CowList} that reads and writes through to it. Every write goes through the
 * root list's own methods, so a write through the view detaches the root when it is shared.
 *
 * <p>Like {@code ArrayList}'s sub-list, it keeps the {@code modCount} it last saw (its parent's
 * when it is made), and fails fast once the root changed structurally by any other path,
 * including through another view. Nested views keep a link to their parent so that a change
 * through the innermost view updates every size on the way up.
 */
final class CowSubList<E> extends AbstractList<E> implements RandomAccess {
    private final CowList<E> root;
    private final CowSubList<E> parent;
    private final int offset;
    private int size;

    CowSubList(CowList<E> root, int fromIndex, int toIndex) {
        this(root, null, fromIndex, fromIndex, toIndex);
    }

    private CowSubList(CowList<E> root, CowSubList<E> parent, int offset, int fromIndex, int toIndex) {
        this.root = root;
        this.parent = parent;
        this.offset = offset;
        this.size = toIndex - fromIndex;
        this.modCount = parent == null ? root.modCount() : parent.modCount;
    }

    /** Where this view ends in the root list. */
    int end() {
        return offset + size;
    }

    int viewModCount() {
        return modCount;
    }

    @Override
    public E get(int index) {
        Objects.checkIndex(index, size);
        checkForComodification();
        return root.currentElement(offset + index);
    }

    @Override
    public E set(int index, E element) {
        Objects.checkIndex(index, size);
        checkForComodification();
        return root.set(offset + index, element);
    }

    @Override
    public int size() {
        checkForComodification();
        return size;
    }

    @Override
    public void add(int index, E element) {
        Checks.checkPositionIndex(index, size);
        checkForComodification();
        root.add(offset + index, element);
        updateSizeAndModCount(1);
    }

    @Override
    public E remove(int index) {
        Objects.checkIndex(index, size);
        checkForComodification();
        E removed = root.remove(offset + index);
        updateSizeAndModCount(-1);
        return removed;
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        checkForComodification();
        root.removeRange(offset + fromIndex, offset + toIndex);
        updateSizeAndModCount(fromIndex - toIndex);
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return addAll(size, c);
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        Checks.checkPositionIndex(index, size);
        if (c.size() == 0) {
            // As in ArrayList's sub-list: adding nothing leaves every other view valid.
            return false;
        }
        checkForComodification();
        int added = root.insertAll(offset + index, c);
        updateSizeAndModCount(added);
        return added != 0;
    }

    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        checkForComodification();
        root.replaceAllRange(operator, offset, offset + size);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return removeIf(c::contains);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return removeIf(e -> !c.contains(e));
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        checkForComodification();
        int oldRootSize = root.size();
        boolean modified = root.removeIf(filter, offset, offset + size);
        if (modified) {
            updateSizeAndModCount(root.size() - oldRootSize);
        }
        return modified;
    }

    @Override
    public Object[] toArray() {
        checkForComodification();
        return root.toArrayRange(new Object[size], offset, offset + size);
    }

    @Override
    public <T> T[] toArray(T[] a) {
        checkForComodification();
        return root.toArrayRange(a, offset, offset + size);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof List)) {
            return false;
        }
        checkForComodification();
        boolean equal = root.equalsRange((List<?>) o, offset, offset + size);
        checkForComodification();
        return equal;
    }

    @Override
    public int hashCode() {
        checkForComodification();
        int hash = root.hashCodeRange(offset, offset + size);
        checkForComodification();
        return hash;
    }

    @Override
    public int indexOf(Object o) {
        checkForComodification();
        int index = root.indexOfRange(o, offset, offset + size);
        checkForComodification();
        return index >= 0 ? index - offset : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        checkForComodification();
        int index = root.lastIndexOfRange(o, offset, offset + size);
        checkForComodification();
        return index >= 0 ? index - offset : -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public Iterator<E> iterator() {
        return listIterator(0);
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        checkForComodification();
        return new ViewIterator(Checks.checkPositionIndex(index, size));
    }

    /** A late-binding, fail-fast spliterator: {@code SIZED}, {@code SUBSIZED}, {@code ORDERED}. */
    @Override
    public Spliterator<E> spliterator() {
        checkForComodification();
        return root.spliterator(this, offset);
    }

    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        checkForComodification();
        return new CowSubList<>(root, this, offset + fromIndex, fromIndex, toIndex);
    }

    private void checkForComodification() {
        if (root.modCount() != modCount) {
            throw new ConcurrentModificationException();
        }
    }

    /**
     * The view's list iterator, as {@code ArrayList}'s sub-list has one: {@code hasNext} and
     * {@code hasPrevious} answer from the view's size without failing, and every other call
     * fails fast. Writes go through the view, so they detach the root when it is shared.
     */
    private final class ViewIterator implements ListIterator<E> {
        private int cursor;
        private int lastReturned = -1;
        private int expectedModCount = root.modCount();

        ViewIterator(int index) {
            cursor = index;
        }

        @Override
        public boolean hasNext() {
            return cursor != size;
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
        public E next() {
            checkForComodification();
            int i = cursor;
            if (i >= size) {
                throw new NoSuchElementException();
            }
            cursor = i + 1;
            return root.currentElement(offset + (lastReturned = i));
        }

        @Override
        public E previous() {
            checkForComodification();
            int i = cursor - 1;
            if (i < 0) {
                throw new NoSuchElementException();
            }
            cursor = i;
            return root.currentElement(offset + (lastReturned = i));
        }

        @Override
        public void forEachRemaining(Consumer<? super E> action) {
            Objects.requireNonNull(action);
            int end = size;
            int i = cursor;
            for (; i < end && root.modCount() == expectedModCount; i++) {
                action.accept(root.currentElement(offset + i));
            }
            cursor = i;
            lastReturned = i - 1;
            checkForComodification();
        }

        @Override
        public void remove() {
            if (lastReturned < 0) {
                throw new IllegalStateException();
            }
            checkForComodification();
            try {
                CowSubList.this.remove(lastReturned);
                cursor = lastReturned;
                lastReturned = -1;
                expectedModCount = root.modCount();
            } catch (IndexOutOfBoundsException e) {
                throw new ConcurrentModificationException();
            }
        }

        @Override
        public void set(E e) {
            if (lastReturned < 0) {
                throw new IllegalStateException();
            }
            checkForComodification();
            try {
                root.set(offset + lastReturned, e);
            } catch (IndexOutOfBoundsException ex) {
                throw new ConcurrentModificationException();
            }
        }

        @Override
        public void add(E e) {
            checkForComodification();
            try {
                int i = cursor;
                CowSubList.this.add(i, e);
                cursor = i + 1;
                lastReturned = -1;
                expectedModCount = root.modCount();
            } catch (IndexOutOfBoundsException ex) {
                throw new ConcurrentModificationException();
            }
        }

        private void checkForComodification() {
            if (root.modCount() != expectedModCount) {
                throw new ConcurrentModificationException();
            }
        }
    }

    private void updateSizeAndModCount(int sizeChange) {
        CowSubList<E> list = this;
        do {
            list.size += sizeChange;
            list.modCount = root.modCount();
            list = list.parent;
        } while (list != null);
    }
}

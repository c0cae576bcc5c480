package dev.cowcollections;

import java.util.AbstractList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A range of a {@link CowList} that reads and writes through to it. Every write goes through the
 * root list's own methods, so a write through the view detaches the root when it is shared.
 *
 * <p>Like {@code ArrayList}'s sub-list, it keeps the root's {@code modCount} as of its last own
 * change, and fails fast once the root changed structurally by any other path. Nested views keep
 * a link to their parent so that a change through the innermost view updates every size on the
 * way up.
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
        this.modCount = root.modCount();
    }

    @Override
    public E get(int index) {
        Objects.checkIndex(index, size);
        checkForComodification();
        return root.elementAt(offset + index);
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
        boolean equal = root.equalsRange((List<?>) o, offset, offset + size);
        checkForComodification();
        return equal;
    }

    @Override
    public int hashCode() {
        int hash = root.hashCodeRange(offset, offset + size);
        checkForComodification();
        return hash;
    }

    @Override
    public int indexOf(Object o) {
        int index = root.indexOfRange(o, offset, offset + size);
        checkForComodification();
        return index >= 0 ? index - offset : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        int index = root.lastIndexOfRange(o, offset, offset + size);
        checkForComodification();
        return index >= 0 ? index - offset : -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        checkForComodification();
        return super.listIterator(Checks.checkPositionIndex(index, size));
    }

    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        return new CowSubList<>(root, this, offset + fromIndex, fromIndex, toIndex);
    }

    private void checkForComodification() {
        if (root.modCount() != modCount) {
            throw new ConcurrentModificationException();
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

package dev.cowcollections;

/** Argument checks with messages that name the bad value; each returns the value it checked. */
final class Checks {

    private Checks() {
    }

    static int checkCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 0)");
        }
        return capacity;
    }

    /**
     * Checks an index at which an element may be inserted, {@code 0 <= index <= size}, with the
     * wording of {@link java.util.Objects#checkIndex}.
     */
    static int checkPositionIndex(int index, int size) {
        if (index < 0 || index > size) {
            throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
        }
        return index;
    }
}

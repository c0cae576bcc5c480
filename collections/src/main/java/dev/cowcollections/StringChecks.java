package dev.cowcollections;

/**
 * The {@link StringIndexOutOfBoundsException}s that {@code StringBuilder} throws, worded as
 * {@link java.util.Objects#checkIndex} and {@link java.util.Objects#checkFromToIndex} word their
 * {@code IndexOutOfBoundsException}s. Each check returns the index it checked.
 */
final class StringChecks {

    private StringChecks() {
    }

    /** Checks an index of a char: {@code 0 <= index < length}. */
    static int checkIndex(int index, int length) {
        if (index < 0 || index >= length) {
            throw new StringIndexOutOfBoundsException("Index " + index + " out of bounds for length " + length);
        }
        return index;
    }

    /** Checks an index between chars, where text may be inserted: {@code 0 <= offset <= length}. */
    static int checkOffset(int offset, int length) {
        if (offset < 0 || offset > length) {
            throw new StringIndexOutOfBoundsException("Offset " + offset + " out of bounds for length " + length);
        }
        return offset;
    }

    /** Checks a range of chars: {@code 0 <= from <= to <= length}. */
    static int checkFromToIndex(int from, int to, int length) {
        if (from < 0 || from > to || to > length) {
            throw new StringIndexOutOfBoundsException(
                    "Range [" + from + ", " + to + ") out of bounds for length " + length);
        }
        return from;
    }
}

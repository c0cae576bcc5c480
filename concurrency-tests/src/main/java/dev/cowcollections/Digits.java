package dev.cowcollections;

/** Encodes short contents as one int, so that jcstress outcomes read as the contents themselves. */
final class Digits {

    private Digits() {
    }

    /** {@code [1, 2, 3]} becomes {@code 123}, by iterating; the empty list becomes {@code 0}. */
    static int of(Iterable<Integer> digits) {
        int value = 0;
        for (int digit : digits) {
            value = value * 10 + digit;
        }
        return value;
    }
}

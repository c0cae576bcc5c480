package dev.cowcollections.stress;

import java.util.List;

/** Encodes a short list of one-digit numbers as one int, so jcstress outcomes read as contents. */
final class Digits {

    private Digits() {
    }

    /** {@code [1, 2, 3]} becomes {@code 123}; the empty list becomes {@code 0}. */
    static int of(List<Integer> digits) {
        int value = 0;
        for (int digit : digits) {
            value = value * 10 + digit;
        }
        return value;
    }
}

package dev.cowcollections;

import java.util.Map;

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

    /** {@code {1=2, 3=4}} becomes {@code 1234}, key then value, in iteration order; the empty map becomes {@code 0}. */
    static int ofEntries(Map<Integer, Integer> digits) {
        int value = 0;
        for (Map.Entry<Integer, Integer> e : digits.entrySet()) {
            value = (value * 10 + e.getKey()) * 10 + e.getValue();
        }
        return value;
    }
}

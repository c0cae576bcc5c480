package dev.cowcollections;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Orders strings as {@code String.valueOf} prints them, so {@code null} sorts as the text
 * "null", inside the ranges of guava-testlib's samples: the comparator of guava-testlib's own
 * {@code TreeMap, with comparator} suite, serializable, for the suites that allow null keys.
 */
final class NullAsTextOrder implements Comparator<String>, Serializable {
    private static final long serialVersionUID = 1L;

    static final NullAsTextOrder INSTANCE = new NullAsTextOrder();

    @Override
    public int compare(String a, String b) {
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NullAsTextOrder;
    }

    @Override
    public int hashCode() {
        return 31;
    }
}

package dev.cowcollections.benchmarks;

import java.util.Collection;
import java.util.Map;

/**
 * Fills the maps and sets that benchmarks read or copy, in their setup. Benchmark methods never
 * call these: setup calls them with every implementation, so their call sites of {@code put} and
 * {@code add} are megamorphic, and a benchmark measured through them would pay a virtual call
 * that the one implementation it measures never costs in real code.
 */
final class Maps {

    private Maps() {
    }

    /** Puts {@code keys[i]} to {@code values[i]}, in order, into {@code map} and returns it. */
    static <M extends Map<Object, Object>> M filled(M map, Object[] keys, Object[] values) {
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }

    /** Adds {@code elements}, in order, to {@code set} and returns it. */
    static <C extends Collection<Object>> C filled(C set, Object[] elements) {
        for (Object e : elements) {
            set.add(e);
        }
        return set;
    }
}

package dev.cowcollections.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The elements benchmarks fill their collections with: boxed integers or short strings. */
final class Elements {

    private Elements() {
    }

    /** {@code count} distinct elements of {@code type} ({@code "Integer"} or {@code "String"}). */
    static Object[] of(String type, int count) {
        Object[] elements = new Object[count];
        for (int i = 0; i < count; i++) {
            elements[i] = element(type, i);
        }
        return elements;
    }

    /**
     * {@link #of} in a random order, the same for every run, as keys arrive at a hash table, and
     * allocated in that order, as a program allocates the keys it makes as they arrive.
     */
    static Object[] shuffled(String type, int count) {
        List<Integer> order = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(count));
        Object[] elements = new Object[count];
        for (int i = 0; i < count; i++) {
            elements[i] = element(type, order.get(i));
        }
        return elements;
    }

    /**
     * {@code count} elements of {@code type} equal to none of {@link #of}{@code (type, count)}:
     * keys known to be absent from a table filled with those.
     */
    static Object[] absent(String type, int count) {
        Object[] elements = new Object[count];
        for (int i = 0; i < count; i++) {
            elements[i] = element(type, count + i);
        }
        return elements;
    }

    static Object element(String type, int i) {
        switch (type) {
            case "Integer":
                return i;
            case "String":
                return "element-" + i;
            default:
                throw new IllegalArgumentException("element type: " + type + " (expected: Integer or String)");
        }
    }
}

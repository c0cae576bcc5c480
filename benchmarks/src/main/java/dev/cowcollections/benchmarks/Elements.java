package dev.cowcollections.benchmarks;

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

package dev.cowcollections;

/**
 * Benchmarks only: the paging geometry of the lists made from now on, which the library keeps
 * package-private ({@code PageDirectory.setGeometryForTesting}). It lives in the library's package
 * inside the benchmark jar, which runs on the class path, so that {@code PageGeometryBenchmark}
 * can measure other thresholds and page sizes than the built-in ones; no library jar contains it.
 */
public final class BenchmarkPageGeometry {

    private BenchmarkPageGeometry() {
    }

    /**
     * Lists made from now on go paged above {@code pagedAbove} elements, flat again at half that,
     * in pages of {@code 1 << pageShift} references.
     */
    public static void set(int pagedAbove, int pageShift) {
        PageDirectory.setGeometryForTesting(pagedAbove, pageShift);
    }
}

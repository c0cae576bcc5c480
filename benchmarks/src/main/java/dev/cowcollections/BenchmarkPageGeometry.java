package dev.cowcollections;

/**
 * Benchmarks only: the paging geometry of the lists (and maps) made from now on, which the library keeps
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

    /** Maps and sets made or rebuilt from now on stay in one flat array at every size. */
    public static void flatTables() {
        PageDirectory.setGeometryForTesting(Integer.MAX_VALUE, PageDirectory.DEFAULT_PAGE_SHIFT);
    }

    /** Back to the production geometry of lists, maps and sets. */
    public static void production() {
        PageDirectory.resetGeometry();
    }

    /** Whether {@code map} holds the paged layout. */
    public static boolean isPaged(CowMap<?, ?> map) {
        return map.isPaged();
    }
}

package dev.cowcollections.benchmarks;

/**
 * Causes of missed goals that several benchmarks share, for their {@link MissCause}s: each is
 * stated once, with its evidence, so that every row it explains says the same thing.
 */
final class KnownCauses {

    /** Map and set lookups where the JIT's profile of {@code hashCode} and {@code equals} is polluted. */
    static final String POLLUTED_PROBE = "Where other key types have polluted the profile, C2 compiles the key's "
            + "`hashCode` and `equals` as real virtual calls (`HashMap` pays them too), and across those calls it keeps "
            + "our probe loop's index, mask, tag and slot in stack slots: eight spills and reloads per probe step in the "
            + "C2 code of the JMH stub (`-XX:CompileCommand=print`, read with objdump), registers in the mono build. "
            + "Per 1 024 Integer misses at 1 000: ours 2.2 µs mono, 6.6 µs poly; `HashMap` 3.2 µs in both.";

    /** Reads by index of a list above the paged threshold. */
    static final String PAGED_GET = "Above 4 096 elements the list is paged: `get` reads the directory, then the "
            + "page, two dependent loads and bounds checks where `ArrayList` has one. `PageGeometryBenchmark` at "
            + "1 000 000, paged against flat in the same rounds (`-p pagedAbove=4096,1000000000`): `get` 1.30, 1.61, "
            + "1.40 ×; `getRandom` 2.59, 1.41, 1.20 ×.";

    /** {@code floorKey} and {@code ceilingKey} of absent {@code Integer} keys in a small tree. */
    static final String TREE_SEARCH_BRANCHES = "Branch mispredictions in the binary searches of the nodes, about one "
            + "every other step, where the tree fits in the caches. Searching the inner nodes with a loop of fixed "
            + "length whose step is a conditional move took these rows to 0.63 (`floorKey`) and 0.67 (`ceilingKey`) × "
            + "`TreeMap`, but `String` keys at 1 000 from 0.91 to 1.23 and `get` from 1.08 to 1.33 (one run each way, "
            + "`-p size=1000 -p keyType=String`): a conditional move waits for each `compareTo`, where a predicted "
            + "branch starts the next one. So the searches keep their branches.";

    private KnownCauses() {
    }
}

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

    private KnownCauses() {
    }
}

package dev.cowcollections.benchmarks;

/**
 * Causes of missed goals that several benchmarks share, for their {@link MissCause}s: each is
 * stated once, with its evidence, so that every row it explains says the same thing.
 */
final class KnownCauses {

    /** Map and set lookups where the JIT's profile of {@code hashCode} and {@code equals} is polluted. */
    static final String POLLUTED_PROBE = "Where other key types have polluted the profile, C2 compiles the key's "
            + "`hashCode` and `equals` as real virtual calls (`HashMap` pays them too), and HotSpot keeps no value in a "
            + "register across a call: the benchmark loop's state is stored before `hashCode` and reloaded after it, "
            + "then our probe, which may still call `equals`, stores it again and keeps its slot index in a stack slot. "
            + "Per 1 024 Integer misses at 1 000: ours 2.2 µs mono, 6.6 µs poly; `HashMap` 3.2 µs in both. A cpu-clock "
            + "profile of those poly misses (`-prof perfasm:events=cpu-clock`; 7.5 µs in that fork): 10 % in "
            + "`Integer.hashCode`, 37 % in the loop's reloads, the key's load and the choice of its `hashCode`, 20 % in the spills around the "
            + "call and the probe's scan, 27 % in the probe's setup, its second round of spills and the first slot; "
            + "`HashMap` (3.6 µs in its fork) spends 19 % in `hashCode` and its probe is a table load and a null test. "
            + "A probe whose loop calls nothing, with `equals` after it, did not move `getMiss` of 1 000 random "
            + "`Integer`s, poly: 2.04 [1.60, 2.59] before, 1.97 [1.24, 3.14] after (two selections; tried "
            + "2026-12-07, not kept). The figures at 1 000 were measured before the lookup sequences stopped "
            + "repeating (dcad6bd).";

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
            + "branch starts the next one. So the searches keep their branches. Measured before the lookup sequences "
            + "stopped repeating (dcad6bd), when the predictor could learn some of these branches; it no longer can.";

    /** Hits of UUID strings in a table that fits the caches. */
    static final String STRING_KEYS = "UUID `String` keys cost our hits what `HashMap`'s do not pay: the same UUIDs "
            + "behind a key whose `hashCode` returns a field read 1.04 [0.999, 1.07] × `HashMap` at 1 000 entries, "
            + "against 1.52 [1.30, 1.78] for the strings themselves (scratch benchmark on `CowMap`, whose table "
            + "`CowSet` shares; one selection, 2026-12-07, not kept). Part is memory: a UUID and its bytes take 80 "
            + "bytes, so 1 000 of them overflow the L1 cache. Part is code: C2 compiles `String.hashCode`'s hashing "
            + "loop into the lookup (its branch profile is shared by every caller in the JVM), and a cpu-clock profile "
            + "of UUID lookups showed the benchmark loop's counter and key array and the probe's index, mask and bound "
            + "held in XMM registers and stack slots, reloaded on every lookup, where with `Integer` keys they stay in "
            + "general registers (profiled before the lookup sequences stopped repeating, dcad6bd).";

    /** Misses of sequential keys in a flat table. */
    static final String WINDOW_TEST = "A miss whose home slot does not hold its tag tests the four slots from "
            + "there together, with arithmetic instead of a branch per slot (`CompactHashTable.findNearHome`): about "
            + "thirty instructions where `HashMap` tests one bucket. Sequential keys' misses all find their home slot "
            + "empty, so the branch per slot it replaced was always predicted: at 1 000 entries they read 1.32 "
            + "[0.976, 1.79] × `HashMap` before the test and 1.94 [1.41, 2.68] after (4.2 and 6.1 µs a batch). It "
            + "stays because it takes the misses of random `Integer`s from 1.63 to 0.936 and of UUIDs from 2.18 to "
            + "1.14 (`-p size=10,1000 MapReadBenchmark`, one selection each way, 2026-12-07).";

    private KnownCauses() {
    }
}

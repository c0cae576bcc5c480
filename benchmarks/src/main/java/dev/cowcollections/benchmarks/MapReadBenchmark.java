package dev.cowcollections.benchmarks;

import dev.cowcollections.CowMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookups in a map of {@code size} entries, filled by {@code put} in arrival order: {@code get} of
 * present keys ({@code getHit}) and of keys known to be absent ({@code getMiss}), with each
 * {@linkplain Keys key kind} and in each {@linkplain Regime JIT regime}.
 *
 * <p>One operation is a batch of {@value LookupSequence#BATCH} lookups from a
 * {@link LookupSequence} built at setup, each key about as often as any other, so that a large map
 * is read all over and misses the caches as a real workload's would. It counts the lookups that
 * found a value, so none is dead code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MapReadBenchmark {
    private static final String PAGED_MISS = "Above 4 096 entries the table is paged, and a miss reads its index slot "
            + "through the page directory, a chain of dependent loads two longer than the flat table's (see "
            + "`MapPagedLayoutBenchmark`). `getMiss` at 100 000, paged against flat in one run "
            + "(`MapPagedLayoutBenchmark`, `-p size=100000`): 2.12 × `Integer`, 1.44 × random `Integer`; the flat "
            + "table's time there against `HashMap`'s in a run of this benchmark: 0.86 and 0.87. `UuidString` keys "
            + "read 1.20 and 1.76: they have a second cost, not isolated.";
    private static final String PAGED_HIT = "Above 4 096 entries the table is paged, and a hit reads its index slot and "
            + "its entry each through a directory, chains of dependent loads two longer than the flat table's (see "
            + "`MapPagedLayoutBenchmark`). At 100 000 random `Integer`s, paged against flat in one run "
            + "(`MapPagedLayoutBenchmark`, `-p size=100000`): 1.34 [1.27, 1.41]; the flat table against `HashMap`, "
            + "this benchmark with the layout forced flat: 1.29 [0.921, 1.82], unresolved (2026-12-07).";

    @Param({"10", "1000", "100000"})
    int size;

    @Param({Keys.SEQUENTIAL, Keys.RANDOM, Keys.UUID})
    String keyType;

    @Param({Regime.MONO, Regime.POLY})
    String regime;

    private HashMap<Object, Object> hashMap;
    private CowMap<Object, Object> cowMap;
    private LookupSequence hits;
    private LookupSequence misses;

    @Setup
    public void fill() {
        Regime.enter(regime);
        Keys keys = Keys.of(keyType, size);
        Object[] values = Elements.of("Integer", size);
        SettledHeap.settle();
        hashMap = Maps.filled(new HashMap<>(), keys.present(), values);
        cowMap = Maps.filled(new CowMap<>(), keys.present(), values);
        hits = new LookupSequence(keys.present());
        misses = new LookupSequence(keys.absent());
        SettledHeap.settle();
    }

    /**
     * The next batch of {@code lookups}; returns how many found a value. {@link MapPeersBenchmark}
     * calls it too: one benchmark runs per fork, so its call of {@code get} sees one map type.
     */
    static int lookUp(Map<Object, Object> map, LookupSequence lookups) {
        Object[] keys = lookups.keys();
        int found = 0;
        for (int k = lookups.nextBatch(), end = k + LookupSequence.BATCH; k < end; k++) {
            if (map.get(keys[k]) != null) {
                found++;
            }
        }
        return found;
    }

    @Benchmark
    public int getHit_HashMap() {
        return lookUp(hashMap, hits);
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 1.0)
    @MissCause(baseline = "HashMap", where = "regime=poly", value = KnownCauses.POLLUTED_PROBE)
    @MissCause(baseline = "HashMap", where = {"keyType=UuidString", "regime=mono", "size=1000"},
            value = KnownCauses.STRING_KEYS)
    @MissCause(baseline = "HashMap", where = {"keyType=RandomInteger", "regime=mono", "size=100000"}, value = PAGED_HIT)
    public int getHit_CowMap() {
        return lookUp(cowMap, hits);
    }

    @Benchmark
    public int getMiss_HashMap() {
        return lookUp(hashMap, misses);
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 0.8)
    @MissCause(baseline = "HashMap", where = "regime=poly", value = KnownCauses.POLLUTED_PROBE)
    @MissCause(baseline = "HashMap", where = {"keyType=Integer", "regime=mono", "size=1000"},
            value = KnownCauses.WINDOW_TEST)
    @MissCause(baseline = "HashMap", where = {"keyType=Integer", "size=100000"}, value = PAGED_MISS)
    @MissCause(baseline = "HashMap", where = {"keyType=RandomInteger", "size=100000"}, value = PAGED_MISS)
    public int getMiss_CowMap() {
        return lookUp(cowMap, misses);
    }
}

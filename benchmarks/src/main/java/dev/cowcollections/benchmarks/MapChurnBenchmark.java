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
 * Keys that come and go in a map of {@code size} entries that stay, as in a table of requests
 * in flight or of sessions: one operation puts a batch of {@value LookupSequence#BATCH} absent
 * keys and removes them again, and the batches cycle through a pool of {@code size} absent keys,
 * so the same keys come back again and again. It measures {@code remove} beside {@code put} of a
 * new key, and, amortized, the compactions that clear a {@code CowMap}'s tombstones.
 *
 * <p>Before a new key took back the first {@code DELETED} index slot on its probe path, every
 * round left one more such slot on the path of each key that came back, and at 1 000 000
 * entries a round took 4 to 27 ms instead of tens of microseconds until the next rebuild
 * cleared them; no benchmark measured it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MapChurnBenchmark {
    private static final String CHURN = "Per-operation cost, no longer rebuilds. Since removals give back the "
            + "tombstones at the end of the entries and empty the index slots that end a probe path, no round "
            + "rebuilds (2 B/op at 1 000, was 34 786; 7 to 16 at 100 000, was 38 400), yet the times at 100 000 "
            + "stayed (121 against 119 µs a round with `Integer` keys). At 1 000, JFR execution samples of a scratch "
            + "harness (1 000 random `Integer`s, 1 024 keys in and out a round, not kept) put 541 of about 1 100 in "
            + "the probe loops: `put`'s probe (236), `remove`'s probe (131) and the walk that finds the removed "
            + "entry's slot again (174), with the index 55 to 65 % full of live and `DELETED` slots where "
            + "`HashMap`'s chains hold 1.25 nodes. At 100 000, sequential keys put `HashMap`'s new nodes in "
            + "consecutive buckets where the seeded spreading scatters them (reasoned: random `Integer` keys read "
            + "1.02); `UuidString` keys not isolated.";

    @Param({"1000", "100000"})
    int size;

    @Param({Keys.SEQUENTIAL, Keys.RANDOM, Keys.UUID})
    String keyType;

    @Param({Regime.MONO, Regime.POLY})
    String regime;

    private HashMap<Object, Object> hashMap;
    private CowMap<Object, Object> cowMap;
    private LookupSequence comers;

    @Setup
    public void fill() {
        Regime.enter(regime);
        Keys keys = Keys.of(keyType, size);
        Object[] values = Elements.of("Integer", size);
        SettledHeap.settle();
        hashMap = Maps.filled(new HashMap<>(), keys.present(), values);
        cowMap = Maps.filled(new CowMap<>(), keys.present(), values);
        comers = new LookupSequence(keys.absent());
        SettledHeap.settle();
    }

    /**
     * Puts the next batch of keys that come and go, then removes them; returns the size, so
     * nothing is dead code. One benchmark runs per fork, so its calls see one map type.
     */
    private static int putThenRemove(Map<Object, Object> map, LookupSequence comers) {
        Object[] keys = comers.keys();
        int from = comers.nextBatch();
        int end = from + LookupSequence.BATCH;
        for (int k = from; k < end; k++) {
            map.put(keys[k], keys[k]);
        }
        for (int k = from; k < end; k++) {
            map.remove(keys[k]);
        }
        return map.size();
    }

    @Benchmark
    public int putThenRemove_HashMap() {
        return putThenRemove(hashMap, comers);
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 1.10)
    @MissCause(baseline = "HashMap", value = CHURN)
    public int putThenRemove_CowMap() {
        return putThenRemove(cowMap, comers);
    }
}

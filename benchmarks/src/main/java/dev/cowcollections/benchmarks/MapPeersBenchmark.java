package dev.cowcollections.benchmarks;

import dev.cowcollections.CowMap;
import it.unimi.dsi.fastutil.objects.Object2ObjectLinkedOpenHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;
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
 * {@code CowMap} beside two well-kept open-addressing maps, as information rows with no goal:
 * fastutil's {@code Object2ObjectLinkedOpenHashMap}, which keeps insertion order as ours does
 * (in links beside its key and value arrays), and Eclipse Collections' {@code UnifiedMap}, which
 * keeps keys and values side by side in one array and chains collisions in small buckets. The
 * operations are {@link MapWriteBenchmark}'s build from empty and {@link MapReadBenchmark}'s
 * lookups, with the same keys, batches and settled heap, in the monomorphic regime, where each
 * map runs its own code at its best.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MapPeersBenchmark {
    @Param({"1000", "100000"})
    int size;

    @Param({Keys.RANDOM, Keys.UUID})
    String keyType;

    private Object[] keys;
    private Object[] values;
    private Map<Object, Object> cowMap;
    private Map<Object, Object> fastutilMap;
    private Map<Object, Object> unifiedMap;
    private LookupSequence hits;
    private LookupSequence misses;

    @Setup
    public void fill() {
        Keys drawn = Keys.of(keyType, size);
        keys = drawn.present();
        values = Elements.of("Integer", size);
        SettledHeap.settle();
        cowMap = Maps.filled(new CowMap<>(), keys, values);
        fastutilMap = Maps.filled(new Object2ObjectLinkedOpenHashMap<>(), keys, values);
        unifiedMap = Maps.filled(new UnifiedMap<>(), keys, values);
        hits = new LookupSequence(keys);
        misses = new LookupSequence(drawn.absent());
        SettledHeap.settle();
    }

    @Benchmark
    public Map<Object, Object> put_CowMap() {
        return MapWriteBenchmark.putEach(new CowMap<>(), keys, values);
    }

    @Benchmark
    public Map<Object, Object> put_Fastutil() {
        return MapWriteBenchmark.putEach(new Object2ObjectLinkedOpenHashMap<>(), keys, values);
    }

    @Benchmark
    public Map<Object, Object> put_UnifiedMap() {
        return MapWriteBenchmark.putEach(new UnifiedMap<>(), keys, values);
    }

    @Benchmark
    @MissCause(baseline = "Fastutil", value = "The compact layout reads one more array on a hit: the index slot, then "
            + "the entry it names (key, and the value beside it), where fastutil's slot holds the key itself and the "
            + "value sits at the same position of a parallel array, so its hit is one dependent load shorter. The "
            + "same index is what makes our misses faster than both peers (they read no key). Reasoned from the two "
            + "layouts; no variant isolates it yet.")
    public int getHit_CowMap() {
        return MapReadBenchmark.lookUp(cowMap, hits);
    }

    @Benchmark
    public int getHit_Fastutil() {
        return MapReadBenchmark.lookUp(fastutilMap, hits);
    }

    @Benchmark
    public int getHit_UnifiedMap() {
        return MapReadBenchmark.lookUp(unifiedMap, hits);
    }

    @Benchmark
    public int getMiss_CowMap() {
        return MapReadBenchmark.lookUp(cowMap, misses);
    }

    @Benchmark
    public int getMiss_Fastutil() {
        return MapReadBenchmark.lookUp(fastutilMap, misses);
    }

    @Benchmark
    public int getMiss_UnifiedMap() {
        return MapReadBenchmark.lookUp(unifiedMap, misses);
    }
}

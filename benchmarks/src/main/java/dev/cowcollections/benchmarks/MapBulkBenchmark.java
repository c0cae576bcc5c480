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
 * A map made from another in one call, as code that adopts the library converts its
 * {@code java.util} maps: {@code putAll} into a new empty map, and the constructor that takes a
 * map. The source is a {@code HashMap} of {@code size} entries filled in arrival order, the same
 * for both contenders, so both read the same table in the same order; each builds its own table
 * from it, growths and hashing included.
 *
 * <p>The source is settled into the old generation ({@link SettledHeap}), as a long-lived map a
 * program converts is. Where it was still young, {@code new CowMap<>(source)} at 100 000 took
 * 11.6 ms against {@code HashMap}'s 5.6 (one fork each, random {@code Integer}s): the entries
 * array, 800 KB, is a humongous object in G1's 1 MB regions, so it lies in the old generation,
 * and each of its 200 000 stores of a young key or value goes through G1's card-marking barrier.
 * With {@code -XX:G1HeapRegionSize=4m} the array is young and the same copy took 4.2 ms against
 * 4.2, and with the Parallel collector, whose barrier is one plain card store, 2.4 against 2.3;
 * with a settled source under G1, 8.2 against 10.0. A paged table would keep every array small.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MapBulkBenchmark {
    @Param({"1000", "100000"})
    int size;

    @Param({Keys.SEQUENTIAL, Keys.RANDOM, Keys.UUID})
    String keyType;

    @Param({Regime.MONO, Regime.POLY})
    String regime;

    private HashMap<Object, Object> source;

    @Setup
    public void fill() {
        Regime.enter(regime);
        Object[] keys = Keys.of(keyType, size).present();
        Object[] values = Elements.of("Integer", size);
        SettledHeap.settle();
        source = Maps.filled(new HashMap<>(), keys, values);
        SettledHeap.settle();
    }

    @Benchmark
    public Map<Object, Object> putAll_HashMap() {
        Map<Object, Object> map = new HashMap<>();
        map.putAll(source);
        return map;
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 1.0)
    public Map<Object, Object> putAll_CowMap() {
        Map<Object, Object> map = new CowMap<>();
        map.putAll(source);
        return map;
    }

    @Benchmark
    public Map<Object, Object> newFromMap_HashMap() {
        return new HashMap<>(source);
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 1.0)
    public Map<Object, Object> newFromMap_CowMap() {
        return new CowMap<>(source);
    }
}

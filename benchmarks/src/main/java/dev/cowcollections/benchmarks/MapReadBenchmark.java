package dev.cowcollections.benchmarks;

import dev.cowcollections.CowMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Reads of a map of {@code size} entries, filled by {@code put} in a random order: {@code get}
 * of present keys ({@code getHit}), {@code get} of keys known to be absent ({@code getMiss}), and
 * a pass over {@code entrySet()} summing the keys' and values' hash codes ({@code iterate}).
 *
 * <p>One {@code get} operation is a batch of {@value LookupSequence#BATCH} lookups from a
 * {@link LookupSequence} built at setup, each key about as often as any other, so that at a
 * million entries the lookups miss the caches as a real workload's would. It counts the lookups
 * that found a value, so none is dead code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MapReadBenchmark {
    @Param({"10", "1000", "100000", "1000000"})
    int size;

    @Param({"Integer", "String"})
    String keyType;

    private HashMap<Object, Object> hashMap;
    private LinkedHashMap<Object, Object> linkedHashMap;
    private CowMap<Object, Object> cowMap;
    private LookupSequence hits;
    private LookupSequence misses;

    @Setup
    public void fill() {
        Object[] keys = Elements.shuffled(keyType, size);
        Object[] values = Elements.of("Integer", size);
        SettledHeap.settle();
        hashMap = Maps.filled(new HashMap<>(), keys, values);
        linkedHashMap = Maps.filled(new LinkedHashMap<>(), keys, values);
        cowMap = Maps.filled(new CowMap<>(), keys, values);
        hits = new LookupSequence(keys);
        misses = new LookupSequence(Elements.absent(keyType, size));
        SettledHeap.settle();
    }

    /** The next batch of {@code lookups}; returns how many found a value. */
    private static int lookUp(Map<Object, Object> map, LookupSequence lookups) {
        Object[] keys = lookups.keys();
        int found = 0;
        for (int k = lookups.nextBatch(), end = k + LookupSequence.BATCH; k < end; k++) {
            if (map.get(keys[k]) != null) {
                found++;
            }
        }
        return found;
    }

    private static int sumEntries(Map<Object, Object> map) {
        int sum = 0;
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            sum += e.getKey().hashCode() + e.getValue().hashCode();
        }
        return sum;
    }

    @Benchmark
    public int getHit_HashMap() {
        return lookUp(hashMap, hits);
    }

    @Benchmark
    public int getHit_LinkedHashMap() {
        return lookUp(linkedHashMap, hits);
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 1.0)
    public int getHit_CowMap() {
        return lookUp(cowMap, hits);
    }

    @Benchmark
    public int getMiss_HashMap() {
        return lookUp(hashMap, misses);
    }

    @Benchmark
    public int getMiss_LinkedHashMap() {
        return lookUp(linkedHashMap, misses);
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 1.0)
    public int getMiss_CowMap() {
        return lookUp(cowMap, misses);
    }

    @Benchmark
    public int iterate_HashMap() {
        return sumEntries(hashMap);
    }

    @Benchmark
    public int iterate_LinkedHashMap() {
        return sumEntries(linkedHashMap);
    }

    @Benchmark
    @Goal(baseline = "LinkedHashMap", atMost = 1.0)
    public int iterate_CowMap() {
        return sumEntries(cowMap);
    }
}

package dev.cowcollections.benchmarks;

import dev.cowcollections.CowMap;
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
 * A pass over the {@code entrySet()} of a map of {@code size} entries filled in arrival order,
 * summing the keys' and values' hash codes, against {@code LinkedHashMap}, the other map that
 * iterates in insertion order.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MapIterateBenchmark {
    @Param({"1000", "100000"})
    int size;

    @Param({Keys.SEQUENTIAL, Keys.RANDOM, Keys.UUID})
    String keyType;

    private LinkedHashMap<Object, Object> linkedHashMap;
    private CowMap<Object, Object> cowMap;

    @Setup
    public void fill() {
        Keys keys = Keys.of(keyType, size);
        Object[] values = Elements.of("Integer", size);
        SettledHeap.settle();
        linkedHashMap = Maps.filled(new LinkedHashMap<>(), keys.present(), values);
        cowMap = Maps.filled(new CowMap<>(), keys.present(), values);
        SettledHeap.settle();
    }

    private static int sumEntries(Map<Object, Object> map) {
        int sum = 0;
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            sum += e.getKey().hashCode() + e.getValue().hashCode();
        }
        return sum;
    }

    @Benchmark
    public int iterate_LinkedHashMap() {
        return sumEntries(linkedHashMap);
    }

    @Benchmark
    @Goal(baseline = "LinkedHashMap", atMost = 1.0)
    @MissCause(baseline = "LinkedHashMap", where = "size=100000", value = "At 100 000 entries the map is paged, and "
            + "its iterator reads every entry through the directories: the next live position, the key and the value, "
            + "each a chain of four dependent loads where the flat table reads one array. Before paging (full run at "
            + "6399df7) these rows read 0.58 and 1.12. A cursor that held a page (3c25865) made the iterator and its "
            + "entries escape: iterating 1 000 flat entries went from 0 to 21 382 B and to 4.8 to 6.9 times "
            + "`LinkedHashMap` (`benchmarks/run --quick --repeat`), so it was reverted (40f0172); `forEach` reads a page "
            + "at a time and is within 1.13 to 1.15 times flat (`MapPagedLayoutBenchmark.iterate`).")
    public int iterate_CowMap() {
        return sumEntries(cowMap);
    }
}

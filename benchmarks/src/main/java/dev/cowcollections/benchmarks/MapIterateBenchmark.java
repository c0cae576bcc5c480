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
    @MissCause(baseline = "LinkedHashMap", where = "size=100000", value = "At 100 000 entries the map is paged. A step "
            + "looks its page up through the directory (handle, `PageDirectory`, page array, page) and the skip past "
            + "removed entries looks the next position up again; an entry then reads its value from the page it was "
            + "made from while the handle's counts have not moved (98b3523: 2.06 to 2.18 times `LinkedHashMap` before, "
            + "1.29 to 1.58 after, in `-p size=100000` selections). `LinkedHashMap` follows one pointer a step. A "
            + "cursor that held its page between steps, with no lookup at all, compiled to more than `InlineSmallCode` "
            + "(2 500 bytes) once the entry's construction was inlined into it: C2 then refused to inline `next()` in "
            + "some forks, and every entry was allocated (5.6 MB a pass). `forEach` reads a page at a time and is within "
            + "0.98 to 1.14 times the flat table (`MapPagedLayoutBenchmark.iterate`).")
    public int iterate_CowMap() {
        return sumEntries(cowMap);
    }
}

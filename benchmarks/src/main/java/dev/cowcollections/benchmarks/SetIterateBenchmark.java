package dev.cowcollections.benchmarks;

import dev.cowcollections.CowSet;
import java.util.LinkedHashSet;
import java.util.Set;
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
 * A for-each pass over a set of {@code size} elements filled in arrival order, summing their hash
 * codes, against {@code LinkedHashSet}, the other set that iterates in insertion order.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SetIterateBenchmark {
    @Param({"1000", "100000"})
    int size;

    @Param({Keys.RANDOM, Keys.UUID})
    String elementType;

    private LinkedHashSet<Object> linkedHashSet;
    private CowSet<Object> cowSet;

    @Setup
    public void fill() {
        Object[] elements = Keys.of(elementType, size).present();
        SettledHeap.settle();
        linkedHashSet = Maps.filled(new LinkedHashSet<>(), elements);
        cowSet = Maps.filled(new CowSet<>(), elements);
        SettledHeap.settle();
    }

    private static int sum(Set<Object> set) {
        int sum = 0;
        for (Object e : set) {
            sum += e.hashCode();
        }
        return sum;
    }

    @Benchmark
    public int iterate_LinkedHashSet() {
        return sum(linkedHashSet);
    }

    @Benchmark
    @Goal(baseline = "LinkedHashSet", atMost = 1.0)
    public int iterate_CowSet() {
        return sum(cowSet);
    }
}

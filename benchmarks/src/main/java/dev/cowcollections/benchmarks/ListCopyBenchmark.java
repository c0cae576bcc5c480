package dev.cowcollections.benchmarks;

import dev.cowcollections.CowList;
import java.util.ArrayList;
import java.util.List;
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

/** {@code copy()} against the defensive copy it replaces. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ListCopyBenchmark {
    @Param({"10", "1000", "1000000"})
    int size;

    private ArrayList<Integer> arrayList;
    private CowList<Integer> cowList;

    @Setup
    public void fill() {
        arrayList = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            arrayList.add(i);
        }
        cowList = new CowList<>(arrayList);
    }

    @Benchmark
    public List<Integer> copy_ArrayList() {
        return new ArrayList<>(arrayList);
    }

    @Benchmark
    @Goal(baseline = "ArrayList", atMost = 0.001, where = "size=1000000")
    public List<Integer> copy_CowList() {
        return cowList.copy();
    }
}

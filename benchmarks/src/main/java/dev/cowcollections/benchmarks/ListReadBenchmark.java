package dev.cowcollections.benchmarks;

import dev.cowcollections.CowList;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Reads: a pass of {@code get(i)} over every index, a for-each pass, and {@code contains} of the
 * last element (a full scan). Each pass sums the elements' hash codes so that nothing is dead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ListReadBenchmark {
    @Param({"10", "1000", "1000000"})
    int size;

    @Param({"Integer", "String"})
    String elementType;

    private ArrayList<Object> arrayList;
    private CowList<Object> cowList;
    private Object last;

    @Setup
    public void fill() {
        Object[] elements = Elements.of(elementType, size);
        SettledHeap.settle();
        arrayList = new ArrayList<>(Arrays.asList(elements));
        cowList = new CowList<>(Arrays.asList(elements));
        last = elements[size - 1];
        SettledHeap.settle();
    }

    @Benchmark
    public int get_ArrayList() {
        ArrayList<Object> list = arrayList;
        int sum = 0;
        for (int i = 0; i < list.size(); i++) {
            sum += list.get(i).hashCode();
        }
        return sum;
    }

    @Benchmark
    @Goal(baseline = "ArrayList", atMost = 1.05)
    public int get_CowList() {
        CowList<Object> list = cowList;
        int sum = 0;
        for (int i = 0; i < list.size(); i++) {
            sum += list.get(i).hashCode();
        }
        return sum;
    }

    @Benchmark
    public int iterate_ArrayList() {
        int sum = 0;
        for (Object e : arrayList) {
            sum += e.hashCode();
        }
        return sum;
    }

    @Benchmark
    @Goal(baseline = "ArrayList", atMost = 1.05)
    public int iterate_CowList() {
        int sum = 0;
        for (Object e : cowList) {
            sum += e.hashCode();
        }
        return sum;
    }

    @Benchmark
    public boolean contains_ArrayList() {
        return arrayList.contains(last);
    }

    @Benchmark
    public boolean contains_CowList() {
        return cowList.contains(last);
    }
}

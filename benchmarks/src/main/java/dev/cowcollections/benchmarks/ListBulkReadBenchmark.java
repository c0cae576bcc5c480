package dev.cowcollections.benchmarks;

import dev.cowcollections.CowList;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * The whole-list reads that walk a paged list page by page rather than through the directory per
 * element (issue 28: reads do not pay for pages): {@code forEach}, {@code indexOf} of an absent
 * element, {@code equals} of two lists with the same elements in different storage,
 * {@code hashCode}, {@code toArray} and a sequential stream sum. At 1 000 the list is flat; at
 * 100 000 and 1 000 000 it is paged.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ListBulkReadBenchmark {
    @Param({"1000", "100000", "1000000"})
    int size;

    private ArrayList<Object> arrayList;
    private ArrayList<Object> otherArrayList;
    private CowList<Object> cowList;
    private CowList<Object> otherCowList;
    private Object absent;

    @Setup
    public void fill() {
        Object[] elements = Elements.of("Integer", size);
        absent = Elements.element("Integer", -1);
        SettledHeap.settle();
        arrayList = new ArrayList<>(Arrays.asList(elements));
        otherArrayList = new ArrayList<>(Arrays.asList(elements));
        cowList = new CowList<>(Arrays.asList(elements));
        otherCowList = new CowList<>(Arrays.asList(elements));
        SettledHeap.settle();
    }

    private static int sumOfHashes(List<Object> list) {
        int[] sum = new int[1];
        list.forEach(e -> sum[0] += e.hashCode());
        return sum[0];
    }

    @Benchmark
    public int forEach_ArrayList() {
        return sumOfHashes(arrayList);
    }

    @Benchmark
    public int forEach_CowList() {
        return sumOfHashes(cowList);
    }

    @Benchmark
    public int indexOf_ArrayList() {
        return arrayList.indexOf(absent);
    }

    @Benchmark
    public int indexOf_CowList() {
        return cowList.indexOf(absent);
    }

    @Benchmark
    public boolean equals_ArrayList() {
        return arrayList.equals(otherArrayList);
    }

    @Benchmark
    public boolean equals_CowList() {
        return cowList.equals(otherCowList);
    }

    @Benchmark
    public int hashCode_ArrayList() {
        return arrayList.hashCode();
    }

    @Benchmark
    public int hashCode_CowList() {
        return cowList.hashCode();
    }

    @Benchmark
    public Object[] toArray_ArrayList() {
        return arrayList.toArray();
    }

    @Benchmark
    public Object[] toArray_CowList() {
        return cowList.toArray();
    }

    @Benchmark
    public long stream_ArrayList() {
        return arrayList.stream().mapToLong(Object::hashCode).sum();
    }

    @Benchmark
    public long stream_CowList() {
        return cowList.stream().mapToLong(Object::hashCode).sum();
    }
}

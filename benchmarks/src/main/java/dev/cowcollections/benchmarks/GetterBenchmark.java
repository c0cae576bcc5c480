package dev.cowcollections.benchmarks;

import com.google.common.collect.ImmutableList;
import dev.cowcollections.CowList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scenario the library exists for: a class that protects its list by returning a copy from
 * its getter. Four getters: {@code new ArrayList<>(items)}, {@code List.copyOf(items)}, Guava's
 * {@code ImmutableList.copyOf(items)}, and {@code items.copy()} on a {@code CowList}.
 *
 * <ul>
 *   <li>{@code readingCaller}: the caller iterates what it got.
 *   <li>{@code writingCaller}: the caller adds an element to what it got; an immutable result has
 *       to be copied into an {@code ArrayList} first, as such a caller would.
 *   <li>{@code ownerWritesBetweenCalls}: the owner changes one element (and changes it back)
 *       before every call, and the caller reads. A {@code CowList} pays here: the copy handed out last time still holds its
 *       share, so the owner's write copies the list, as the defensive copy would have.
 * </ul>
 *
 * Run with {@code -prof gc} to see bytes allocated per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class GetterBenchmark {
    @Param({"10", "1000", "1000000"})
    int size;

    @Param({"Integer", "String"})
    String elementType;

    private Object extra;
    private Object[] elements;
    private ArrayList<Object> items;
    private CowList<Object> cowItems;

    @Setup
    public void fill() {
        elements = Elements.of(elementType, size);
        extra = Elements.element(elementType, -1);
        items = new ArrayList<>(Arrays.asList(elements));
    }

    /** A fresh owner each iteration, so that the shares of dropped copies never near the ceiling. */
    @Setup(Level.Iteration)
    public void freshCowItems() {
        cowItems = new CowList<>(Arrays.asList(elements));
    }

    private static int read(List<Object> got) {
        int sum = 0;
        for (Object e : got) {
            sum += e.hashCode();
        }
        return sum;
    }

    @Benchmark
    public int readingCaller_ArrayList() {
        return read(new ArrayList<>(items));
    }

    @Benchmark
    public int readingCaller_ListCopyOf() {
        return read(List.copyOf(items));
    }

    @Benchmark
    public int readingCaller_ImmutableList() {
        return read(ImmutableList.copyOf(items));
    }

    @Benchmark
    public int readingCaller_CowList() {
        return read(cowItems.copy());
    }

    @Benchmark
    public List<Object> writingCaller_ArrayList() {
        List<Object> got = new ArrayList<>(items);
        got.add(extra);
        return got;
    }

    @Benchmark
    public List<Object> writingCaller_ListCopyOf() {
        List<Object> got = new ArrayList<>(List.copyOf(items));
        got.add(extra);
        return got;
    }

    @Benchmark
    public List<Object> writingCaller_ImmutableList() {
        List<Object> got = new ArrayList<>(ImmutableList.copyOf(items));
        got.add(extra);
        return got;
    }

    @Benchmark
    public List<Object> writingCaller_CowList() {
        List<Object> got = cowItems.copy();
        got.add(extra);
        return got;
    }

    @Benchmark
    public int ownerWritesBetweenCalls_ArrayList() {
        items.set(size >> 1, extra);
        items.set(size >> 1, elements[size >> 1]);
        return read(new ArrayList<>(items));
    }

    @Benchmark
    public int ownerWritesBetweenCalls_CowList() {
        cowItems.set(size >> 1, extra);
        cowItems.set(size >> 1, elements[size >> 1]);
        return read(cowItems.copy());
    }
}

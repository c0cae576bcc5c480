package dev.cowcollections.benchmarks;

import dev.cowcollections.CowList;
import io.vavr.collection.Vector;
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
 * The cost of the first write to a copy, against the size, for the chart of issue 28: the
 * defensive copy {@code new ArrayList<>(list)} and a {@code set}, {@code copy()} and the
 * {@code set} that detaches (a whole flat buffer up to 4 096 elements, the page directory and one
 * page above), and Vavr's {@code Vector}, whose copy is free and whose {@code update} copies one
 * path of its trie. Each operation writes a different index, striding through the list.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ListFirstWriteBenchmark {
    @Param({"10", "100", "1000", "10000", "100000", "1000000", "10000000"})
    int size;

    private Object extra;
    private ArrayList<Object> arrayList;
    private CowList<Object> cowList;
    private Vector<Object> vector;
    private int index;

    @Setup
    public void fill() {
        Object[] elements = Elements.of("Integer", size);
        extra = Elements.element("String", -1);
        arrayList = new ArrayList<>(Arrays.asList(elements));
        vector = Vector.of(elements);
    }

    /** A fresh source each iteration: the dropped copies keep their shares (see ListWriteBenchmark). */
    @Setup(Level.Iteration)
    public void freshCowList() {
        cowList = new CowList<>(arrayList);
    }

    private int nextIndex() {
        index = (index + 7919) % size;
        return index;
    }

    @Benchmark
    public List<Object> firstSet_ArrayList() {
        ArrayList<Object> copy = new ArrayList<>(arrayList);
        copy.set(nextIndex(), extra);
        return copy;
    }

    @Benchmark
    @Goal(baseline = "ArrayList", atMost = 0.05, where = "size=100000")
    @Goal(baseline = "ArrayList", atMost = 0.01, where = "size=1000000")
    @MissCause(baseline = "Vavr", value = "The first `set` after a copy copies the flat page directory and one page of "
            + "512 references, where Vavr's `Vector` copies one path of its trie: 2 986 B against 534 B at 100 000 "
            + "elements and 93 560 B against 1 165 B at 10 000 000 (`-prof gc`, exact), the directory of 19 532 pages "
            + "alone 78 KB. The directory copy grows as n / 512; only a directory of more levels would bound it.")
    public List<Object> firstSet_CowList() {
        CowList<Object> copy = cowList.copy();
        copy.set(nextIndex(), extra);
        return copy;
    }

    @Benchmark
    public Vector<Object> firstSet_Vavr() {
        return vector.update(nextIndex(), extra);
    }
}

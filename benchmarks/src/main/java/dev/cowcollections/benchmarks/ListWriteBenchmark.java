package dev.cowcollections.benchmarks;

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
 * Writes and copies. {@code copy} is the defensive copy against {@code copy()}; the
 * {@code copyThen...} pairs are the whole cost of a copy that is then written once: the
 * defensive copy and the write, against {@code copy()} and the write that detaches. Lists of
 * 100 000 and 1 000 000 elements are paged, so their first write after a copy copies the page
 * directory and one page, not the list. {@code insertMiddle} and {@code removeMiddle} move half
 * the list by one place, within pages and across their boundaries.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ListWriteBenchmark {
    @Param({"10", "1000", "100000", "1000000"})
    int size;

    @Param({"Integer", "String"})
    String elementType;

    private Object[] elements;
    private Object extra;
    private ArrayList<Object> arrayList;
    private CowList<Object> cowList;
    private CowList<Object> uniqueCowList;

    @Setup
    public void fill() {
        elements = Elements.of(elementType, size);
        extra = Elements.element(elementType, -1);
        arrayList = new ArrayList<>(Arrays.asList(elements));
        uniqueCowList = new CowList<>(Arrays.asList(elements));
    }

    /**
     * A fresh source list each iteration: the copy benchmarks drop their copies, and dropped
     * copies keep their share, so the count would otherwise climb towards its ceiling.
     */
    @Setup(Level.Iteration)
    public void freshCowList() {
        cowList = new CowList<>(Arrays.asList(elements));
    }

    @Benchmark
    public List<Object> copy_ArrayList() {
        return new ArrayList<>(arrayList);
    }

    @Benchmark
    @Goal(baseline = "ArrayList", atMost = 0.001, where = "size>=100000")
    public List<Object> copy_CowList() {
        return cowList.copy();
    }

    @Benchmark
    public List<Object> copyThenAdd_ArrayList() {
        ArrayList<Object> copy = new ArrayList<>(arrayList);
        copy.add(extra);
        return copy;
    }

    @Benchmark
    @Goal(baseline = "ArrayList", atMost = 1.0, where = "size>=1000")
    @AllocationGoal(baseline = "ArrayList")
    public List<Object> copyThenAdd_CowList() {
        CowList<Object> copy = cowList.copy();
        copy.add(extra);
        return copy;
    }

    @Benchmark
    public List<Object> copyThenSet_ArrayList() {
        ArrayList<Object> copy = new ArrayList<>(arrayList);
        copy.set(size >> 1, extra);
        return copy;
    }

    @Benchmark
    @Goal(baseline = "ArrayList", atMost = 0.05, where = "size=100000")
    @Goal(baseline = "ArrayList", atMost = 0.01, where = "size=1000000")
    @Goal(baseline = "ArrayList", atMost = 1.10, where = "size>=1000")
    @AllocationGoal(baseline = "ArrayList")
    public List<Object> copyThenSet_CowList() {
        CowList<Object> copy = cowList.copy();
        copy.set(size >> 1, extra);
        return copy;
    }

    @Benchmark
    public List<Object> add_ArrayList() {
        ArrayList<Object> list = new ArrayList<>();
        for (Object e : elements) {
            list.add(e);
        }
        return list;
    }

    @Benchmark
    @Goal(baseline = "ArrayList", atMost = 1.10)
    public List<Object> add_CowList() {
        CowList<Object> list = new CowList<>();
        for (Object e : elements) {
            list.add(e);
        }
        return list;
    }

    /** Removes the middle element and puts it back, so the list keeps its size. */
    @Benchmark
    public Object removeMiddle_ArrayList() {
        int middle = size >> 1;
        Object removed = arrayList.remove(middle);
        arrayList.add(middle, removed);
        return removed;
    }

    @Benchmark
    @Goal(baseline = "ArrayList", atMost = 1.5)
    public Object removeMiddle_CowList() {
        int middle = size >> 1;
        Object removed = uniqueCowList.remove(middle);
        uniqueCowList.add(middle, removed);
        return removed;
    }

    /** Inserts an element in the middle and removes it again, so the list keeps its size. */
    @Benchmark
    public Object insertMiddle_ArrayList() {
        int middle = size >> 1;
        arrayList.add(middle, extra);
        return arrayList.remove(middle);
    }

    @Benchmark
    @Goal(baseline = "ArrayList", atMost = 1.5)
    public Object insertMiddle_CowList() {
        int middle = size >> 1;
        uniqueCowList.add(middle, extra);
        return uniqueCowList.remove(middle);
    }
}

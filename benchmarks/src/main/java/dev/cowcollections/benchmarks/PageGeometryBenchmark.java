package dev.cowcollections.benchmarks;

import dev.cowcollections.BenchmarkPageGeometry;
import dev.cowcollections.CowList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
 * How the paged layout's threshold and page size were chosen (issue 28): the operations the
 * geometry trades against each other, on {@code CowList} only, with the geometry as parameters.
 * {@code pageShift} is log2 of the page length; {@code pagedAbove} is the size above which a list
 * is paged, so {@code pagedAbove} below {@code size} measures the paged layout at that size and
 * above it the flat one. The defaults are the built-in geometry at 100 000 elements; the
 * implementation notes of {@code PageDirectory} give the command and the figures of the
 * comparison, which passes other values with {@code -p}.
 * <ul>
 * <li>{@code firstSet}: {@code copy()} and the {@code set} that detaches, striding through the
 *     list: the directory plus one page, or the whole flat buffer (smaller pages, larger
 *     directory).
 * <li>{@code get}: {@code get} in index order, the directory load on every read even while the
 *     page stays the same.
 * <li>{@code getRandom}: {@code get} at random indices, the directory load on every read.
 * <li>{@code iterate}: a for-each pass, which reads the directory once a page.
 * <li>{@code insertMiddle}: {@code add} and {@code remove} in the middle of a unique list, which
 *     moves half the list one place within pages and carries one element across each boundary.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PageGeometryBenchmark {
    @Param({"100000"})
    int size;

    @Param({"9"})
    int pageShift;

    @Param({"4096"})
    int pagedAbove;

    private Object[] elements;
    private Object extra;
    private CowList<Object> source;
    private CowList<Object> unique;
    private int[] randomIndices;
    private int index;

    @Setup
    public void fill() {
        BenchmarkPageGeometry.set(pagedAbove, pageShift);
        elements = Elements.of("Integer", size);
        extra = Elements.element("String", -1);
        SettledHeap.settle();
        unique = new CowList<>(Arrays.asList(elements));
        randomIndices = new Random(size).ints(Math.min(size, 10_000), 0, size).toArray();
        SettledHeap.settle();
    }

    /** A fresh source each iteration: the dropped copies keep their shares (see ListWriteBenchmark). */
    @Setup(Level.Iteration)
    public void freshSource() {
        source = new CowList<>(Arrays.asList(elements));
    }

    @Benchmark
    public List<Object> firstSet_CowList() {
        index = (index + 7919) % size;
        CowList<Object> copy = source.copy();
        copy.set(index, extra);
        return copy;
    }

    @Benchmark
    public int get_CowList() {
        CowList<Object> list = unique;
        int sum = 0;
        for (int i = 0; i < list.size(); i++) {
            sum += list.get(i).hashCode();
        }
        return sum;
    }

    @Benchmark
    public int getRandom_CowList() {
        CowList<Object> list = unique;
        int sum = 0;
        for (int i : randomIndices) {
            sum += list.get(i).hashCode();
        }
        return sum;
    }

    @Benchmark
    public int iterate_CowList() {
        int sum = 0;
        for (Object e : unique) {
            sum += e.hashCode();
        }
        return sum;
    }

    @Benchmark
    public Object insertMiddle_CowList() {
        int middle = size >> 1;
        unique.add(middle, extra);
        return unique.remove(middle);
    }
}

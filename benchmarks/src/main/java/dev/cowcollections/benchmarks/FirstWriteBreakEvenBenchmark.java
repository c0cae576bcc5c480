package dev.cowcollections.benchmarks;

import dev.cowcollections.CowList;
import dev.cowcollections.CowMap;
import dev.cowcollections.CowSet;
import dev.cowcollections.CowString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Where {@code copy()} and the first write start to pay: the defensive copy plus one write,
 * against {@code copy()} plus the write that detaches, at small sizes. A small copy-on-write copy
 * costs two atomic updates and a new count besides copying the buffer, so below some size the
 * defensive copy is cheaper; the report gives that size per type and operation as the break-even
 * size. Each write changes the collection ({@code set} and {@code put} store a new value, the
 * others add an element not yet present), so every write detaches.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FirstWriteBreakEvenBenchmark {
    @Param({"4", "16", "64", "256"})
    int size;

    private Object[] elements;
    private Object extra;
    private ArrayList<Object> arrayList;
    private HashMap<Object, Object> hashMap;
    private HashSet<Object> hashSet;
    private StringBuilder stringBuilder;
    private CowList<Object> cowList;
    private CowMap<Object, Object> cowMap;
    private CowSet<Object> cowSet;
    private CowString cowString;

    @Setup
    public void fill() {
        elements = Elements.of("Integer", size);
        extra = Elements.element("Integer", -1);
        arrayList = new ArrayList<>(Arrays.asList(elements));
        hashMap = Maps.filled(new HashMap<>(), elements, elements);
        hashSet = new HashSet<>(Arrays.asList(elements));
        stringBuilder = new StringBuilder(Texts.text(size, false));
    }

    /**
     * Fresh sources each iteration: dropped copies keep their share, so the counts would
     * otherwise climb towards their ceiling.
     */
    @Setup(Level.Iteration)
    public void freshSources() {
        cowList = new CowList<>(arrayList);
        cowMap = new CowMap<>(hashMap);
        cowSet = new CowSet<>(hashSet);
        cowString = new CowString(stringBuilder);
    }

    @Benchmark
    public List<Object> listSet_ArrayList() {
        ArrayList<Object> copy = new ArrayList<>(arrayList);
        copy.set(0, extra);
        return copy;
    }

    @Benchmark
    public List<Object> listSet_CowList() {
        CowList<Object> copy = cowList.copy();
        copy.set(0, extra);
        return copy;
    }

    @Benchmark
    public List<Object> listAdd_ArrayList() {
        ArrayList<Object> copy = new ArrayList<>(arrayList);
        copy.add(extra);
        return copy;
    }

    @Benchmark
    public List<Object> listAdd_CowList() {
        CowList<Object> copy = cowList.copy();
        copy.add(extra);
        return copy;
    }

    @Benchmark
    public Map<Object, Object> mapPut_HashMap() {
        HashMap<Object, Object> copy = new HashMap<>(hashMap);
        copy.put(elements[0], extra);
        return copy;
    }

    @Benchmark
    public Map<Object, Object> mapPut_CowMap() {
        CowMap<Object, Object> copy = cowMap.copy();
        copy.put(elements[0], extra);
        return copy;
    }

    @Benchmark
    public Set<Object> setAdd_HashSet() {
        HashSet<Object> copy = new HashSet<>(hashSet);
        copy.add(extra);
        return copy;
    }

    @Benchmark
    public Set<Object> setAdd_CowSet() {
        CowSet<Object> copy = cowSet.copy();
        copy.add(extra);
        return copy;
    }

    @Benchmark
    public CharSequence stringAppend_StringBuilder() {
        return new StringBuilder(stringBuilder).append('x');
    }

    @Benchmark
    public CharSequence stringAppend_CowString() {
        return cowString.copy().append('x');
    }
}

package dev.cowcollections.benchmarks;

import dev.cowcollections.CowTreeMap;
import java.util.Map;
import java.util.TreeMap;
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
 * Writes and copies of a sorted map of {@code size} entries, a {@code CowTreeMap} against a
 * {@code TreeMap}.
 *
 * <ul>
 *   <li>{@code put}: a new map, empty, filled with {@code size} keys in a random order, unique
 *       for its whole life, so every write is in place.
 *   <li>{@code removeThenPut}: on a filled map that is never copied, the next key (in a random
 *       order) is removed and put back: a removal and an insertion in place, the map unchanged.
 *   <li>{@code copy}: {@code copy()} against the defensive copy {@code new TreeMap<>(map)}.
 *   <li>{@code copyThenPut}: a copy that is then written once, a new key put: the defensive copy
 *       and the put, against {@code copy()} and the put that copies one path.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
// Benchmark scope: JMH makes one object of a thread-scoped state per place that names it, so the
// sources' setups would draw the keys a second time and fill from that copy.
@State(Scope.Benchmark)
public class TreeWriteBenchmark {
    @Param({"10", "1000", "100000", "1000000"})
    int size;

    @Param({"Integer", "String"})
    String keyType;

    private Object[] keys;
    private Object[] values;
    private Object extraKey;
    private int next;

    @Setup
    public void draw() {
        keys = Elements.shuffled(keyType, size);
        values = Elements.of("Integer", size);
        extraKey = Elements.element(keyType, -1);
    }

    /** A {@code TreeMap} filled with the keys, for the benchmarks that write or copy one. */
    @State(Scope.Thread)
    public static class FilledTreeMap {
        TreeMap<Object, Object> map;

        @Setup
        public void fill(TreeWriteBenchmark drawn) {
            map = Maps.filled(new TreeMap<>(), drawn.keys, drawn.values);
        }
    }

    /** A {@code CowTreeMap} filled with the keys once, for the benchmark that writes it in place. */
    @State(Scope.Thread)
    public static class FilledCowTreeMap {
        CowTreeMap<Object, Object> map;

        @Setup
        public void fill(TreeWriteBenchmark drawn) {
            map = Maps.filled(new CowTreeMap<>(), drawn.keys, drawn.values);
        }
    }

    /**
     * A {@code CowTreeMap} filled afresh each iteration, for the copy benchmarks: they drop their
     * copies, and a dropped copy keeps its share, so the count would otherwise climb towards its
     * ceiling. Only the forks that copy one build it (eight fills of 1 000 000 keys took 6 s of
     * every fork of this benchmark when every fork did).
     */
    @State(Scope.Thread)
    public static class FreshCowTreeMap {
        CowTreeMap<Object, Object> map;

        @Setup(Level.Iteration)
        public void fill(TreeWriteBenchmark drawn) {
            map = Maps.filled(new CowTreeMap<>(), drawn.keys, drawn.values);
        }
    }

    private Object removeThenPut(Map<Object, Object> map) {
        int i = next;
        next = i + 1 == keys.length ? 0 : i + 1;
        Object old = map.remove(keys[i]);
        map.put(keys[i], old);
        return old;
    }

    @Benchmark
    public Map<Object, Object> put_TreeMap() {
        return Maps.filled(new TreeMap<>(), keys, values);
    }

    @Benchmark
    @Goal(baseline = "TreeMap", atMost = 1.0)
    @MissCause(baseline = "TreeMap", where = "size=1000", value = "Not comparisons (8.67 against `TreeMap`'s 8.73 "
            + "per put, counted) nor allocation (15.5 KB against 40 KB): each insert shifts the keys and values of its "
            + "leaf (two `System.arraycopy` calls) and splits full leaves. Leaves twice as wide (64) are 35 % slower, "
            + "half as wide (16) no faster. A cpu-clock profile of 1 000 `Integer` puts (`-prof perfasm`, 55 µs a "
            + "build): 19 % in the overlapping-copy stub and 6 % in G1's card marking after it "
            + "(`G1BarrierSet::invalidate`), so the shifts take a quarter of the time; shifting with a loop instead "
            + "moved that time into the loop, 2.91 [2.68, 3.17] before and 2.90 [2.11, 4.00] after (one selection "
            + "each way, `-p size=1000`, 2026-12-07, not kept). `TreeMap` links a new node and moves nothing.")
    public Map<Object, Object> put_CowTreeMap() {
        return Maps.filled(new CowTreeMap<>(), keys, values);
    }

    @Benchmark
    public Object removeThenPut_TreeMap(FilledTreeMap filled) {
        return removeThenPut(filled.map);
    }

    @Benchmark
    @Goal(baseline = "TreeMap", atMost = 1.0)
    public Object removeThenPut_CowTreeMap(FilledCowTreeMap filled) {
        return removeThenPut(filled.map);
    }

    @Benchmark
    public Map<Object, Object> copy_TreeMap(FilledTreeMap filled) {
        return new TreeMap<>(filled.map);
    }

    @Benchmark
    @Goal(baseline = "TreeMap", atMost = 0.001, where = "size=1000000")
    public Map<Object, Object> copy_CowTreeMap(FreshCowTreeMap fresh) {
        return fresh.map.copy();
    }

    @Benchmark
    public Map<Object, Object> copyThenPut_TreeMap(FilledTreeMap filled) {
        TreeMap<Object, Object> copy = new TreeMap<>(filled.map);
        copy.put(extraKey, extraKey);
        return copy;
    }

    @Benchmark
    @Goal(baseline = "TreeMap", atMost = 0.001, where = "size=1000000")
    public Map<Object, Object> copyThenPut_CowTreeMap(FreshCowTreeMap fresh) {
        CowTreeMap<Object, Object> copy = fresh.map.copy();
        copy.put(extraKey, extraKey);
        return copy;
    }
}

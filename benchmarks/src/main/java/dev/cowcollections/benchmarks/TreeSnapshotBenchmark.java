package dev.cowcollections.benchmarks;

import dev.cowcollections.CowTreeMap;
import java.util.Map;
import java.util.TreeMap;
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
import org.pcollections.TreePMap;

/**
 * The snapshot workload of {@link MapSnapshotBenchmark} on a sorted map of 100 000
 * {@code Integer} keys: one operation is {@code k} writes (a new value {@code put} for a present
 * key, striding through all of them) followed by a snapshot kept until the next one. A
 * {@code TreeMap} snapshots by copying, {@code new TreeMap<>(map)}; a {@code CowTreeMap} with
 * {@code copy()}, and copies one path on the first write to each path after a snapshot, writing
 * in place after that; Vavr's {@code TreeMap} and PCollections' {@code TreePMap} are persistent
 * and copy a path on every write.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TreeSnapshotBenchmark {
    @Param({"1", "10", "1000"})
    int writesPerSnapshot;

    private SnapshotWrites writes;
    private Object[] keys;
    private TreeMap<Integer, Object> treeMap;
    private CowTreeMap<Integer, Object> cowTreeMap;
    private io.vavr.collection.TreeMap<Integer, Object> vavrMap;
    private TreePMap<Integer, Object> pcollectionsMap;
    private Object snapshot;

    @Setup
    public void fill() {
        writes = new SnapshotWrites();
        keys = Elements.of("Integer", SnapshotWrites.SIZE);
        Object[] values = writes.initialValues();
        treeMap = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            treeMap.put((Integer) keys[i], values[i]);
        }
        cowTreeMap = new CowTreeMap<>(treeMap);
        vavrMap = io.vavr.collection.TreeMap.ofAll(treeMap);
        pcollectionsMap = TreePMap.from(treeMap);
    }

    private Integer nextKey() {
        return (Integer) keys[writes.nextIndex()];
    }

    @Benchmark
    public Object snapshotEveryK_TreeMap() {
        for (int i = 0; i < writesPerSnapshot; i++) {
            treeMap.put(nextKey(), writes.nextValue());
        }
        Map<Integer, Object> copy = new TreeMap<>(treeMap);
        snapshot = copy;
        return copy;
    }

    @Benchmark
    public Object snapshotEveryK_Vavr() {
        for (int i = 0; i < writesPerSnapshot; i++) {
            vavrMap = vavrMap.put(nextKey(), writes.nextValue());
        }
        snapshot = vavrMap;
        return vavrMap;
    }

    @Benchmark
    public Object snapshotEveryK_PCollections() {
        for (int i = 0; i < writesPerSnapshot; i++) {
            pcollectionsMap = pcollectionsMap.plus(nextKey(), writes.nextValue());
        }
        snapshot = pcollectionsMap;
        return pcollectionsMap;
    }

    @Benchmark
    @Goal(baseline = "TreeMap", atMost = 1.0)
    @Goal(baseline = "Vavr", atMost = 1.0)
    @Goal(baseline = "PCollections", atMost = 1.0)
    public Object snapshotEveryK_CowTreeMap() {
        for (int i = 0; i < writesPerSnapshot; i++) {
            cowTreeMap.put(nextKey(), writes.nextValue());
        }
        CowTreeMap<Integer, Object> copy = cowTreeMap.copy();
        snapshot = copy;
        return copy;
    }
}

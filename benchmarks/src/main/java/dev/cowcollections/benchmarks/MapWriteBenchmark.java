package dev.cowcollections.benchmarks;

import dev.cowcollections.CowMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Writes and copies of a map of {@code size} entries.
 *
 * <ul>
 *   <li>{@code put}: a new map, empty, filled with {@code size} new keys in a random order, each
 *       map unique for its whole life. One operation builds one map, so it counts every growth
 *       and rehash the {@code put}s cause, as a map filled in real code pays them. It needs no
 *       per-invocation reset: JMH's {@code Level.Invocation} setup costs timestamps around every
 *       call, which would swamp the ten puts of the small size, and emptying a map with
 *       {@code clear()} keeps its grown table, which would hide the growth.
 *   <li>{@code copy}: {@code copy()} against the defensive copy {@code new HashMap<>(map)}.
 *   <li>{@code copyThenPut}: the whole cost of a copy that is then written once, a new key put:
 *       the defensive copy and the put, against {@code copy()} and the put that detaches.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MapWriteBenchmark {
    @Param({"10", "1000", "100000", "1000000"})
    int size;

    @Param({"Integer", "String"})
    String keyType;

    private Object[] keys;
    private Object[] values;
    private Object extraKey;
    private Object extraValue;
    private HashMap<Object, Object> hashMap;
    private CowMap<Object, Object> cowMap;

    @Setup
    public void fill() {
        keys = Elements.shuffled(keyType, size);
        values = Elements.of("Integer", size);
        extraKey = Elements.element(keyType, -1);
        extraValue = -1;
        hashMap = Maps.filled(new HashMap<>(), keys, values);
    }

    /**
     * A fresh source map each iteration, filled by {@code put} as a map in real code is: the copy
     * benchmarks drop their copies, and dropped copies keep their share, so the count would
     * otherwise climb towards its ceiling.
     */
    @Setup(Level.Iteration)
    public void freshCowMap() {
        cowMap = Maps.filled(new CowMap<>(), keys, values);
    }

    /**
     * Puts every key, in the random order, into {@code map}. Only the {@code put} benchmarks call
     * it, one of them per JVM fork, so its call of {@code put} sees one implementation.
     */
    private <M extends Map<Object, Object>> M putAll(M map) {
        Object[] ks = keys;
        Object[] vs = values;
        for (int i = 0; i < ks.length; i++) {
            map.put(ks[i], vs[i]);
        }
        return map;
    }

    @Benchmark
    public Map<Object, Object> put_HashMap() {
        return putAll(new HashMap<>());
    }

    @Benchmark
    public Map<Object, Object> put_LinkedHashMap() {
        return putAll(new LinkedHashMap<>());
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 1.10)
    public Map<Object, Object> put_CowMap() {
        return putAll(new CowMap<>());
    }

    @Benchmark
    public Map<Object, Object> copy_HashMap() {
        return new HashMap<>(hashMap);
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 0.001, where = "size=1000000")
    public Map<Object, Object> copy_CowMap() {
        return cowMap.copy();
    }

    @Benchmark
    public Map<Object, Object> copyThenPut_HashMap() {
        HashMap<Object, Object> copy = new HashMap<>(hashMap);
        copy.put(extraKey, extraValue);
        return copy;
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 0.5)
    public Map<Object, Object> copyThenPut_CowMap() {
        CowMap<Object, Object> copy = cowMap.copy();
        copy.put(extraKey, extraValue);
        return copy;
    }
}

package dev.cowcollections.benchmarks;

import dev.cowcollections.CowMap;
import java.util.HashMap;
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
 * A map built from empty: a new map, {@code size} new keys put in arrival order, with each
 * {@linkplain Keys key kind} and in each {@linkplain Regime JIT regime}. One operation builds one
 * map, so it counts every growth and rehash the {@code put}s cause, as a map filled in real code
 * pays them. It needs no per-invocation reset: JMH's {@code Level.Invocation} setup costs
 * timestamps around every call, which would swamp the ten puts of the small size, and emptying a
 * map with {@code clear()} keeps its grown table, which would hide the growth.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MapWriteBenchmark {
    @Param({"10", "1000", "100000"})
    int size;

    @Param({Keys.SEQUENTIAL, Keys.RANDOM, Keys.UUID})
    String keyType;

    @Param({Regime.MONO, Regime.POLY})
    String regime;

    private Object[] keys;
    private Object[] values;

    @Setup
    public void fill() {
        Regime.enter(regime);
        keys = Keys.of(keyType, size).present();
        values = Elements.of("Integer", size);
    }

    /**
     * Puts every key of {@code ks} with its value in {@code vs} into {@code map}. Only the
     * {@code put} benchmarks call it (here and in {@link MapPeersBenchmark}), one of them per JVM
     * fork, so its call of {@code put} sees one implementation.
     */
    static <M extends Map<Object, Object>> M putEach(M map, Object[] ks, Object[] vs) {
        for (int i = 0; i < ks.length; i++) {
            map.put(ks[i], vs[i]);
        }
        return map;
    }

    @Benchmark
    public Map<Object, Object> put_HashMap() {
        return putEach(new HashMap<>(), keys, values);
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 1.10)
    public Map<Object, Object> put_CowMap() {
        return putEach(new CowMap<>(), keys, values);
    }
}

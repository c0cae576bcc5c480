package dev.cowcollections.benchmarks;

import dev.cowcollections.CowMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hash-flooding case: {@value #KEYS} {@code Comparable} keys whose hash codes are all the
 * same, put into a new map in a random order and then all looked up in another. {@code HashMap}
 * turns the bin into a red-black tree; {@code CowMap} moves the keys into a collision tree once
 * a ninth one arrives. Without trees both would be quadratic, some 200 million {@code equals}
 * calls per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CollidingKeysBenchmark {
    private static final int KEYS = 20_000;

    /** A key whose hash code is the same as every other's; equality and order are its number's. */
    record CollidingKey(int number) implements Comparable<CollidingKey> {
        @Override
        public int hashCode() {
            return 42;
        }

        @Override
        public int compareTo(CollidingKey other) {
            return Integer.compare(number, other.number);
        }
    }

    private CollidingKey[] putOrder;
    private CollidingKey[] getOrder;

    @Setup
    public void prepare() {
        putOrder = new CollidingKey[KEYS];
        for (int i = 0; i < KEYS; i++) {
            putOrder[i] = new CollidingKey(i);
        }
        getOrder = putOrder.clone();
        Collections.shuffle(Arrays.asList(putOrder), new Random(1));
        Collections.shuffle(Arrays.asList(getOrder), new Random(2));
    }

    /**
     * Puts every key, each mapped to itself, then gets every key; returns how many were found.
     * One benchmark per JVM fork calls it, so its calls see one implementation.
     */
    private int putThenGet(Map<Object, Object> map) {
        for (CollidingKey key : putOrder) {
            map.put(key, key);
        }
        int found = 0;
        for (CollidingKey key : getOrder) {
            if (map.get(key) != null) {
                found++;
            }
        }
        return found;
    }

    @Benchmark
    public int putThenGet_HashMap() {
        return putThenGet(new HashMap<>());
    }

    @Benchmark
    @Goal(baseline = "HashMap", atMost = 3.0)
    public int putThenGet_CowMap() {
        return putThenGet(new CowMap<>());
    }
}

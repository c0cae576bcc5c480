package dev.cowcollections.benchmarks;

import dev.cowcollections.CowSet;
import java.util.HashSet;
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
 * Copies of a set of {@code size} random {@code Integer}s, as {@link MapCopyBenchmark} does them
 * for maps: {@code copy()} against {@code new HashSet<>(set)}, and a copy then one new element
 * added.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
// Benchmark scope: JMH makes one object of a thread-scoped state per place that names it, so the
// sources' setups would draw the keys a second time and fill from that copy.
@State(Scope.Benchmark)
public class SetCopyBenchmark {
    @Param({"1000", "100000", "1000000"})
    int size;

    private Object[] elements;
    private Object extra;

    @Setup
    public void draw() {
        Keys drawn = Keys.of(Keys.RANDOM, size);
        elements = drawn.present();
        extra = drawn.absent()[0];
    }

    /** A {@code HashSet} of the elements, for the defensive copies. */
    @State(Scope.Thread)
    public static class FilledHashSet {
        HashSet<Object> set;

        @Setup
        public void fill(SetCopyBenchmark drawn) {
            set = Maps.filled(new HashSet<>(), drawn.elements);
        }
    }

    /**
     * A fresh source set each iteration, so that the shares of dropped copies never near the
     * ceiling. Only the forks that copy one build it.
     */
    @State(Scope.Thread)
    public static class FreshCowSet {
        CowSet<Object> set;

        @Setup(Level.Iteration)
        public void fill(SetCopyBenchmark drawn) {
            set = Maps.filled(new CowSet<>(), drawn.elements);
        }
    }

    @Benchmark
    public Set<Object> copy_HashSet(FilledHashSet filled) {
        return new HashSet<>(filled.set);
    }

    @Benchmark
    @Goal(baseline = "HashSet", atMost = 0.001, where = "size>=100000")
    public Set<Object> copy_CowSet(FreshCowSet fresh) {
        return fresh.set.copy();
    }

    @Benchmark
    public Set<Object> copyThenAdd_HashSet(FilledHashSet filled) {
        HashSet<Object> copy = new HashSet<>(filled.set);
        copy.add(extra);
        return copy;
    }

    @Benchmark
    @Goal(baseline = "HashSet", atMost = 0.01, where = "size>=1000000")
    @Goal(baseline = "HashSet", atMost = 0.05, where = "size>=100000")
    @Goal(baseline = "HashSet", atMost = 0.5)
    @AllocationGoal(baseline = "HashSet")
    public Set<Object> copyThenAdd_CowSet(FreshCowSet fresh) {
        CowSet<Object> copy = fresh.set.copy();
        copy.add(extra);
        return copy;
    }
}

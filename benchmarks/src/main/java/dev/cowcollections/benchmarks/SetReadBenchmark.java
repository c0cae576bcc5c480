package dev.cowcollections.benchmarks;

import dev.cowcollections.CowSet;
import java.util.HashSet;
import java.util.Set;
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

/**
 * Reads of a set of {@code size} elements, filled by {@code add} in a random order:
 * {@code contains} of present elements ({@code containsHit}) and of elements known to be absent
 * ({@code containsMiss}), a batch of {@value LookupSequence#BATCH} per operation from a
 * {@link LookupSequence}, as in {@link MapReadBenchmark}; and a for-each pass summing the
 * elements' hash codes ({@code iterate}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SetReadBenchmark {
    @Param({"10", "1000", "100000", "1000000"})
    int size;

    @Param({"Integer", "String"})
    String elementType;

    private HashSet<Object> hashSet;
    private CowSet<Object> cowSet;
    private LookupSequence hits;
    private LookupSequence misses;

    @Setup
    public void fill() {
        Object[] elements = Elements.shuffled(elementType, size);
        SettledHeap.settle();
        hashSet = Maps.filled(new HashSet<>(), elements);
        cowSet = Maps.filled(new CowSet<>(), elements);
        hits = new LookupSequence(elements);
        misses = new LookupSequence(Elements.absent(elementType, size));
        SettledHeap.settle();
    }

    /** The next batch of {@code lookups}; returns how many were present. */
    private static int lookUp(Set<Object> set, LookupSequence lookups) {
        Object[] elements = lookups.keys();
        int found = 0;
        for (int k = lookups.nextBatch(), end = k + LookupSequence.BATCH; k < end; k++) {
            if (set.contains(elements[k])) {
                found++;
            }
        }
        return found;
    }

    private static int sum(Set<Object> set) {
        int sum = 0;
        for (Object e : set) {
            sum += e.hashCode();
        }
        return sum;
    }

    @Benchmark
    public int containsHit_HashSet() {
        return lookUp(hashSet, hits);
    }

    @Benchmark
    @Goal(baseline = "HashSet", atMost = 1.0)
    public int containsHit_CowSet() {
        return lookUp(cowSet, hits);
    }

    @Benchmark
    public int containsMiss_HashSet() {
        return lookUp(hashSet, misses);
    }

    @Benchmark
    @Goal(baseline = "HashSet", atMost = 1.0)
    public int containsMiss_CowSet() {
        return lookUp(cowSet, misses);
    }

    @Benchmark
    public int iterate_HashSet() {
        return sum(hashSet);
    }

    @Benchmark
    public int iterate_CowSet() {
        return sum(cowSet);
    }
}

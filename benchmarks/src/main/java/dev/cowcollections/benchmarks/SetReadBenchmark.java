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
 * Lookups in a set of {@code size} elements, filled by {@code add} in arrival order:
 * {@code contains} of present elements ({@code containsHit}) and of elements known to be absent
 * ({@code containsMiss}), a batch of {@value LookupSequence#BATCH} per operation, with each
 * {@linkplain Keys key kind} and in each {@linkplain Regime JIT regime}, as
 * {@link MapReadBenchmark} does for maps.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SetReadBenchmark {
    @Param({"1000", "100000"})
    int size;

    @Param({Keys.SEQUENTIAL, Keys.RANDOM, Keys.UUID})
    String elementType;

    @Param({Regime.MONO, Regime.POLY})
    String regime;

    private HashSet<Object> hashSet;
    private CowSet<Object> cowSet;
    private LookupSequence hits;
    private LookupSequence misses;

    @Setup
    public void fill() {
        Regime.enter(regime);
        Keys elements = Keys.of(elementType, size);
        SettledHeap.settle();
        hashSet = Maps.filled(new HashSet<>(), elements.present());
        cowSet = Maps.filled(new CowSet<>(), elements.present());
        hits = new LookupSequence(elements.present());
        misses = new LookupSequence(elements.absent());
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

    @Benchmark
    public int containsHit_HashSet() {
        return lookUp(hashSet, hits);
    }

    @Benchmark
    @Goal(baseline = "HashSet", atMost = 1.0)
    @MissCause(baseline = "HashSet", where = "regime=poly", value = KnownCauses.POLLUTED_PROBE)
    @MissCause(baseline = "HashSet", where = {"elementType=UuidString", "regime=mono", "size=1000"},
            value = KnownCauses.STRING_KEYS)
    public int containsHit_CowSet() {
        return lookUp(cowSet, hits);
    }

    @Benchmark
    public int containsMiss_HashSet() {
        return lookUp(hashSet, misses);
    }

    @Benchmark
    @Goal(baseline = "HashSet", atMost = 0.8)
    @MissCause(baseline = "HashSet", where = "regime=poly", value = KnownCauses.POLLUTED_PROBE)
    @MissCause(baseline = "HashSet", where = {"elementType=Integer", "regime=mono", "size=1000"},
            value = KnownCauses.WINDOW_TEST)
    public int containsMiss_CowSet() {
        return lookUp(cowSet, misses);
    }
}

package dev.cowcollections.benchmarks;

import dev.cowcollections.BenchmarkPageGeometry;
import dev.cowcollections.CowMap;
import java.util.Arrays;
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
 * What the paged layout costs a map that is never copied: the same operations on a
 * {@code CowMap} of {@code size} entries in its production layout (paged above 4 096 entries)
 * and on one forced to stay flat ({@code FlatCowMap}), each fork holding one of them and the
 * geometry that made it. {@code getHit} and {@code getMiss} as in {@link MapReadBenchmark};
 * {@code putThenRemove} puts {@value LookupSequence#BATCH} new keys and removes them again, so
 * tombstones build up and the table compacts now and then, as under churn; {@code iterate} sums
 * the values' hash codes with {@code forEach}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MapPagedLayoutBenchmark {

    private static final String PAGED_LOOKUP = "Every read of the paged index and of a paged entry is a chain of dependent "
            + "loads two longer than the flat table's: handle, `IndexPages`, its page array, the page, the slot; handle, the "
            + "`PageDirectory` that is the count, its page array, the page, the key; the flat table reads handle, array, "
            + "slot. Isolated with a scratch harness (1 000 000 random `Integer`s, 1 024 shuffled hits a call, five "
            + "2-second rounds, not kept): flat 25 to 29 ns a hit, paged 36 to 38 ns with pages of 512, 4 096 and 32 768 "
            + "slots alike, so the cost is the chain's length, not misses on page headers or on the directories, which "
            + "at 32 768 slots a page are 64 references. `put` then `remove` pays the same chain on each probe, and "
            + "writes go through the owned-page check.";

    /** The map, keys and lookups of one fork, in the layout {@link #paged()} says. */
    @State(Scope.Thread)
    public abstract static class Table {
        @Param({"100000", "1000000"})
        int size;

        @Param({Keys.SEQUENTIAL, Keys.RANDOM, Keys.UUID})
        String keyType;

        CowMap<Object, Object> map;
        LookupSequence hits;
        LookupSequence misses;
        Object[] newKeys;

        abstract boolean paged();

        @Setup
        public void fill() {
            if (paged()) {
                BenchmarkPageGeometry.production();
            } else {
                BenchmarkPageGeometry.flatTables();
            }
            Keys keys = Keys.of(keyType, size + LookupSequence.BATCH);
            Object[] all = keys.present();
            Object[] present = Arrays.copyOf(all, size);
            newKeys = Arrays.copyOfRange(all, size, all.length);
            SettledHeap.settle();
            map = Maps.filled(new CowMap<>(), present, Elements.of("Integer", size));
            if (map.isEmpty() || paged() != BenchmarkPageGeometry.isPaged(map)) {
                throw new IllegalStateException("the map is not in the layout this fork measures");
            }
            hits = new LookupSequence(present);
            misses = new LookupSequence(keys.absent());
            SettledHeap.settle();
        }
    }

    /** A map in the production layout: paged at these sizes. */
    public static class Paged extends Table {
        @Override
        boolean paged() {
            return true;
        }
    }

    /** The same map held in one flat array. */
    public static class Flat extends Table {
        @Override
        boolean paged() {
            return false;
        }
    }

    private static int putThenRemove(Table table) {
        CowMap<Object, Object> map = table.map;
        Object[] keys = table.newKeys;
        for (Object key : keys) {
            map.put(key, key);
        }
        for (Object key : keys) {
            map.remove(key);
        }
        return map.size();
    }

    private static int iterate(Table table) {
        int[] sum = {0};
        table.map.forEach((k, v) -> sum[0] += v.hashCode());
        return sum[0];
    }

    @Benchmark
    public int getHit_FlatCowMap(Flat table) {
        return MapReadBenchmark.lookUp(table.map, table.hits);
    }

    @Benchmark
    @Goal(baseline = "FlatCowMap", atMost = 1.15)
    @MissCause(baseline = "FlatCowMap", value = PAGED_LOOKUP)
    public int getHit_CowMap(Paged table) {
        return MapReadBenchmark.lookUp(table.map, table.hits);
    }

    @Benchmark
    public int getMiss_FlatCowMap(Flat table) {
        return MapReadBenchmark.lookUp(table.map, table.misses);
    }

    @Benchmark
    @Goal(baseline = "FlatCowMap", atMost = 1.15)
    @MissCause(baseline = "FlatCowMap", value = PAGED_LOOKUP)
    public int getMiss_CowMap(Paged table) {
        return MapReadBenchmark.lookUp(table.map, table.misses);
    }

    @Benchmark
    public int putThenRemove_FlatCowMap(Flat table) {
        return putThenRemove(table);
    }

    @Benchmark
    @Goal(baseline = "FlatCowMap", atMost = 1.15)
    @MissCause(baseline = "FlatCowMap", value = PAGED_LOOKUP)
    public int putThenRemove_CowMap(Paged table) {
        return putThenRemove(table);
    }

    @Benchmark
    public int iterate_FlatCowMap(Flat table) {
        return iterate(table);
    }

    @Benchmark
    @Goal(baseline = "FlatCowMap", atMost = 1.15)
    public int iterate_CowMap(Paged table) {
        return iterate(table);
    }
}

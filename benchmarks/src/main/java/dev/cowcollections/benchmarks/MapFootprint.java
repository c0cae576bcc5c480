package dev.cowcollections.benchmarks;

import dev.cowcollections.CowMap;
import dev.cowcollections.CowSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Retained bytes per entry of a {@code CowMap}, a {@code HashMap} and a {@code LinkedHashMap}
 * filled by the same {@code put} calls, and per element of a {@code CowSet} and a
 * {@code HashSet} filled by the same {@code add} calls, in a random order, the keys and values
 * themselves excluded, measured with JOL.
 *
 * <p>Run: {@code java -Djdk.attach.allowAttachSelf=true -cp benchmarks/target/benchmarks.jar
 * dev.cowcollections.benchmarks.MapFootprint}
 */
public final class MapFootprint {

    /** The goal of issue 3: a CowMap retains at most this fraction of a HashMap's bytes per entry. */
    static final double GOAL_RATIO_TO_HASH_MAP = 0.6;

    private MapFootprint() {
    }

    private static final int[] COUNTS = {10, 1_000, 100_000, 1_000_000};

    /** Measures at 10, 1 000, 100 000 and 1 000 000 entries (elements), as the full report does. */
    public static List<FootprintRow> measure() {
        return measureAt(COUNTS);
    }

    /** Measures at each of {@code counts} entries (elements). */
    public static List<FootprintRow> measureAt(int... counts) {
        Optional<FootprintGoal> goal = Optional.of(FootprintGoal.ratioAtMost(GOAL_RATIO_TO_HASH_MAP));
        List<FootprintRow> rows = new ArrayList<>();
        for (int count : counts) {
            Object[] keys = Elements.shuffled("Integer", count);
            Object[] values = Elements.of("Integer", count);
            CowMap<Object, Object> cowMap = Maps.filled(new CowMap<>(), keys, values);
            long entryBytes = FootprintRow.contentBytes(concat(keys, values));
            rows.add(FootprintRow.measure(cowMap, Maps.filled(new HashMap<>(), keys, values), entryBytes,
                    "entry", count, goal));
            rows.add(FootprintRow.measure(cowMap, Maps.filled(new LinkedHashMap<>(), keys, values), entryBytes,
                    "entry", count, Optional.empty()));
        }
        for (int count : counts) {
            Object[] elements = Elements.shuffled("Integer", count);
            rows.add(FootprintRow.measure(Maps.filled(new CowSet<>(), elements),
                    Maps.filled(new HashSet<>(), elements), FootprintRow.contentBytes(elements), "element", count,
                    goal));
        }
        return rows;
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] both = new Object[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    public static void main(String[] args) {
        FootprintRow.print(measure());
    }
}

package dev.cowcollections.benchmarks;

import dev.cowcollections.CowTreeMap;
import dev.cowcollections.CowTreeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jol.info.GraphStats;

/**
 * Retained bytes per entry of a {@code CowTreeMap} and a {@code TreeMap} filled by the same
 * {@code put} calls in a random order (and per element of a {@code CowTreeSet} and a
 * {@code TreeSet}), the keys and values themselves excluded, measured with JOL; and the bytes a
 * snapshot plus one {@code put} retain beyond the map they were taken of.
 *
 * <p>Run: {@code java -Djdk.attach.allowAttachSelf=true -cp benchmarks/target/benchmarks.jar
 * dev.cowcollections.benchmarks.TreeFootprint}
 */
public final class TreeFootprint {

    /** The goal of issue 30: at most 0.4 of {@code TreeMap}'s bytes per entry. */
    static final double GOAL_RATIO_TO_TREE_MAP = 0.4;

    /** The goal of issue 30: a snapshot of 100 000 entries plus one put retains at most 2 KB. */
    static final long GOAL_SNAPSHOT_PLUS_PUT_BYTES = 2048;

    private TreeFootprint() {
    }

    private static final int[] COUNTS = {10, 1_000, 100_000, 1_000_000};

    public static List<FootprintRow> measure() {
        return measureAt(COUNTS);
    }

    public static List<FootprintRow> measureAt(int... counts) {
        Optional<FootprintGoal> goal = Optional.of(FootprintGoal.ratioAtMost(GOAL_RATIO_TO_TREE_MAP));
        List<FootprintRow> rows = new ArrayList<>();
        for (int count : counts) {
            Object[] keys = Elements.shuffled("Integer", count);
            Object[] values = Elements.of("Integer", count);
            Object[] both = new Object[2 * count];
            System.arraycopy(keys, 0, both, 0, count);
            System.arraycopy(values, 0, both, count, count);
            rows.add(FootprintRow.measure(Maps.filled(new CowTreeMap<>(), keys, values),
                    Maps.filled(new TreeMap<>(), keys, values), FootprintRow.contentBytes(both), "entry", count, goal));
            rows.add(FootprintRow.measure(Maps.filled(new CowTreeSet<>(), keys), Maps.filled(new TreeSet<>(), keys),
                    FootprintRow.contentBytes(keys), "element", count, Optional.empty()));
        }
        return rows;
    }

    /**
     * The bytes that a snapshot of a map of {@code count} entries plus one put of a present key
     * retain beyond the map itself: everything the two handles reach, minus what the snapshot
     * alone reaches.
     */
    public static long snapshotPlusPutBytes(int count) {
        Object[] keys = Elements.shuffled("Integer", count);
        Object[] values = Elements.of("Integer", count);
        CowTreeMap<Object, Object> map = Maps.filled(new CowTreeMap<>(), keys, values);
        CowTreeMap<Object, Object> snapshot = map.copy();
        map.put(keys[count / 2], "new value");
        long both = GraphStats.parseInstance(new Object[] {map, snapshot}).totalSize();
        long snapshotAlone = GraphStats.parseInstance(snapshot).totalSize();
        return both - snapshotAlone;
    }

    public static void main(String[] args) {
        FootprintRow.print(measure());
        long bytes = snapshotPlusPutBytes(100_000);
        System.out.printf("snapshot of 100 000 entries plus one put retains %d bytes (goal: <= %d, %s)%n",
                bytes, GOAL_SNAPSHOT_PLUS_PUT_BYTES, bytes <= GOAL_SNAPSHOT_PLUS_PUT_BYTES ? "met" : "MISSED");
    }
}

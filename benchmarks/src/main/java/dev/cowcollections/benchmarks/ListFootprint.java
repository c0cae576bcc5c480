package dev.cowcollections.benchmarks;

import dev.cowcollections.CowList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jol.info.GraphStats;

/**
 * Retained bytes per element of a {@code CowList} and of an {@code ArrayList} filled by the same
 * {@code add} calls, the elements themselves excluded, measured with JOL; and what a snapshot
 * plus one write retains beyond the list it was taken of.
 */
public final class ListFootprint {

    /** The size of the snapshot row, and its limit: what one write after a copy may retain. */
    static final int SNAPSHOT_SIZE = 100_000;
    static final double SNAPSHOT_BYTES_AT_MOST = 4096;

    private ListFootprint() {
    }

    public static List<FootprintRow> measure() {
        List<FootprintRow> rows = new ArrayList<>();
        for (int count : new int[] {10, 1_000, 100_000, 1_000_000}) {
            Object[] elements = Elements.of("Integer", count);
            ArrayList<Object> arrayList = new ArrayList<>();
            CowList<Object> cowList = new CowList<>();
            for (Object e : elements) {
                arrayList.add(e);
                cowList.add(e);
            }
            rows.add(FootprintRow.measure(cowList, arrayList, FootprintRow.contentBytes(elements), "element", count,
                    count == 1_000_000 ? Optional.of(FootprintGoal.bytesPerUnitAtMost(4.3)) : Optional.empty()));
        }
        rows.add(snapshotPlusOneWrite());
        return rows;
    }

    /**
     * A copy of a list of {@value #SNAPSHOT_SIZE} elements with one element set, kept beside the
     * list: the bytes the pair retains beyond the list alone, for {@code copy()} and for
     * {@code new ArrayList<>(list)}.
     */
    static FootprintRow snapshotPlusOneWrite() {
        Object[] elements = Elements.of("Integer", SNAPSHOT_SIZE);
        Object extra = Elements.element("String", -1);
        CowList<Object> cowList = new CowList<>(java.util.Arrays.asList(elements));
        CowList<Object> cowSnapshot = cowList.copy();
        cowSnapshot.set(SNAPSHOT_SIZE / 2, extra);
        ArrayList<Object> arrayList = new ArrayList<>(java.util.Arrays.asList(elements));
        ArrayList<Object> arraySnapshot = new ArrayList<>(arrayList);
        arraySnapshot.set(SNAPSHOT_SIZE / 2, extra);
        return new FootprintRow("CowList copy()+set", "ArrayList copy+set", "snapshot", SNAPSHOT_SIZE,
                retainedBeyond(cowList, cowSnapshot), retainedBeyond(arrayList, arraySnapshot),
                Optional.of(FootprintGoal.bytesPerUnitAtMost(SNAPSHOT_BYTES_AT_MOST)));
    }

    /** The bytes {@code snapshot} adds to what {@code original} and its elements retain. */
    private static double retainedBeyond(Object original, Object snapshot) {
        return GraphStats.parseInstance(original, snapshot).totalSize() - GraphStats.parseInstance(original).totalSize();
    }

    public static void main(String[] args) {
        FootprintRow.print(measure());
    }
}

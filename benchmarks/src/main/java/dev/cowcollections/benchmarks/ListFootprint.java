package dev.cowcollections.benchmarks;

import dev.cowcollections.CowList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Retained bytes per element of a {@code CowList} and of an {@code ArrayList} filled by the same
 * {@code add} calls, the elements themselves excluded, measured with JOL.
 */
public final class ListFootprint {

    private ListFootprint() {
    }

    public static List<FootprintRow> measure() {
        List<FootprintRow> rows = new ArrayList<>();
        for (int count : new int[] {10, 1_000, 1_000_000}) {
            Object[] elements = Elements.of("Integer", count);
            ArrayList<Object> arrayList = new ArrayList<>();
            CowList<Object> cowList = new CowList<>();
            for (Object e : elements) {
                arrayList.add(e);
                cowList.add(e);
            }
            rows.add(FootprintRow.measure(cowList, arrayList, FootprintRow.contentBytes(elements), "element", count,
                    Optional.empty()));
        }
        return rows;
    }

    public static void main(String[] args) {
        FootprintRow.print(measure());
    }
}

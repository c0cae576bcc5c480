package dev.cowcollections.benchmarks;

import dev.cowcollections.CowList;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained bytes per element of a {@code CowList} and of an {@code ArrayList} filled by the same
 * {@code add} calls, the elements themselves excluded, measured with JOL.
 */
public final class ListFootprint {

    /** One measurement: bytes per element of ours and of the baseline for {@code count} elements. */
    public record Row(String ours, String baseline, String unit, int count, double oursPerUnit,
            double baselinePerUnit, OptionalDouble goal) {
    }

    private ListFootprint() {
    }

    public static List<Row> measure() {
        List<Row> rows = new ArrayList<>();
        for (int count : new int[] {10, 1_000, 1_000_000}) {
            Object[] elements = Elements.of("Integer", count);
            ArrayList<Object> arrayList = new ArrayList<>();
            CowList<Object> cowList = new CowList<>();
            for (Object e : elements) {
                arrayList.add(e);
                cowList.add(e);
            }
            // Given an Object[], parseInstance takes each element as a root: the contents alone.
            long elementBytes = GraphLayout.parseInstance(elements).totalSize();
            rows.add(new Row("CowList", "ArrayList", "element", count,
                    (double) (GraphLayout.parseInstance(cowList).totalSize() - elementBytes) / count,
                    (double) (GraphLayout.parseInstance(arrayList).totalSize() - elementBytes) / count,
                    OptionalDouble.empty()));
        }
        return rows;
    }

    public static void main(String[] args) {
        for (Row row : measure()) {
            System.out.println(row);
        }
    }
}

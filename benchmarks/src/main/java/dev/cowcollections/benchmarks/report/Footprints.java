package dev.cowcollections.benchmarks.report;

import dev.cowcollections.benchmarks.FootprintRow;
import dev.cowcollections.benchmarks.ListFootprint;
import dev.cowcollections.benchmarks.MapFootprint;
import dev.cowcollections.benchmarks.StringFootprint;
import java.util.ArrayList;
import java.util.List;

/** Every memory measurement the report shows. */
final class Footprints {

    /**
     * The map and set sizes of a quick run. JOL walks a million-entry {@code HashMap} object by
     * object, three million objects, and the maps' million-entry rows alone take a minute.
     */
    private static final int[] QUICK_MAP_COUNTS = {10, 1_000, 100_000};

    private Footprints() {
    }

    static List<FootprintRow> measureAll(boolean quick) {
        List<FootprintRow> rows = new ArrayList<>(ListFootprint.measure());
        rows.addAll(quick ? MapFootprint.measureAt(QUICK_MAP_COUNTS) : MapFootprint.measure());
        rows.addAll(StringFootprint.measure());
        return rows;
    }
}

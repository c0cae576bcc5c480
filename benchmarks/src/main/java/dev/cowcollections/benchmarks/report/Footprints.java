package dev.cowcollections.benchmarks.report;

import dev.cowcollections.benchmarks.FootprintRow;
import dev.cowcollections.benchmarks.ListFootprint;
import dev.cowcollections.benchmarks.MapFootprint;
import java.util.ArrayList;
import java.util.List;

/** Every memory measurement the report shows. */
final class Footprints {

    private Footprints() {
    }

    static List<Footprint> measureAll() {
        List<FootprintRow> rows = new ArrayList<>(ListFootprint.measure());
        rows.addAll(MapFootprint.measure());
        List<Footprint> all = new ArrayList<>();
        for (FootprintRow row : rows) {
            all.add(new Footprint(row.ours(), row.baseline(), row.unit(), row.count(), row.oursPerUnit(),
                    row.baselinePerUnit(), row.goal()));
        }
        return all;
    }
}

package dev.cowcollections.benchmarks.report;

import dev.cowcollections.benchmarks.FootprintRow;
import dev.cowcollections.benchmarks.ListFootprint;
import java.util.ArrayList;
import java.util.List;

/** Every memory measurement the report shows. */
final class Footprints {

    private Footprints() {
    }

    static List<Footprint> measureAll() {
        List<Footprint> all = new ArrayList<>();
        for (FootprintRow row : ListFootprint.measure()) {
            all.add(new Footprint(row.ours(), row.baseline(), row.unit(), row.count(), row.oursPerUnit(),
                    row.baselinePerUnit(), row.goal()));
        }
        return all;
    }
}

package dev.cowcollections.benchmarks.report;

import java.util.List;

/**
 * The contests of {@code benchmarks/run --quick}: one or two per family and goal, chosen where a
 * regression would show first, small enough to run in about five minutes on two cores.
 */
final class QuickSet {
    static final List<String> CONTESTS = List.of(
            "ListReadBenchmark.get size=1000 elementType=Integer",
            "ListReadBenchmark.iterate size=1000000 elementType=Integer",
            "ListWriteBenchmark.add size=1000 elementType=Integer",
            "ListWriteBenchmark.copyThenSet size=1000 elementType=Integer",
            "ListWriteBenchmark.copy size=1000000 elementType=Integer",
            "MapReadBenchmark.getHit size=1000 keyType=RandomInteger regime=mono",
            "MapReadBenchmark.getHit size=1000 keyType=RandomInteger regime=poly",
            "MapReadBenchmark.getMiss size=100000 keyType=UuidString regime=mono",
            "MapWriteBenchmark.put size=1000 keyType=RandomInteger regime=mono",
            "MapWriteBenchmark.put size=1000 keyType=UuidString regime=poly",
            "MapIterateBenchmark.iterate size=1000 keyType=RandomInteger",
            "MapCopyBenchmark.copyThenPut size=1000",
            "SetReadBenchmark.containsHit size=1000 elementType=RandomInteger regime=mono",
            "SetWriteBenchmark.add size=1000 elementType=RandomInteger regime=mono",
            "StringAppendBenchmark.appendChars length=1000",
            "StringToStringBenchmark.toString length=1000 storage=latin1");

    private QuickSet() {
    }
}

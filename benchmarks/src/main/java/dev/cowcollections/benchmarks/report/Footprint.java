package dev.cowcollections.benchmarks.report;

import java.util.OptionalDouble;

/**
 * Retained bytes per element (entry, char) of one of our structures and of its {@code java.util}
 * counterpart holding the same contents, measured with JOL, the contents themselves excluded.
 */
record Footprint(String ours, String baseline, String unit, int count, double oursPerUnit,
        double baselinePerUnit, OptionalDouble goal) {

    double ratio() {
        return oursPerUnit / baselinePerUnit;
    }

    boolean meetsGoal() {
        return goal.isEmpty() || ratio() <= goal.getAsDouble();
    }
}

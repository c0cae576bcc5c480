package dev.cowcollections.benchmarks.report;

import dev.cowcollections.benchmarks.Goal;
import java.util.Arrays;
import java.util.Optional;

/**
 * Our benchmark's time divided by its {@code java.util} counterpart's, from the same run, with
 * the error of the ratio from the two relative errors, and the goal that applies, if any.
 */
record Ratio(Measurement ours, Measurement baseline, Optional<Goal> goal) {

    double value() {
        return ours.nanosPerOp() / baseline.nanosPerOp();
    }

    /** JMH's two 99.9% errors, combined in quadrature as relative errors. */
    double error() {
        double relativeOurs = ours.error() / ours.nanosPerOp();
        double relativeBaseline = baseline.error() / baseline.nanosPerOp();
        return value() * Math.sqrt(relativeOurs * relativeOurs + relativeBaseline * relativeBaseline);
    }

    boolean meetsGoal() {
        return goal.map(g -> value() <= g.atMost()).orElse(true);
    }

    /** The goal on our method for this baseline whose {@code where} matches these parameters. */
    static Optional<Goal> goalFor(Measurement ours, Measurement baseline) {
        try {
            Goal[] goals = ours.benchmarkClass().getMethod(ours.methodName()).getAnnotationsByType(Goal.class);
            return Arrays.stream(goals)
                    .filter(g -> g.baseline().equals(baseline.implementation()))
                    .filter(g -> Arrays.stream(g.where()).allMatch(w -> matches(w, ours)))
                    .findFirst();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("benchmark method " + ours.methodName(), e);
        }
    }

    private static boolean matches(String condition, Measurement measurement) {
        int equals = condition.indexOf('=');
        return condition.substring(equals + 1).equals(measurement.params().get(condition.substring(0, equals)));
    }
}

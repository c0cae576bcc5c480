package dev.cowcollections.benchmarks.report;

import dev.cowcollections.benchmarks.AllocationGoal;
import dev.cowcollections.benchmarks.Goal;
import dev.cowcollections.benchmarks.MissCause;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Our benchmark's time divided by a counterpart's from the same rounds, with a 95 % interval,
 * the goal that applies, if any, and the allocation goal, if any.
 *
 * <p>The interval comes from the rounds: each round ran one fork of each side, seconds apart, so
 * each round gives one ratio. The ratio shown is the geometric mean of the per-round ratios, and
 * the interval is {@code exp(m ± t·s/√n)}, where {@code m} and {@code s} are the mean and the
 * standard deviation of their logarithms over {@code n} rounds and {@code t} is Student's
 * 97.5 % quantile with {@code n - 1} degrees of freedom.
 */
record Ratio(Measurement ours, Measurement baseline, Optional<Goal> goal, Optional<AllocationGoal> allocationGoal) {

    /** The rounds both sides ran. */
    int rounds() {
        return Math.min(ours.forks().size(), baseline.forks().size());
    }

    /** The geometric mean of the per-round ratios. */
    double value() {
        return Math.exp(meanLog());
    }

    /** The lower end of the 95 % interval. */
    double low() {
        return Math.exp(meanLog() - halfWidth());
    }

    /** The upper end of the 95 % interval; infinite from a single round. */
    double high() {
        return Math.exp(meanLog() + halfWidth());
    }

    /** The verdict on the time goal, when there is one. */
    Optional<Verdict> verdict() {
        return goal.map(g -> Verdict.of(low(), high(), g.atMost()));
    }

    /** The verdict on the allocation goal, when there is one: exact, so met or missed. */
    Optional<Verdict> allocationVerdict() {
        return allocationGoal.map(g -> ours.bytesPerOp() <= allocationLimit() ? Verdict.MET : Verdict.MISSED);
    }

    /** Whether the whole interval lies above the time goal. */
    boolean missed() {
        return verdict().filter(v -> v == Verdict.MISSED).isPresent();
    }

    /** Whether a row with no time goal, an information row, is slower than its counterpart: its whole interval lies above 1. */
    boolean slowerWithoutGoal() {
        return goal.isEmpty() && low() > 1;
    }

    /**
     * The stated cause of a missed time goal, or of an information row's loss to its
     * counterpart, when the row missed or lost and a cause applies.
     */
    Optional<String> missCause() {
        if (!missed() && !slowerWithoutGoal()) {
            return Optional.empty();
        }
        return Arrays.stream(method(ours).getAnnotationsByType(MissCause.class))
                .filter(c -> applies(c.baseline(), c.where(), ours, baseline))
                .map(MissCause::value)
                .findFirst();
    }

    /** The bytes per operation the allocation goal allows. */
    double allocationLimit() {
        return baseline.bytesPerOp() + allocationGoal.map(AllocationGoal::plusBytes).orElse(0);
    }

    private double meanLog() {
        double sum = 0;
        for (int i = 0; i < rounds(); i++) {
            sum += logRatio(i);
        }
        return sum / rounds();
    }

    private double halfWidth() {
        int n = rounds();
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = meanLog();
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = logRatio(i) - mean;
            squares += d * d;
        }
        return StudentT.quantile975(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    }

    private double logRatio(int round) {
        return Math.log(ours.forks().get(round).nanosPerOp() / baseline.forks().get(round).nanosPerOp());
    }

    static Ratio of(Measurement ours, Measurement baseline) {
        return new Ratio(ours, baseline, goalFor(ours, baseline), allocationGoalFor(ours, baseline));
    }

    /** The goal on our method for this baseline whose {@code where} matches these parameters. */
    private static Optional<Goal> goalFor(Measurement ours, Measurement baseline) {
        return Arrays.stream(method(ours).getAnnotationsByType(Goal.class))
                .filter(g -> applies(g.baseline(), g.where(), ours, baseline))
                .findFirst();
    }

    /** Whether an annotation naming {@code annotated} and {@code where} speaks of this pair at these parameters. */
    private static boolean applies(String annotated, String[] where, Measurement ours, Measurement baseline) {
        return annotated.equals(baseline.implementation()) && Arrays.stream(where).allMatch(w -> matches(w, ours));
    }

    private static Optional<AllocationGoal> allocationGoalFor(Measurement ours, Measurement baseline) {
        return Optional.ofNullable(method(ours).getAnnotation(AllocationGoal.class))
                .filter(g -> g.baseline().equals(baseline.implementation()));
    }

    /** The benchmark method of {@code ours}, by name: JMH names methods uniquely, whatever state they take. */
    private static Method method(Measurement ours) {
        return Arrays.stream(ours.benchmarkClass().getMethods())
                .filter(m -> m.getName().equals(ours.methodName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("benchmark method " + ours.methodName()));
    }

    /** Whether {@code name=value} or {@code name>=number} holds for the measurement's parameters. */
    static boolean matches(String condition, Measurement measurement) {
        int atLeast = condition.indexOf(">=");
        if (atLeast >= 0) {
            String value = measurement.params().get(condition.substring(0, atLeast));
            return value != null && Long.parseLong(value) >= Long.parseLong(condition.substring(atLeast + 2));
        }
        int equals = condition.indexOf('=');
        return condition.substring(equals + 1).equals(measurement.params().get(condition.substring(0, equals)));
    }
}

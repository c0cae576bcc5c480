package dev.cowcollections.benchmarks.report;

/** Two-sided 95 % quantiles of Student's t distribution, for intervals from a few forks. */
final class StudentT {
    /** t(0.975, df) for df = 1 … 20. */
    private static final double[] QUANTILE_975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    };

    private StudentT() {
    }

    /** t(0.975, {@code degreesOfFreedom}): the half-width of a 95 % interval in standard errors. */
    static double quantile975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom: " + degreesOfFreedom + " (expected: >= 1)");
        }
        // Beyond 20 degrees of freedom the quantile lies between 2.086 and 1.960; 2.086 errs wide.
        return QUANTILE_975[Math.min(degreesOfFreedom, QUANTILE_975.length) - 1];
    }
}

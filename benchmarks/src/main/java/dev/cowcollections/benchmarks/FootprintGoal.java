package dev.cowcollections.benchmarks;

/**
 * The limit a memory measurement must stay within: either the ratio of our bytes per unit to
 * theirs, or our bytes per unit themselves, for goals stated in bytes ("at most 1.05 bytes per
 * char").
 */
public record FootprintGoal(double atMost, boolean onBytesPerUnit) {

    static FootprintGoal ratioAtMost(double atMost) {
        return new FootprintGoal(atMost, false);
    }

    static FootprintGoal bytesPerUnitAtMost(double atMost) {
        return new FootprintGoal(atMost, true);
    }

    /** The figure of {@code row} this goal limits. */
    public double measured(FootprintRow row) {
        return onBytesPerUnit ? row.oursPerUnit() : row.ratio();
    }
}

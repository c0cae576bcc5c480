package dev.cowcollections.benchmarks.report;

/**
 * What an interval says about a goal that limits a figure from above: {@link #MET} when the whole
 * interval lies at or under the goal, {@link #MISSED} when it lies wholly above, and
 * {@link #UNRESOLVED} when it straddles the goal, so that this run decides nothing.
 */
enum Verdict {
    MET("met"),
    MISSED("**missed**"),
    UNRESOLVED("unresolved");

    private final String markdown;

    Verdict(String markdown) {
        this.markdown = markdown;
    }

    static Verdict of(double low, double high, double atMost) {
        if (high <= atMost) {
            return MET;
        }
        return low > atMost ? MISSED : UNRESOLVED;
    }

    /** The verdict as the tables print it, a miss in bold. */
    String markdown() {
        return markdown;
    }
}

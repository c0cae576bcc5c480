package dev.cowcollections.benchmarks.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line per finished contest: how far the run is, the time it expects to need for the rest,
 * the time the contest itself took, and each ratio of the contest with its interval and verdict.
 * The time left is the mean time of the forks so far times the forks still planned; the
 * contest's own time is what a run's budget is read from, benchmark by benchmark.
 */
final class Progress {
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final long start;
    private final int plannedForks;
    private long lastFinished;
    private int forksDone;

    Progress(PrintStream out, int plannedForks) {
        this(out, plannedForks, System::nanoTime);
    }

    /** {@code nanoClock} reads the time in nanoseconds, as {@link System#nanoTime()} does. */
    Progress(PrintStream out, int plannedForks, LongSupplier nanoClock) {
        this.out = out;
        this.plannedForks = plannedForks;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastFinished = start;
    }

    /** Reports {@code run} finished after {@code forks} forks, extra rounds included. */
    void finished(AlternatingForks run, int planned, int forks, List<Ratio> ratios) {
        forksDone += planned;
        long now = nanoClock.getAsLong();
        double contestSeconds = (now - lastFinished) / 1e9;
        lastFinished = now;
        double elapsedSeconds = (now - start) / 1e9;
        double secondsLeft = elapsedSeconds / forksDone * Math.max(0, plannedForks - forksDone);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%3.0f %%, %s left] %s",
                100.0 * forksDone / plannedForks, duration(secondsLeft), run.contest().label()));
        if (forks > planned) {
            line.append(" (").append(run.rounds()).append(" rounds)");
        }
        line.append(" in ").append(duration(contestSeconds));
        for (Ratio r : ratios) {
            line.append(" | ").append(r.baseline().implementation()).append(' ').append(MarkdownReport.intervalText(r));
            r.verdict().ifPresent(v -> line.append(' ').append(v.name().toLowerCase(Locale.ROOT))
                    .append(" (≤ ").append(MarkdownReport.number(r.goal().get().atMost())).append(')'));
            r.allocationVerdict().ifPresent(v -> line.append(", bytes ").append(v.name().toLowerCase(Locale.ROOT)));
        }
        out.println(line);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}

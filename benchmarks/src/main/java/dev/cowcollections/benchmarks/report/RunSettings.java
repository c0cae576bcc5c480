package dev.cowcollections.benchmarks.report;

import java.util.List;
import java.util.function.Supplier;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * How many rounds a contest gets and what one fork runs: the full run's settings and the quick
 * run's.
 *
 * <p>Every fork runs on a 1 GiB heap whose pages are touched before it measures, as a
 * long-running JVM's heap is. With the default heap G1 grows the heap while a benchmark
 * allocates, and on the virtual machines this project is measured on the first touch of a page
 * is slow: the first write after copying a 1 000-entry {@code CowMap} took 7 to 49 us in its first
 * iterations and 1.9 us once the heap stopped growing. Transparent huge pages make the touch
 * itself four times faster (0.56 s instead of 2.46 s for 1 GiB here) without changing what is
 * measured.
 */
record RunSettings(String name, int rounds, int maxRounds, double extraSeconds, int warmups, int warmupMillis,
        int iterations, int iterationMillis) {

    static final List<String> JVM_ARGS = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages");

    /** Three rounds, up to six for a goal left unresolved, within 90 extra seconds in all. */
    static final RunSettings FULL = new RunSettings("full", 3, 6, 90, 3, 200, 5, 100);

    /** Three rounds of shorter forks, up to five for an unresolved goal, within 40 extra seconds. */
    static final RunSettings QUICK = new RunSettings("quick", 3, 5, 40, 2, 200, 4, 100);

    Supplier<ChainedOptionsBuilder> forkOptions() {
        return () -> new OptionsBuilder()
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .warmupIterations(warmups).warmupTime(TimeValue.milliseconds(warmupMillis))
                .measurementIterations(iterations).measurementTime(TimeValue.milliseconds(iterationMillis))
                .jvmArgsAppend(JVM_ARGS.toArray(String[]::new));
    }

    /** The settings in a sentence, for the report's header. */
    String describe() {
        return name + ": " + rounds + " rounds of alternating forks per contest (up to " + maxRounds
                + " for a goal left unresolved, within " + Progress.duration(extraSeconds) + " of extra rounds in all); "
                + "each fork " + warmups + " × " + warmupMillis + " ms warm-up and " + iterations + " × "
                + iterationMillis + " ms measurement on " + String.join(" ", JVM_ARGS);
    }
}

package dev.cowcollections.benchmarks;

import dev.cowcollections.CowString;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@code copy()} against the defensive copy it replaces, {@code new StringBuilder(sb)}. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class StringCopyBenchmark {
    @Param({"10", "1000", "1000000"})
    int length;

    private StringBuilder builder;
    private CowString cowString;

    @Setup
    public void prepare() {
        String text = Texts.text(length, false);
        builder = new StringBuilder(text);
        cowString = CowString.of(text);
    }

    @Benchmark
    public StringBuilder copy_StringBuilder() {
        return new StringBuilder(builder);
    }

    @Benchmark
    @Goal(baseline = "StringBuilder", atMost = 0.001, where = "length=1000000")
    public CowString copy_CowString() {
        return cowString.copy();
    }
}

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

/**
 * A short word inserted in the middle of Latin-1 text of {@code length} chars and deleted again,
 * so that the length stays the same from one operation to the next: two shifts of half the
 * text, through a handle that holds its buffer alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class StringInsertBenchmark {
    private static final String WORD = "inserted";

    @Param({"10", "1000", "1000000"})
    int length;

    private StringBuilder builder;
    private CowString cowString;

    @Setup
    public void prepare() {
        String text = Texts.text(length, false);
        builder = new StringBuilder(text);
        cowString = new CowString(text);
    }

    @Benchmark
    public StringBuilder insertMiddle_StringBuilder() {
        int middle = builder.length() / 2;
        return builder.insert(middle, WORD).delete(middle, middle + WORD.length());
    }

    @Benchmark
    @Goal(baseline = "StringBuilder", atMost = 1.10)
    public CowString insertMiddle_CowString() {
        int middle = cowString.length() / 2;
        return cowString.insert(middle, WORD).delete(middle, middle + WORD.length());
    }
}

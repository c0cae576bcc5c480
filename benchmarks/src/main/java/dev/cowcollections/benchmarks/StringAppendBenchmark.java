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
 * Appending Latin-1 text of {@code length} chars, one char or one short word at a time, through a
 * handle that holds its buffer alone: StringBuilder's home ground. The {@code append} benchmarks
 * reuse one string, emptied with {@code setLength(0)}, so they measure the appends themselves;
 * the {@code build} ones make a new string, append and call {@code toString()}, so they include
 * the first buffer, its growth and the copy out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class StringAppendBenchmark {
    @Param({"10", "1000", "1000000"})
    int length;

    private char[] chars;
    private String[] words;
    private StringBuilder builder;
    private CowString cowString;

    @Setup
    public void prepare() {
        chars = Texts.text(length, false).toCharArray();
        words = Texts.pieces(length, false);
        builder = new StringBuilder(length);
        cowString = new CowString(length);
    }

    @Benchmark
    public StringBuilder appendChars_StringBuilder() {
        StringBuilder text = builder;
        text.setLength(0);
        for (char c : chars) {
            text.append(c);
        }
        return text;
    }

    @Benchmark
    @Goal(baseline = "StringBuilder", atMost = 1.10)
    public CowString appendChars_CowString() {
        CowString text = cowString;
        text.setLength(0);
        for (char c : chars) {
            text.append(c);
        }
        return text;
    }

    @Benchmark
    public StringBuilder appendWords_StringBuilder() {
        StringBuilder text = builder;
        text.setLength(0);
        for (String word : words) {
            text.append(word);
        }
        return text;
    }

    @Benchmark
    @Goal(baseline = "StringBuilder", atMost = 1.10)
    public CowString appendWords_CowString() {
        CowString text = cowString;
        text.setLength(0);
        for (String word : words) {
            text.append(word);
        }
        return text;
    }

    @Benchmark
    public String buildWords_StringBuilder() {
        StringBuilder text = new StringBuilder();
        for (String word : words) {
            text.append(word);
        }
        return text.toString();
    }

    @Benchmark
    public String buildWords_CowString() {
        CowString text = new CowString();
        for (String word : words) {
            text.append(word);
        }
        return text.toString();
    }
}

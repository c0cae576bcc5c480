package dev.cowcollections.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private static AlternatingForks contest(String operation) {
        String name = "dev.cowcollections.benchmarks.MapCopyBenchmark." + operation;
        return new AlternatingForks(new Contest(name, List.of(name + "_CowMap", name + "_HashMap"), Map.of("size", "1000")), null);
    }

    @Test
    void eachLineGivesTheTimeItsContestTookAndTheTimeTheRestIsExpectedToTake() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        long[] now = {5 * SECOND};
        Progress progress = new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8), 24, () -> now[0]);

        now[0] += 12 * SECOND;
        progress.finished(contest("copy"), 6, 6, List.of());
        now[0] += 86 * SECOND;
        progress.finished(contest("copyThenPut"), 6, 6, List.of());

        assertEquals(List.of(
                "[ 25 %, 36 s left] MapCopyBenchmark.copy size=1000 in 12 s",
                "[ 50 %, 1 min 38 s left] MapCopyBenchmark.copyThenPut size=1000 in 1 min 26 s"),
                printed.toString(StandardCharsets.UTF_8).lines().toList());
    }
}

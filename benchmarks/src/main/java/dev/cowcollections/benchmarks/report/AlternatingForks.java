package dev.cowcollections.benchmarks.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * Runs one contest in rounds: each round gives every contender one JMH fork, the contenders one
 * after the other (A B, then B A in the next round, so neither side always runs first), and
 * keeps each fork's score.
 *
 * <p>A shared virtual machine's speed drifts over minutes. Forks of the two sides that run
 * seconds apart meet the same machine, so the ratio within a round is steadier than either time,
 * and the spread of those per-round ratios is what the report's interval is built from.
 */
final class AlternatingForks {
    private final Contest contest;
    private final Supplier<ChainedOptionsBuilder> forkOptions;
    private final Map<String, List<ForkScore>> scores = new LinkedHashMap<>();
    private final List<RunResult> runResults = new ArrayList<>();

    /** {@code forkOptions} supplies a fresh builder with the iteration and JVM settings of one fork. */
    AlternatingForks(Contest contest, Supplier<ChainedOptionsBuilder> forkOptions) {
        this.contest = contest;
        this.forkOptions = forkOptions;
        for (String contender : contest.contenders()) {
            scores.put(contender, new ArrayList<>());
        }
    }

    Contest contest() {
        return contest;
    }

    /** The rounds run so far. */
    int rounds() {
        return scores.values().iterator().next().size();
    }

    /** Runs one more round: a fork of every contender, in reverse order every other round. */
    void runRound() throws RunnerException {
        List<String> order = new ArrayList<>(contest.contenders());
        if (rounds() % 2 == 1) {
            Collections.reverse(order);
        }
        for (String contender : order) {
            ChainedOptionsBuilder options = forkOptions.get()
                    .include("^" + Pattern.quote(contender) + "$")
                    .forks(1);
            contest.params().forEach(options::param);
            Collection<RunResult> results = new Runner(options.build()).run();
            if (results.size() != 1) {
                throw new IllegalStateException(contender + " " + contest.params() + ": " + results.size() + " results (expected: 1)");
            }
            RunResult result = results.iterator().next();
            runResults.add(result);
            scores.get(contender).add(score(result));
        }
    }

    /** Each contender's measurement: its forks in the order they ran. */
    List<Measurement> measurements() {
        List<Measurement> measurements = new ArrayList<>();
        scores.forEach((contender, forks) -> measurements.add(Measurement.of(contender, contest.params(), forks)));
        return measurements;
    }

    /** JMH's results of every fork, one entry per fork, for the JSON file. */
    List<RunResult> runResults() {
        return runResults;
    }

    private static ForkScore score(RunResult result) {
        Result<?> primary = result.getPrimaryResult();
        double bytesPerOp = result.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(e -> e.getValue().getScore())
                .findFirst()
                .orElse(Double.NaN);
        return new ForkScore(primary.getScore() * nanosPer(primary.getScoreUnit()), bytesPerOp);
    }

    private static double nanosPer(String unit) {
        switch (unit) {
            case "ns/op":
                return 1;
            case "us/op":
                return 1e3;
            case "ms/op":
                return 1e6;
            case "s/op":
                return 1e9;
            default:
                throw new IllegalArgumentException("score unit " + unit + " (expected: a time per operation)");
        }
    }
}

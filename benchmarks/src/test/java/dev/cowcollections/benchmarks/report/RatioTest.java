package dev.cowcollections.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatioTest {
    private static final String COPY_THEN_PUT = "dev.cowcollections.benchmarks.MapCopyBenchmark.copyThenPut_";
    private static final String COPY = "dev.cowcollections.benchmarks.MapCopyBenchmark.copy_";

    /** A contest whose rounds timed ours at {@code ours[i]} and the HashMap at {@code 100} ns. */
    private static Ratio ratio(String operation, String size, double[] ours, double oursBytes, double theirsBytes) {
        List<ForkScore> cow = new ArrayList<>();
        List<ForkScore> hashMap = new ArrayList<>();
        for (double nanos : ours) {
            cow.add(new ForkScore(nanos, oursBytes));
            hashMap.add(new ForkScore(100, theirsBytes));
        }
        Map<String, String> params = Map.of("size", size);
        return Ratio.of(Measurement.of(operation + "CowMap", params, cow), Measurement.of(operation + "HashMap", params, hashMap));
    }

    @Test
    void theRatioIsTheGeometricMeanOfTheRoundsAndTheIntervalAStudentTIntervalOfTheirLogarithms() {
        Ratio r = ratio(COPY_THEN_PUT, "1000", new double[] {40, 50, 62.5}, 0, 0);
        assertEquals(50, 100 * r.value(), 1e-9);
        double sd = Math.log(1.25);
        double half = 4.303 * sd / Math.sqrt(3);
        assertEquals(0.5 * Math.exp(-half), r.low(), 1e-9);
        assertEquals(0.5 * Math.exp(half), r.high(), 1e-9);
        assertEquals(3, r.rounds());
    }

    @Test
    void aGoalIsMetWhenTheWholeIntervalIsUnderItMissedWhenAboveAndUnresolvedWhenItStraddles() {
        assertEquals(Optional.of(Verdict.MET), ratio(COPY_THEN_PUT, "1000", new double[] {40, 41, 42}, 0, 0).verdict());
        assertEquals(Optional.of(Verdict.MISSED), ratio(COPY_THEN_PUT, "1000", new double[] {60, 61, 62}, 0, 0).verdict());
        assertEquals(Optional.of(Verdict.UNRESOLVED), ratio(COPY_THEN_PUT, "1000", new double[] {30, 50, 70}, 0, 0).verdict());
    }

    @Test
    void oneRoundDecidesNothing() {
        Ratio r = ratio(COPY_THEN_PUT, "1000", new double[] {10}, 0, 0);
        assertTrue(Double.isInfinite(r.high()));
        assertEquals(Optional.of(Verdict.UNRESOLVED), r.verdict());
    }

    @Test
    void aWhereWithAtLeastAppliesFromItsNumberOn() {
        assertFalse(ratio(COPY, "1000", new double[] {1, 1, 1}, 0, 0).goal().isPresent());
        assertEquals(0.001, ratio(COPY, "100000", new double[] {1, 1, 1}, 0, 0).goal().get().atMost());
        assertEquals(0.001, ratio(COPY, "1000000", new double[] {1, 1, 1}, 0, 0).goal().get().atMost());
    }

    @Test
    void aMissedRowShowsTheCauseItsBenchmarkStatesAndAMetOneShowsNone() {
        String indexOfChar = "dev.cowcollections.benchmarks.StringIndexOfBenchmark.indexOfChar_";
        Map<String, String> params = Map.of("length", "1000");
        List<ForkScore> slow = List.of(new ForkScore(300, 0), new ForkScore(310, 0), new ForkScore(320, 0));
        List<ForkScore> fast = List.of(new ForkScore(100, 0), new ForkScore(101, 0), new ForkScore(102, 0));
        List<ForkScore> string = List.of(new ForkScore(100, 0), new ForkScore(100, 0), new ForkScore(100, 0));
        Ratio missed = Ratio.of(Measurement.of(indexOfChar + "CowString", params, slow), Measurement.of(indexOfChar + "String", params, string));
        Ratio met = Ratio.of(Measurement.of(indexOfChar + "CowString", params, fast), Measurement.of(indexOfChar + "String", params, string));
        assertTrue(missed.missCause().orElseThrow().contains("intrinsic"));
        assertFalse(met.missCause().isPresent());
    }

    @Test
    void aMissedRowWithoutAStatedCauseIsReportedUnexplained() {
        Ratio missed = ratio(COPY_THEN_PUT, "1000", new double[] {90, 91, 92}, 0, 0);
        assertEquals(Optional.of(Verdict.MISSED), missed.verdict());
        assertFalse(missed.missCause().isPresent());
        String table = MarkdownReport.missedRows(List.of(missed));
        assertTrue(table.contains("**unexplained**"), table);
        assertTrue(table.contains("0 with a stated cause, 1 unexplained"), table);
    }

    @Test
    void anInformationRowSlowerThanItsPeerShowsTheStatedCauseAndDoesNotCountAsAMissedGoal() {
        String getHit = "dev.cowcollections.benchmarks.MapPeersBenchmark.getHit_";
        Map<String, String> params = Map.of("size", "100000", "keyType", "RandomInteger");
        List<ForkScore> peer = List.of(new ForkScore(100, 0), new ForkScore(100, 0), new ForkScore(100, 0));
        List<ForkScore> slow = List.of(new ForkScore(150, 0), new ForkScore(155, 0), new ForkScore(160, 0));
        List<ForkScore> level = List.of(new ForkScore(90, 0), new ForkScore(100, 0), new ForkScore(110, 0));
        Ratio slower = Ratio.of(Measurement.of(getHit + "CowMap", params, slow), Measurement.of(getHit + "Fastutil", params, peer));
        Ratio even = Ratio.of(Measurement.of(getHit + "CowMap", params, level), Measurement.of(getHit + "Fastutil", params, peer));
        assertTrue(slower.slowerWithoutGoal());
        assertFalse(slower.missed());
        assertTrue(slower.missCause().orElseThrow().contains("fastutil"), slower.missCause().toString());
        assertFalse(even.slowerWithoutGoal());
        assertFalse(even.missCause().isPresent());
        String table = MarkdownReport.slowerRowsWithoutGoal(List.of(slower, even));
        assertTrue(table.contains("| CowMap | getHit |") && table.contains("Fastutil"), table);
        assertEquals(1, table.lines().filter(line -> line.startsWith("| CowMap")).count(), table);
        assertTrue(MarkdownReport.causeCounts(List.of(slower)).contains("0 with a stated cause, 0 unexplained"));
    }

    @Test
    void aCauseAppliesOnlyWhereItsParametersSay() {
        String toString = "dev.cowcollections.benchmarks.StringToStringBenchmark.toString_";
        List<ForkScore> slow = List.of(new ForkScore(200, 0), new ForkScore(210, 0), new ForkScore(220, 0));
        List<ForkScore> builder = List.of(new ForkScore(100, 0), new ForkScore(100, 0), new ForkScore(100, 0));
        Map<String, String> utf16 = Map.of("length", "1000", "storage", "utf16");
        Map<String, String> latin1 = Map.of("length", "1000", "storage", "latin1");
        Ratio slowerWithoutGoal = Ratio.of(Measurement.of(toString + "CowString", utf16, slow),
                Measurement.of(toString + "StringBuilder", utf16, builder));
        Ratio missed = Ratio.of(Measurement.of(toString + "CowString", latin1, slow),
                Measurement.of(toString + "StringBuilder", latin1, builder));
        assertTrue(slowerWithoutGoal.missCause().orElseThrow().contains("char[]"));
        assertTrue(missed.missed());
        assertFalse(missed.missCause().isPresent(), "the UTF-16 cause says nothing of Latin-1 text");
    }

    @Test
    void theAllocationGoalAllowsTheBaselinesBytesPlusItsMargin() {
        assertEquals(Optional.of(Verdict.MET), ratio(COPY_THEN_PUT, "1000", new double[] {1, 1, 1}, 1048, 1000).allocationVerdict());
        assertEquals(Optional.of(Verdict.MISSED), ratio(COPY_THEN_PUT, "1000", new double[] {1, 1, 1}, 1049, 1000).allocationVerdict());
        assertFalse(ratio(COPY, "1000", new double[] {1, 1, 1}, 1049, 1000).allocationVerdict().isPresent());
    }
}

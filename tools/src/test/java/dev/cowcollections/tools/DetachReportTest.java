package dev.cowcollections.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report read from real recordings of {@link CopyingProgram}, made the way the README says:
 * {@code java -XX:StartFlightRecording:filename=...}.
 */
class DetachReportTest {

    @TempDir
    static Path dir;

    private static Path recording;

    @BeforeAll
    static void recordTheProgram() throws IOException, InterruptedException {
        recording = record("recording.jfr", "");
    }

    /** Records the program with {@code -XX:StartFlightRecording:filename=<name><settings>}. */
    private static Path record(String name, String settings, String... jvmOptions) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-XX:StartFlightRecording:filename=" + file + settings, "-Xlog:jfr+startup=warning",
                "-cp", System.getProperty("java.class.path"), CopyingProgram.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return file;
    }

    @Test
    void callSitesAreRankedByTheBytesTheirDetachesCopied() throws IOException {
        DetachReport report = DetachReport.read(recording);
        List<CallSite> sites = report.sitesByBytes();
        assertEquals(CopyingProgram.LIST_SITES + 2, sites.size(), () -> describe(sites));
        for (int rank = 0; rank < CopyingProgram.LIST_SITES; rank++) {
            int k = CopyingProgram.LIST_SITES - rank;
            CallSite site = sites.get(rank);
            assertEquals(k, site.detaches, () -> describe(sites));
            assertEquals(100L * k * k, site.elements, () -> describe(sites));
            assertTrue(site.bytes == 4 * site.elements || site.bytes == 8 * site.elements, () -> describe(sites));
            assertTrue(site.frame.startsWith(CopyingProgram.class.getName() + ".lambda$main$"), site.frame);
            assertEquals(List.of("CowList"), List.copyOf(site.types));
            assertEquals(List.of("CowList.add"), List.copyOf(site.operations));
        }
        assertEquals(CopyingProgram.LIST_SITES, sites.stream().limit(CopyingProgram.LIST_SITES)
                .map(s -> s.frame).distinct().count(), "one lambda per line, one call site each");
        CallSite string = sites.stream().filter(s -> s.types.contains("CowString")).findFirst().orElseThrow();
        assertEquals(10, string.elements);
        assertEquals(10, string.bytes, "a Latin-1 string copies one byte per char");
        assertTrue(string.frame.startsWith(CopyingProgram.class.getName() + ".main line "), string.frame);
        assertEquals(1, sites.stream().filter(s -> s.types.contains("CowMap")).count());
    }

    @Test
    void theReportPrintsTheTenThatCopiedTheMostWithTheirCounts() {
        String output = runReport(recording.toString());
        List<String> lines = output.lines().collect(Collectors.toList());
        assertTrue(lines.get(0).startsWith("dev.cowcollections.Detach in recording.jfr: 80 detaches copied "), output);
        assertTrue(lines.get(0).endsWith(" at 14 call sites"), output);
        assertEquals("The 10 call sites that copied the most:", lines.get(2), output);
        List<String> rows = lines.subList(4, lines.size());
        assertEquals(10, rows.size(), output);
        for (int rank = 0; rank < 10; rank++) {
            int k = CopyingProgram.LIST_SITES - rank;
            String row = rows.get(rank);
            assertTrue(row.matches(" *[0-9.]+ (kB|MB) +" + k + " +" + String.format("%,d", 100L * k * k)
                    + "  CowList +CowList\\.add +dev\\.cowcollections\\.tools\\.CopyingProgram\\.lambda\\$main\\$\\d+ line \\d+"),
                    row);
        }
    }

    @Test
    void theNumberOfCallSitesToShowIsAnArgument() {
        String output = runReport(recording.toString(), "3");
        assertTrue(output.contains("The 3 call sites that copied the most:"), output);
        assertEquals(4 + 3, output.lines().count(), output);
    }

    @Test
    void raisingTheBytesThresholdOnTheCommandLineKeepsTheSmallDetachesOut() throws IOException, InterruptedException {
        Path above2k = record("above-2k.jfr", ",+dev.cowcollections.Detach#bytesThreshold=2 kB");
        List<CallSite> sites = DetachReport.read(above2k).sitesByBytes();
        assertFalse(sites.isEmpty(), "the large list sites copy more than 2 kB per detach");
        long bytesPerElement = sites.get(0).bytes / sites.get(0).elements;
        long sitesCopying2k = IntStream.rangeClosed(1, CopyingProgram.LIST_SITES)
                .filter(k -> 100L * k * bytesPerElement >= 2048).count();
        assertTrue(sitesCopying2k < CopyingProgram.LIST_SITES, "the threshold must leave some list site out");
        assertEquals(sitesCopying2k, sites.size(), () -> describe(sites));
        for (CallSite site : sites) {
            assertTrue(site.bytes >= 2048L * site.detaches, () -> describe(sites));
        }
    }

    @Test
    void nothingIsRecordedWhenTheLibrarysSwitchIsOff() throws IOException, InterruptedException {
        Path off = record("off.jfr", "", "-Ddev.cowcollections.jfr=false");
        assertEquals(List.of(), DetachReport.read(off).sitesByBytes());
        assertTrue(runReport(off.toString()).contains(": 0 detaches copied 0 B at 0 call sites"));
    }

    @Test
    void badArgumentsPrintTheUsage() {
        for (String[] args : List.of(new String[0], new String[] {"a.jfr", "b.jfr", "c"},
                new String[] {recording.toString(), "0"}, new String[] {dir.resolve("absent.jfr").toString()})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = DetachReport.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
            assertEquals(2, status);
            assertTrue(err.size() > 0);
        }
    }

    @Test
    void amountsReadAsJfrPrintsThem() {
        assertEquals("0 B", DetachReport.amount(0));
        assertEquals("1023 B", DetachReport.amount(1023));
        assertEquals("1.0 kB", DetachReport.amount(1024));
        assertEquals("1.5 MB", DetachReport.amount(3 << 19));
    }

    private static String runReport(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DetachReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err));
        assertEquals(0, status, err::toString);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String describe(List<CallSite> sites) {
        return sites.stream().map(s -> s.frame + " " + s.detaches + " " + s.elements + " " + s.bytes)
                .collect(Collectors.joining("\n"));
    }
}

package dev.cowcollections.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a Flight Recorder recording and prints the call sites whose writes copied the most bytes
 * in {@code dev.cowcollections.Detach} events, with how many detaches each made:
 *
 * <pre>
 * java -XX:StartFlightRecording:filename=app.jfr -jar app.jar
 * java -jar cow-collections-tools.jar app.jfr        # the ten call sites that copied the most
 * java -jar cow-collections-tools.jar app.jfr 25     # the 25 that copied the most
 * </pre>
 *
 * <p>A call site is the first frame of an event's stack trace outside the package
 * {@code dev.cowcollections}: the line of the program that called the write that detached. It
 * needs nothing but the JDK.
 */
public final class DetachReport {

    static final String DETACH = "dev.cowcollections.Detach";
    static final String SATURATED = "dev.cowcollections.Saturated";
    private static final String LIBRARY_PACKAGE = "dev.cowcollections.";

    private final Path recording;
    private final List<CallSite> sitesByBytes;
    private final long saturations;

    private DetachReport(Path recording, List<CallSite> sitesByBytes, long saturations) {
        this.recording = recording;
        this.sitesByBytes = sitesByBytes;
        this.saturations = saturations;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the report; returns the process status: 0, or 2 for bad arguments or an unreadable file. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2 || args.length == 2 && !args[1].matches("[1-9][0-9]{0,8}")) {
            err.println("usage: java -jar cow-collections-tools.jar <recording.jfr> [number of call sites, default 10]");
            return 2;
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            err.println("no such recording: " + file);
            return 2;
        }
        try {
            out.print(read(file).format(args.length == 2 ? Integer.parseInt(args[1]) : 10));
            return 0;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 2;
        }
    }

    /** Reads every Detach and Saturated event of {@code recording}. */
    static DetachReport read(Path recording) throws IOException {
        Map<String, CallSite> sites = new HashMap<>();
        long saturations = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String name = event.getEventType().getName();
                if (name.equals(DETACH)) {
                    String frame = callSite(event.getStackTrace());
                    sites.computeIfAbsent(frame, CallSite::new).add(stringOrNull(event, "type"),
                            stringOrNull(event, "operation"), event.getLong("elements"), event.getLong("bytes"));
                } else if (name.equals(SATURATED)) {
                    saturations++;
                }
            }
        }
        List<CallSite> byBytes = new ArrayList<>(sites.values());
        byBytes.sort(Comparator.comparingLong((CallSite s) -> s.bytes).reversed()
                .thenComparing(Comparator.comparingLong((CallSite s) -> s.detaches).reversed())
                .thenComparing(s -> s.frame));
        return new DetachReport(recording, byBytes, saturations);
    }

    /** Every call site, the one that copied the most bytes first. */
    List<CallSite> sitesByBytes() {
        return sitesByBytes;
    }

    long saturations() {
        return saturations;
    }

    /** The first frame outside the library, or why there is none. */
    static String callSite(RecordedStackTrace stackTrace) {
        if (stackTrace == null) {
            return "(no stack trace: the recording had stackTrace=false for " + DETACH + ")";
        }
        for (RecordedFrame frame : stackTrace.getFrames()) {
            String type = frame.getMethod().getType().getName();
            boolean library = type.startsWith(LIBRARY_PACKAGE) && type.indexOf('.', LIBRARY_PACKAGE.length()) < 0;
            if (!library) {
                String line = frame.getLineNumber() > 0 ? " line " + frame.getLineNumber() : "";
                return type + "." + frame.getMethod().getName() + line;
            }
        }
        return "(deeper than the recorded stack depth: raise it with -XX:FlightRecorderOptions:stackdepth=128)";
    }

    private static String stringOrNull(RecordedEvent event, String field) {
        return event.hasField(field) ? event.getString(field) : null;
    }

    /** The report: totals, then the {@code limit} call sites that copied the most. */
    String format(int limit) {
        long detaches = 0;
        long bytes = 0;
        for (CallSite site : sitesByBytes) {
            detaches += site.detaches;
            bytes += site.bytes;
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s in %s: %,d detaches copied %s at %,d call sites%n",
                DETACH, recording.getFileName(), detaches, amount(bytes), sitesByBytes.size()));
        if (sitesByBytes.isEmpty()) {
            out.append("(none recorded: was the program run with -XX:StartFlightRecording, and did it write to copies?)")
                    .append(System.lineSeparator());
        } else {
            int shown = Math.min(limit, sitesByBytes.size());
            out.append(System.lineSeparator())
                    .append(String.format(Locale.ROOT, "The %d call sites that copied the most:%n", shown))
                    .append(String.format(Locale.ROOT, "%11s %10s %13s  %-10s %-24s %s%n",
                            "bytes", "detaches", "elements", "type", "operation", "call site"));
            for (CallSite site : sitesByBytes.subList(0, shown)) {
                out.append(String.format(Locale.ROOT, "%11s %,10d %,13d  %-10s %-24s %s%n", amount(site.bytes),
                        site.detaches, site.elements, String.join(",", site.types),
                        String.join(",", site.operations), site.frame));
            }
        }
        if (saturations > 0) {
            out.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                    "%s: %,d buffers reached the ceiling of their count and are shared for good%n"
                            + "(jfr print --events %s shows who copied them)%n", SATURATED, saturations, SATURATED));
        }
        return out.toString();
    }

    /** Bytes as {@code jfr print} shows them: 1 kB is 1 024 bytes. */
    static String amount(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}

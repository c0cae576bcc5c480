package dev.cowcollections.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The README's short summary of a full run: one row per type, operation and counterpart, with the
 * range of its ratios over sizes and key kinds and its verdicts, written between the README's
 * {@value #START} and {@value #END} markers so that the summary is always the committed run's.
 */
final class ReadmeSummary {
    static final String START = "<!-- summary:start -->";
    static final String END = "<!-- summary:end -->";

    private ReadmeSummary() {
    }

    /** Replaces the summary between the markers of {@code readme}; fails if the markers are missing. */
    static void writeInto(Path readme, List<Ratio> ratios) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(readme + " has no " + START + " … " + END + " block for the summary");
        }
        Files.writeString(readme, text.substring(0, start + START.length()) + "\n" + render(ratios) + text.substring(end));
    }

    static String render(List<Ratio> ratios) {
        Map<String, List<Ratio>> families = new LinkedHashMap<>();
        for (Ratio r : ratios) {
            families.computeIfAbsent(r.ours().implementation() + " | " + r.ours().operation() + " | "
                    + r.baseline().implementation(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder md = new StringBuilder();
        md.append("**").append(MarkdownReport.verdictCounts(ratios)).append("** ")
                .append(MarkdownReport.causeCounts(ratios)).append("\n\n");
        md.append("| type | operation | vs | ratio range | rows | verdicts |\n");
        md.append("| --- | --- | --- | --- | ---: | --- |\n");
        for (Map.Entry<String, List<Ratio>> family : families.entrySet()) {
            List<Ratio> rows = family.getValue();
            double low = rows.stream().mapToDouble(Ratio::value).min().orElseThrow();
            double high = rows.stream().mapToDouble(Ratio::value).max().orElseThrow();
            md.append("| ").append(family.getKey())
                    .append(" | ").append(MarkdownReport.number(low))
                    .append(low == high ? "" : " – " + MarkdownReport.number(high))
                    .append(" | ").append(rows.size())
                    .append(" | ").append(verdicts(rows))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String verdicts(List<Ratio> rows) {
        Map<Verdict, Long> time = MarkdownReport.count(rows.stream().flatMap(r -> r.verdict().stream()));
        Map<Verdict, Long> bytes = MarkdownReport.count(rows.stream().flatMap(r -> r.allocationVerdict().stream()));
        List<String> parts = new ArrayList<>();
        time.forEach((v, n) -> parts.add(String.format(Locale.ROOT, "%d %s", n, v.markdown())));
        bytes.forEach((v, n) -> parts.add(String.format(Locale.ROOT, "bytes %d %s", n, v.markdown())));
        return String.join(", ", parts);
    }
}

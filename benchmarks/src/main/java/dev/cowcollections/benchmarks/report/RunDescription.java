package dev.cowcollections.benchmarks.report;

/** When, how and on what a report's figures were measured. */
record RunDescription(String date, String command, String mode, String machine) {
}

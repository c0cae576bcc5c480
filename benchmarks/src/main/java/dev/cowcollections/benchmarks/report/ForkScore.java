package dev.cowcollections.benchmarks.report;

/**
 * What one JMH fork of one benchmark measured: the mean time per operation over its measurement
 * iterations, and the bytes it allocated per operation ({@code -prof gc}), {@code NaN} when not
 * known.
 */
record ForkScore(double nanosPerOp, double bytesPerOp) {
}

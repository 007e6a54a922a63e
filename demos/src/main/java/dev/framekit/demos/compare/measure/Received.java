package dev.framekit.demos.compare.measure;

/** What the receiving side of a streaming trial reports: its tally, the wire bytes it read, when it finished. */
public record Received(Tally tally, long wireBytes, long endNanos) {}

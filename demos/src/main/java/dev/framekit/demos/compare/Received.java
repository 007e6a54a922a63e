package dev.framekit.demos.compare;

/** What the receiving side of a streaming trial reports: its tally, the wire bytes it read, when it finished. */
record Received(Tally tally, long wireBytes, long endNanos) {}

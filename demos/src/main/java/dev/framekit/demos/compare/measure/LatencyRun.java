package dev.framekit.demos.compare.measure;

import java.util.Arrays;

/** One ping-pong trial: the round-trip times, in nanoseconds, of every message sent and echoed back. */
public record LatencyRun(long[] roundTrips, Tally echoed, int connections) {
    public LatencyRun {
        roundTrips = roundTrips.clone();
        Arrays.sort(roundTrips);
    }

    /** The round trip below which a fraction {@code q} of them fall (nearest rank). */
    public double percentileMicros(double q) {
        if (roundTrips.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * roundTrips.length) - 1;
        return roundTrips[Math.max(0, Math.min(rank, roundTrips.length - 1))] / 1_000.0;
    }
}

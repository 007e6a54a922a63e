package dev.framekit.demos.compare.measure;

import org.HdrHistogram.Histogram;

/**
 * One ping-pong trial: the round-trip times, in nanoseconds and in the order they were taken, of
 * every message sent and echoed back. The first {@value #WARM_UP_PERCENT}% of them are warm-up
 * (the connection's first round trips pay for class loading, JIT compilation and cold caches):
 * they are verified like the rest but left out of {@link #histogram()}.
 */
public record LatencyRun(long[] roundTrips, Tally echoed, int connections) {
    /** The share of each trial's first round trips that only warm up. */
    public static final int WARM_UP_PERCENT = 10;

    /** The histogram keeps 3 significant digits: 1 µs resolution at 1 ms. */
    private static final int DIGITS = 3;

    public LatencyRun {
        roundTrips = roundTrips.clone();
    }

    /** The measured round trips (warm-up left out), in nanoseconds. */
    public Histogram histogram() {
        Histogram histogram = new Histogram(DIGITS);
        int warmUp = roundTrips.length * WARM_UP_PERCENT / 100;
        for (int i = warmUp; i < roundTrips.length; i++) {
            histogram.recordValue(Math.max(1, roundTrips[i]));
        }
        return histogram;
    }

    /** The round trip below which a fraction {@code q} of the measured ones fall, in microseconds. */
    public double percentileMicros(double q) {
        return percentileMicros(histogram(), q);
    }

    /** The round trip of {@code histogram} (nanoseconds) below which a fraction {@code q} fall, in microseconds. */
    public static double percentileMicros(Histogram histogram, double q) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(100 * q) / 1_000.0;
    }
}

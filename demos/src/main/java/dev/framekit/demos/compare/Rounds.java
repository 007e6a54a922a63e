package dev.framekit.demos.compare;

import dev.framekit.demos.compare.measure.Cost;
import dev.framekit.demos.compare.measure.LatencyRun;
import dev.framekit.demos.compare.measure.StreamRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * What one contender measured at one size, round by round (warm-up rounds left out): its
 * streaming runs and ping-pong runs in round order, so that round {@code i} of one contender can
 * be paired with round {@code i} of another.
 */
final class Rounds {
    private final List<StreamRun> streams = new ArrayList<>();
    private final List<LatencyRun> latencies = new ArrayList<>();
    private long verified;

    void add(StreamRun run) {
        streams.add(run);
    }

    void add(LatencyRun run) {
        latencies.add(run);
    }

    void verified(long messages) {
        verified += messages;
    }

    long verified() {
        return verified;
    }

    List<StreamRun> streams() {
        return streams;
    }

    /** A streaming figure, one value per round. */
    double[] streaming(ToDoubleFunction<StreamRun> figure) {
        return streams.stream().mapToDouble(figure).toArray();
    }

    /** A ping-pong figure, one value per round. */
    double[] pingPong(ToDoubleFunction<LatencyRun> figure) {
        return latencies.stream().mapToDouble(figure).toArray();
    }

    /** One side's cost per message streamed, one value per round. */
    double[] costPerMessage(java.util.function.Function<StreamRun, Cost> side, ToDoubleFunction<Cost> part) {
        return streaming(r -> r.sent() == 0 ? Double.NaN : part.applyAsDouble(side.apply(r)) / r.sent());
    }

    /** Every measured round trip of every round, in one histogram (nanoseconds). */
    Histogram allRoundTrips() {
        Histogram all = new Histogram(3);
        for (LatencyRun run : latencies) {
            all.add(run.histogram());
        }
        return all;
    }

    /** The shortest streaming round, in nanoseconds (0 if none). */
    long shortestStreamNanos() {
        return streams.stream().mapToLong(StreamRun::nanos).min().orElse(0);
    }

    /** The fewest measured round trips in a ping-pong round. */
    long fewestRoundTrips() {
        return latencies.stream().mapToLong(l -> l.histogram().getTotalCount()).min().orElse(0);
    }
}

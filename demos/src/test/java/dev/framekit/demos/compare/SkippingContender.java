package dev.framekit.demos.compare;

import dev.framekit.demos.compare.measure.Budget;
import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.Cost;
import dev.framekit.demos.compare.measure.LatencyRun;
import dev.framekit.demos.compare.measure.Qualities;
import dev.framekit.demos.compare.measure.StreamRun;
import dev.framekit.demos.compare.measure.Tally;
import dev.framekit.demos.compare.measure.Workload;

/**
 * A test double that skips the work and claims it was done: it reports exactly the tally the
 * verification expects, having sent nothing, in a microsecond. Only the ceiling and floor check
 * can catch it.
 */
final class SkippingContender implements Contender {
    private static final long MESSAGES = 100_000;

    @Override
    public String name() {
        return "too good to be true";
    }

    @Override
    public boolean baseline() {
        return false;
    }

    @Override
    public Qualities qualities(int size) {
        return new Qualities(true, true, "-", "-");
    }

    @Override
    public StreamRun stream(Workload workload, Budget budget) {
        long sent = Math.min(MESSAGES, budget.maxMessages());
        Tally claimed = workload.expected(sent, Tally.Mode.MESSAGES);
        return new StreamRun(sent, claimed, sent * workload.size(), 1_000, 1, Cost.ZERO, Cost.ZERO);
    }

    @Override
    public LatencyRun pingPong(Workload workload, int roundTrips) {
        long[] times = new long[roundTrips];
        java.util.Arrays.fill(times, 100);
        return new LatencyRun(times, workload.expected(roundTrips, Tally.Mode.MESSAGES), 1);
    }
}

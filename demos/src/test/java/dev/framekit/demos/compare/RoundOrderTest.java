package dev.framekit.demos.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.demos.compare.measure.Budget;
import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.Cost;
import dev.framekit.demos.compare.measure.LatencyRun;
import dev.framekit.demos.compare.measure.OneCpu;
import dev.framekit.demos.compare.measure.Qualities;
import dev.framekit.demos.compare.measure.Settings;
import dev.framekit.demos.compare.measure.StreamRun;
import dev.framekit.demos.compare.measure.Tally;
import dev.framekit.demos.compare.measure.Workload;
import dev.framekit.demos.console.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order contenders run in turns by one each round, warm-ups included: none always runs first,
 * just after the last round's ping-pongs, which cost the one listed first CPU it did not spend.
 * The baselines keep their places, so the raw pump never goes first.
 */
class RoundOrderTest {

    /** A contender that records when it streams and ping-pongs, and reports what verification expects. */
    private static final class Recording implements Contender {
        private final String name;
        private final List<String> log;
        private final boolean baseline;

        Recording(String name, List<String> log) {
            this(name, log, false);
        }

        Recording(String name, List<String> log, boolean baseline) {
            this.name = name;
            this.log = log;
            this.baseline = baseline;
        }

        @Override
        public String name() {
            return name;
        }
        @Override
        public boolean baseline() {
            return baseline;
        }

        @Override
        public Qualities qualities(int size) {
            return new Qualities(true, true, "-", "-");
        }

        @Override
        public StreamRun stream(Workload workload, Budget budget) {
            log.add("stream " + name);
            long sent = Math.min(10, budget.maxMessages());
            return new StreamRun(sent, workload.expected(sent, Tally.Mode.MESSAGES), sent * workload.size(), 1_000_000, 1,
                    Cost.ZERO, Cost.ZERO);
        }

        @Override
        public LatencyRun pingPong(Workload workload, int roundTrips) {
            log.add("ping " + name);
            long[] times = new long[roundTrips];
            java.util.Arrays.fill(times, 10_000);
            return new LatencyRun(times, workload.expected(roundTrips, Tally.Mode.MESSAGES), 1);
        }
    }

    @Test
    void eachRoundStartsWithTheNextContender() throws Exception {
        List<String> log = new ArrayList<>();
        List<Contender> contenders = List.of(new Recording("a", log), new Recording("b", log), new Recording("c", log),
                new Recording("raw", log, true));
        Settings settings = new Settings(List.of(16), 10L, Duration.ZERO, Duration.ZERO, 5, 2, 1, 1, 10, false, 0);

        new Comparison(settings, contenders, OneCpu.Plan.notAsked()).run(new Progress(null, false, "compare", 1));

        assertEquals(List.of(
                "stream a", "stream b", "stream c", "stream raw", "ping a", "ping b", "ping c", "ping raw", // the warm-up
                "stream b", "stream c", "stream a", "stream raw", "ping b", "ping c", "ping a", "ping raw",
                "stream c", "stream a", "stream b", "stream raw", "ping c", "ping a", "ping b", "ping raw"), log);
    }

    @Test
    void aBaselineKeepsItsPlaceWhereverItIsListed() {
        List<String> log = new ArrayList<>();
        Contender a = new Recording("a", log);
        Contender b = new Recording("b", log);
        Contender raw = new Recording("raw", log, true);
        Contender c = new Recording("c", log);

        assertEquals(List.of(a, raw, b, c), Comparison.order(List.of(a, raw, b, c), 0));
        assertEquals(List.of(b, raw, c, a), Comparison.order(List.of(a, raw, b, c), 1));
        assertEquals(List.of(c, raw, a, b), Comparison.order(List.of(a, raw, b, c), 5));
        assertEquals(List.of(raw), Comparison.order(List.of(raw), 3));
    }
}

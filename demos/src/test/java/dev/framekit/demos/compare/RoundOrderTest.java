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
 */
class RoundOrderTest {

    /** A contender that records when it streams and ping-pongs, and reports what verification expects. */
    private static final class Recording implements Contender {
        private final String name;
        private final List<String> log;

        Recording(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public String name() {
            return name;
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
        List<Contender> contenders = List.of(new Recording("a", log), new Recording("b", log), new Recording("c", log));
        Settings settings = new Settings(List.of(16), 10L, Duration.ZERO, Duration.ZERO, 5, 2, 1, 1, 10, false, 0);

        new Comparison(settings, contenders, OneCpu.Plan.notAsked()).run(new Progress(null, false, "compare", 1));

        assertEquals(List.of(
                "stream a", "stream b", "stream c", "ping a", "ping b", "ping c", // the warm-up round
                "stream b", "stream c", "stream a", "ping b", "ping c", "ping a",
                "stream c", "stream a", "stream b", "ping c", "ping a", "ping b"), log);
    }
}

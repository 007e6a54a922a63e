package dev.framekit.demos.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.demos.compare.measure.Budget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What keeps `compare --quick` quick: ping-pong trials cut to the time of two streaming trials, warm-ups halved. */
class PingPongCutTest {
    private static final long TRIAL = Duration.ofMillis(20).toNanos();

    @Test
    void aFastRoundTripKeepsEveryPlannedRoundTrip() {
        assertEquals(500, Comparison.cut(500, 7_000, TRIAL), "7 µs: 500 take 3.5 ms, well inside 40 ms");
    }

    @Test
    void aSlowRoundTripIsCutToWhatFitsInTwoTrials() {
        assertEquals(200, Comparison.cut(250, 200_000, TRIAL), "200 µs: 200 fit in 40 ms");
    }

    @Test
    void aVerySlowRoundTripKeepsTheFewestForItsMedian() {
        assertEquals(Comparison.FEWEST_ROUND_TRIPS, Comparison.cut(250, 1_700_000, TRIAL), "1.7 ms: 23 would fit");
        assertEquals(30, Comparison.cut(30, 1_700_000, TRIAL), "never more than planned");
    }

    @Test
    void anUnknownRoundTripTimeCutsNothing() {
        assertEquals(500, Comparison.cut(500, 0, TRIAL));
    }

    @Test
    void aWarmUpTrialStreamsForHalfTheTimeButAMessageCountStays() {
        assertEquals(Duration.ofMillis(10), new Budget(Long.MAX_VALUE, Duration.ofMillis(20)).halved().duration());
        assertEquals(Budget.messages(40), Budget.messages(40).halved());
    }
}

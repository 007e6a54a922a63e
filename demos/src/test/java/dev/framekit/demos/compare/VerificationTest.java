package dev.framekit.demos.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.FramerContender;
import dev.framekit.demos.compare.measure.LatencyRun;
import dev.framekit.demos.compare.measure.OneCpu;
import dev.framekit.demos.compare.measure.Settings;
import dev.framekit.demos.compare.measure.Tally;
import dev.framekit.demos.compare.measure.VerificationException;
import dev.framekit.demos.compare.measure.Workload;
import dev.framekit.demos.console.Progress;
import dev.framekit.framing.Framers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compare's verification: a lost, altered or reordered message fails the run (moved from CompareCommandTest). */
class VerificationTest {

    @Test
    void streamingRunThatLosesAMessageFailsTheLossCheck() throws Exception {
        Settings settings = new Settings(List.of(16), 30L, java.time.Duration.ZERO, java.time.Duration.ZERO, 10, 1, 0, 0, 10, false, 0);
        Contender dropping = new FramerContender("dropping", size -> FaultyFramers.dropping(Framers.lines(), 12));

        VerificationException failure = org.junit.jupiter.api.Assertions.assertThrows(VerificationException.class,
                () -> new Comparison(settings, List.of(dropping), OneCpu.Plan.notAsked()).run(new Progress(null, false, "compare", 1)));

        assertTrue(failure.getMessage().contains("received 29 messages"), failure.getMessage());
    }

    @Test
    void pingPongThatAltersAnEchoFailsTheLossCheck() throws Exception {
        Workload workload = new Workload(64);
        Contender corrupting = new FramerContender("corrupting", size -> FaultyFramers.corrupting(Framers.lengthPrefixed(), 3));

        LatencyRun run = corrupting.pingPong(workload, 5);

        assertEquals(5, run.roundTrips().length);
        assertFalse(run.echoed().sameAs(workload.expected(5, Tally.Mode.MESSAGES)));
        assertTrue(new FramerContender("length", size -> Framers.lengthPrefixed()).pingPong(workload, 5).echoed()
                .sameAs(workload.expected(5, Tally.Mode.MESSAGES)));
    }

    @Test
    void tallyTellsAReorderedStreamFromTheOriginal() {
        Workload workload = new Workload(16);
        Tally reordered = new Tally(Tally.Mode.MESSAGES);
        for (long sequence : new long[] {0, 2, 1}) {
            reordered.add(workload.message(sequence), 0, 16);
        }

        assertFalse(reordered.sameAs(workload.expected(3, Tally.Mode.MESSAGES)));
    }
}

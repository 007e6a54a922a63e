package dev.framekit.demos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tiny real bench run through the jar: JMH's host and fork print no sun.misc.Unsafe warning on JDK 24+. */
class BenchIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void aTinyBenchRunPrintsItsResultAndNoUnsafeWarning() {
        Framekit.Result result = framekit.run(Duration.ofSeconds(90), null, "bench", "DecodeBenchmark.framekit$",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-p", "framing=length", "-p", "size=16");

        assertEquals(0, result.exitCode(), result.transcript());
        assertTrue(result.stdoutText().contains("DecodeBenchmark.framekit"), result.transcript());
        assertTrue(result.stdoutText().contains("framekit summary: each framekit result beside its rival"), result.transcript());
        assertTrue(result.stdout().stream().anyMatch(l -> l.matches("  DecodeBenchmark\\.framekit +framing=length size=16 +.*"
                + " ops/s +\\(no rival\\)")), "only framekit ran: " + result.transcript());
        assertFalse(result.transcript().contains("sun.misc.Unsafe"), result.transcript());
        assertFalse(result.transcript().contains("WARNING"), result.transcript());
    }
}

package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits on a real server's start-up banner: one short line in plain words; the details with --verbose. */
class StartupBannerIT {
    private static final String SHORT = "^(echo|chat)-server: up to \\d+ connections at once, in \\d+(\\.\\d)? (GiB|MiB) of memory"
            + " \\(--verbose: how these were chosen\\)$";

    private final Framekit framekit = new Framekit();

    @AfterEach
    void stop() {
        framekit.close();
    }

    @Test
    void theLimitsAreOneShortLineInPlainWords() {
        FramekitProcess server = framekit.startServer("echo-server");
        server.awaitLine(SHORT);
        List<String> lines = server.stdoutLines();
        assertEquals(1, lines.stream().filter(l -> l.matches(SHORT)).count(), server.transcript());
        assertFalse(server.transcript().contains("max heap"), "the details only with --verbose: " + server.transcript());
    }

    @Test
    void aChatServerWithAWebPortSaysItsSharedLimitsOnce() {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter", "--web-port", "0");
        server.awaitLine("^  from a phone's browser: .*");
        assertEquals(1, server.stdoutLines().stream().filter(l -> l.matches(SHORT)).count(), server.transcript());
    }

    @Test
    void verboseSaysHowTheLimitsWereDecided() {
        FramekitProcess server = framekit.startServer("echo-server", "--verbose");
        String detail = server.awaitLine("^echo-server: memory budget .*");
        assertTrue(detail.contains("max heap") && detail.contains("KiB each") && detail.contains("open-file limit"), detail);
    }
}

package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The start-up warm-up of the virtual-thread I/O poller: it waits on its signal, not on a clock.
 * Isolated: it counts the process's open descriptors.
 */
@Isolated
class PollerWarmUpTest {
    @Test
    void theWaitingReadIsEndedByTheCloseAfterItSignalledThatItIsReading() throws IOException {
        assertEquals(-1, PollerWarmUp.run(), "the read saw the end of stream the close caused");
    }

    @Test
    void leavesNoSocketOpen() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd to count descriptors");
        PollerWarmUp.run(); // the poller's own descriptors are made once, before counting
        long before = count(fds);
        for (int i = 0; i < 5; i++) {
            assertEquals(-1, PollerWarmUp.run());
        }
        assertEquals(before, count(fds), "the listener and both sockets are closed every time");
    }

    private static long count(Path fds) throws IOException {
        try (Stream<Path> entries = Files.list(fds)) {
            return entries.count();
        }
    }
}

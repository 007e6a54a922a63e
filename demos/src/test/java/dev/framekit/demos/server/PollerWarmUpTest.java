package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The start-up warm-up of the virtual-thread I/O poller: it waits on its signal, not on a clock.
 * Isolated: it lists the process's open sockets. It compares which sockets are open, not how many
 * descriptors: a descriptor an earlier test's thread closes meanwhile must not fail it.
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
        Set<String> before = sockets(fds);
        for (int i = 0; i < 5; i++) {
            assertEquals(-1, PollerWarmUp.run());
        }
        Set<String> left = sockets(fds);
        left.removeAll(before);
        assertTrue(left.isEmpty(), "the listener and both sockets are closed every time; still open: " + left);
    }

    /** The sockets the process holds open, as their {@code socket:[inode]} links. */
    private static Set<String> sockets(Path fds) throws IOException {
        Set<String> sockets = new HashSet<>();
        try (Stream<Path> entries = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) entries::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:")) {
                        sockets.add(target);
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed between the listing and the read holds nothing open
                }
            }
        }
        return sockets;
    }
}

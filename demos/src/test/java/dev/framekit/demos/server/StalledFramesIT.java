package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.HeapUse;
import dev.framekit.demos.support.RawSockets;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Peers that hold memory without finishing anything, against servers in small heaps: 80 almost
 * complete 1 MiB frames that then stall (80 MiB in a 64 MiB heap, or a 32 MiB one), and 3,000
 * idle connections. The memory budget sheds the costliest peers, one line each; the server never
 * runs out of memory and answers a new client at once.
 */
@Timeout(120)
class StalledFramesIT {
    private static final int STALLED = 80;
    private static final int ALMOST = (1 << 20) - 64;

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final RawSockets sockets = new RawSockets();

    @AfterEach
    void stop() throws IOException {
        sockets.close();
    }

    static Stream<Arguments> framings() {
        return Stream.of(
                Arguments.of("length", "-Xmx64m", Framers.lengthPrefixed()),
                Arguments.of("delimiter", "-Xmx32m", Framers.lines()),
                Arguments.of("close", "-Xmx64m", Framers.sendAndClose()));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("framings")
    void eightyAlmostCompleteMebibyteFramesThatStallAreShedWithinTheBudget(String framing, String heap, Framer framer)
            throws Exception {
        FramekitProcess server = framekit.startWithJvmOptions(List.of(heap), "echo-server", "--host", "127.0.0.1",
                "--port", "0", "--framing", framing).awaitReady();
        byte[] body = new byte[ALMOST];
        Arrays.fill(body, (byte) 'x');
        byte[] start = framing.equals("length") ? ByteBuffer.allocate(4 + ALMOST).putInt(1 << 20).put(body).array() : body;
        for (int i = 0; i < STALLED; i++) {
            try {
                Socket socket = sockets.open(server.port());
                socket.getOutputStream().write(start);
            } catch (IOException shedOrRefused) {
                // The server closed it while it was being written: the budget at work.
            }
        }
        // The kernel took the bytes at once; the server reads them as fast as its small heap lets it.
        long shed = AfterAttack.awaitLines(server, "closed it (--max-memory)", STALLED / 2, Duration.ofSeconds(60));
        System.out.printf("%s, %s: %d stalled 1 MiB frames, %d shed (one line each), %d refusal lines%n", framing, heap,
                STALLED, shed, AfterAttack.linesContaining(server, "refused:"));
        assertTrue(shed >= STALLED / 2, "over the budget, the costliest peers are shed\n" + server.transcript());
        AfterAttack.servesAHealthyClient(server, framer);
        AfterAttack.loggedNoErrors(server);
    }

    @Test
    void threeThousandIdleConnectionsCostAFewKibEachAndThenAreEachServedALine() throws Exception {
        int connections = 3_000;
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "echo-server", "--host", "127.0.0.1",
                "--port", "0", "--framing", "delimiter").awaitReady();
        long baseKib = HeapUse.afterGcKib(server);
        for (int i = 0; i < connections; i++) {
            sockets.open(server.port());
        }
        assertEquals(connections, AfterAttack.awaitLines(server, " connected", connections, Duration.ofSeconds(30)),
                server.transcript());
        long idleKib = HeapUse.afterGcKib(server);
        System.out.printf("echo-server -Xmx64m, %,d idle delimiter connections: heap after GC %,d KiB, %,d KiB before;"
                + " %.1f KiB per connection%n", connections, idleKib, baseKib, (idleKib - baseKib) / (double) connections);

        for (Socket socket : sockets) {
            socket.getOutputStream().write("one line\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        int echoed = 0;
        for (Socket socket : sockets) {
            socket.setSoTimeout(20_000);
            byte[] reply = socket.getInputStream().readNBytes(9);
            echoed += new String(reply, java.nio.charset.StandardCharsets.US_ASCII).equals("one line\n") ? 1 : 0;
        }

        assertEquals(connections, echoed, server.transcript());
        assertTrue((idleKib - baseKib) / (double) connections < 12, "an idle connection costs a few KiB");
        AfterAttack.servesAHealthyClient(server, Framers.lines());
        AfterAttack.loggedNoErrors(server);
    }
}

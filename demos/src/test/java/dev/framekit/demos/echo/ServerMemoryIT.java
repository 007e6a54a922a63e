package dev.framekit.demos.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.HeapUse;
import dev.framekit.demos.support.RawSockets;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Memory is bounded by the bytes that arrived, never by the lengths peers declare: an
 * echo-server in a 64 MiB heap holds 1,000 connections that each declared a 1 MiB frame (1,000
 * MiB declared in all) and sent only the first 4 KiB of it, slowly, and its live heap stays
 * under {@value #HEAP_BOUND_MIB} MiB while it keeps answering other clients.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServerMemoryIT {
    private static final int CONNECTIONS = 1_000;
    private static final int DECLARED = 1 << 20;
    private static final int SENT_PER_CONNECTION = 4 * 1024;
    private static final int HEAP_BOUND_MIB = 40;

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final RawSockets sockets = new RawSockets();

    @AfterEach
    void closeEverything() throws IOException {
        sockets.close();
    }

    @Test
    void aThousandPeersDeclaringOneMebibyteFramesAndTricklingThemFitInASmallHeap() throws Exception {
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "echo-server", "--host", "127.0.0.1",
                "--port", "0", "--framing", "length").awaitReady();
        byte[] header = {0, (byte) (DECLARED >>> 16), (byte) (DECLARED >>> 8), (byte) DECLARED};
        for (int i = 0; i < CONNECTIONS; i++) {
            Socket socket = sockets.open(server.port());
            socket.getOutputStream().write(header);
        }
        // The bodies trickle in: 4 rounds of 1 KiB on every connection, with a pause between.
        byte[] piece = new byte[SENT_PER_CONNECTION / 4];
        for (int round = 0; round < 4; round++) {
            for (Socket socket : sockets) {
                socket.getOutputStream().write(piece);
            }
            Thread.sleep(500);
        }
        Thread.sleep(2_000); // every server thread has read what arrived

        long usedKib = HeapUse.afterGcKib(server);
        System.out.printf("echo-server -Xmx64m, %,d connections each declaring %,d bytes and sending %,d:"
                + " heap used after GC %,d KiB (%.1f KiB per connection)%n",
                CONNECTIONS, DECLARED, SENT_PER_CONNECTION + 4, usedKib, usedKib / (double) CONNECTIONS);
        assertTrue(server.isAlive(), server.transcript());
        assertTrue(usedKib < HEAP_BOUND_MIB * 1024L, "heap used after GC: " + usedKib + " KiB\n" + server.transcript());
        try (FramedConnection good = FramedConnection.connector("127.0.0.1", server.port()).framer(Framers.lengthPrefixed())
                .readTimeout(Duration.ofSeconds(20)).connect()) {
            good.send("still answering");
            assertEquals("still answering", good.readString());
        }
        String output = String.join("\n", server.stdoutLines()) + String.join("\n", server.stderrLines());
        assertFalse(output.contains("OutOfMemoryError") || output.contains("Exception"), server.transcript());
    }
}

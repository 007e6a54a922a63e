package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that send and never read: the server's echo fills their socket, its write blocks, and
 * {@code --write-timeout} closes each with one line instead of leaving it blocked for ever.
 */
@Timeout(60)
class WriteTimeoutIT {
    private static final int CLIENTS = 40;
    private static final int FRAME = 64 * 1024;

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void fortyClientsThatSendAndNeverReadAreClosedByTheWriteTimeout() throws Exception {
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "echo-server", "--host", "127.0.0.1",
                "--port", "0", "--framing", "length", "--write-timeout", "5s").awaitReady();
        byte[] frame = ByteBuffer.allocate(4 + FRAME).putInt(FRAME).array();
        long start = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096); // fills fast: the server's writes soon block
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            sockets.add(socket);
            Thread.ofVirtual().start(() -> sendUntilClosed(socket, frame));
        }

        long closed = AfterAttack.awaitLines(server, "peer stopped reading", CLIENTS, Duration.ofSeconds(20));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("write-timeout 5s: %d of %d never-reading clients closed in %.1f s%n", closed, CLIENTS, seconds);

        assertEquals(CLIENTS, closed, server.transcript());
        assertTrue(seconds < 15, "closed within about twice the timeout, took " + seconds + " s");
        assertTrue(server.stdoutLines().stream().anyMatch(line -> line.matches(
                ".*peer stopped reading: \\d+ bytes unsent for 5 s; closed it \\(--write-timeout\\)$")), server.transcript());
        AfterAttack.servesAHealthyClient(server, Framers.lengthPrefixed());
        AfterAttack.loggedNoErrors(server);
    }

    /** Writes frames until the server closes the connection (the write then fails). */
    private static void sendUntilClosed(Socket socket, byte[] frame) {
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                out.write(frame);
            }
        } catch (IOException closed) {
            // The server closed it: the point of the test.
        }
    }
}

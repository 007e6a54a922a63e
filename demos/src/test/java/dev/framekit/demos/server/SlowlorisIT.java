package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.RawSockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slowloris against a real echo-server: a peer trickling a frame one byte a second is closed by
 * {@code --frame-timeout} (a plain read timeout never fires, each byte restarts it), while a
 * peer quiet between frames, or one pipelining frames fast, is left alone; a flood of idle
 * connections is capped by {@code --max-connections} and cleared by {@code --idle-timeout}.
 */
@Timeout(90)
class SlowlorisIT {
    /** One echo-server with {@code --frame-timeout 1s}, shared by the tests that need nothing else of it. */
    @RegisterExtension
    static final Framekit shared = new Framekit();
    private static FramekitProcess frameTimeoutServer;

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final RawSockets sockets = new RawSockets();

    @BeforeAll
    static void startSharedServer() {
        frameTimeoutServer = shared.startServer("echo-server", "--frame-timeout", "1s");
    }

    @AfterEach
    void stop() throws IOException {
        sockets.close();
    }

    private Socket connect(FramekitProcess server) throws IOException {
        return sockets.open(server.port());
    }

    @Test
    void aHeaderTrickledOneBytePerSecondIsClosedByTheFrameTimeoutWithALogLine() throws Exception {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "delimiter", "--frame-timeout", "3s");
        Socket trickler = connect(server);
        OutputStream out = trickler.getOutputStream();
        long start = System.nanoTime();
        byte[] header = "GET / HTTP/1.1 Host: example".getBytes(StandardCharsets.US_ASCII);
        int sent = 0;
        try {
            for (byte b : header) {
                out.write(b);
                out.flush();
                sent++;
                if (Peers.closedWithin(trickler, 1000)) {
                    break;
                }
            }
        } catch (SocketException closedWhileWriting) {
            // The server closed it between two bytes.
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 2.5 && seconds < 8, "closed after " + seconds + " s, " + sent + " bytes\n" + server.transcript());
        String line = server.awaitLine("127\\.0\\.0\\.1:" + trickler.getLocalPort() + " 0 messages in");
        assertTrue(line.matches(".* a frame was still incomplete after 3 s \\(\\d bytes? of it arrived\\); closed it \\(--frame-timeout\\)"),
                line);
    }

    @Test
    void aClientQuietBetweenFramesIsNotCutOffByTheFrameTimeout() throws Exception {
        FramekitProcess server = frameTimeoutServer;
        Socket quiet = connect(server);
        assertEquals("one", Peers.echo(quiet, "one"));
        Thread.sleep(2500);
        assertEquals("two", Peers.echo(quiet, "two"), server.transcript());
    }

    @Test
    void aClientPipeliningFramesFastForLongerThanTheFrameTimeoutIsNotCutOff() throws Exception {
        FramekitProcess server = frameTimeoutServer;
        Socket fast = connect(server);
        fast.setSoTimeout(10_000);
        // 7-byte frames written 100 bytes at a time: almost every write ends inside a frame.
        byte[] stream = new byte[7 * 2000];
        for (int i = 0; i < 2000; i++) {
            ByteBuffer.wrap(stream, i * 7, 7).putInt(3).put("abc".getBytes(StandardCharsets.US_ASCII));
        }
        AtomicLong echoed = new AtomicLong();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                InputStream in = fast.getInputStream();
                byte[] sink = new byte[4096];
                int n;
                while ((n = in.read(sink)) > 0) {
                    echoed.addAndGet(n);
                }
            } catch (IOException ignored) {
                // The assertions below say what went wrong.
            }
        });
        long end = System.nanoTime() + Duration.ofMillis(3000).toNanos();
        long written = 0;
        OutputStream out = fast.getOutputStream();
        while (System.nanoTime() < end) {
            for (int offset = 0; offset < stream.length; offset += 100) {
                out.write(stream, offset, Math.min(100, stream.length - offset));
                written += Math.min(100, stream.length - offset);
                Thread.sleep(0, 200_000);
            }
        }
        fast.shutdownOutput();
        reader.join(15_000);
        assertEquals(written, echoed.get(), server.transcript());
        String line = server.awaitLine("127\\.0\\.0\\.1:" + fast.getLocalPort() + " \\d+ messages in");
        assertTrue(line.endsWith("ended cleanly"), line);
    }

    @Test
    void aFloodOfIdleConnectionsIsCappedByMaxConnectionsAndClearedByTheIdleTimeout() throws Exception {
        FramekitProcess server = framekit.startServer("echo-server", "--max-connections", "20", "--idle-timeout", "3s");
        for (int i = 0; i < 50; i++) {
            connect(server);
        }
        int closedAtOnce = 0;
        for (Socket socket : sockets) {
            if (Peers.closedWithin(socket, 50)) {
                closedAtOnce++;
            }
        }
        assertEquals(30, closedAtOnce, server.transcript());
        server.awaitLine("refused: 20 connections open, the most --max-connections allows \\(1 refused so far\\)");
        List<String> refusalLines = server.stdoutLines().stream().filter(l -> l.contains(" refused: ")).toList();
        assertTrue(refusalLines.size() <= 5, "a flood should cost a few log lines, not one each: " + refusalLines);

        server.awaitLine(Pattern.compile("idle for 3 s; closed it \\(--idle-timeout\\)"), Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String answer = null;
        while (answer == null && System.nanoTime() < deadline) {
            answer = Peers.echo(connect(server), "after the flood");
            Thread.sleep(100);
        }
        assertEquals("after the flood", answer, server.transcript());
        assertFalse(server.stdoutLines().stream().anyMatch(l -> l.contains("Exception")), server.transcript());
    }
}

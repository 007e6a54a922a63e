package dev.framekit.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Slow;
import dev.framekit.framing.testing.ChunkedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The frame deadline: a frame not complete N after its first byte fails with
 * {@link FrameTimeoutException}; the wait between frames does not count. Over real loopback
 * sockets (a peer that goes silent mid-frame, a peer that trickles) and over a scripted stream.
 */
@Slow
@Timeout(30)
class FrameDeadlineTest {
    private ServerSocket server;
    private Socket peer;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        if (peer != null) {
            peer.close();
        }
        server.close();
    }

    @Test
    void failsAFrameThatStallsAfterItsFirstBytesOverLoopback() throws Exception {
        try (FramedConnection connection = connectWithDeadline(Duration.ofMillis(300))) {
            OutputStream out = acceptPeer().getOutputStream();
            out.write(new byte[] {0, 0, 0, 2, 'o', 'k', 0, 0, 0});   // a frame, then 3 bytes of the next
            out.flush();

            assertEquals("ok", connection.readString());
            long start = System.nanoTime();
            FrameTimeoutException late = assertThrows(FrameTimeoutException.class, connection::readString);
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(3, late.bytesReceived(), late.getMessage());
            assertEquals(Duration.ofMillis(300), late.deadline());
            assertTrue(late.getMessage().contains("300 ms") && late.getMessage().contains("3 bytes"), late.getMessage());
            assertTrue(waitedMillis < 5_000, "it did not wait for the socket's own timeout: " + waitedMillis + " ms");
            assertSame(late, assertThrows(FrameTimeoutException.class, connection::readString), "the failure sticks");
        }
    }

    @Test
    void failsAPeerThatTricklesAFrameFasterThanTheReadTimeoutOverLoopback() throws Exception {
        try (FramedConnection connection = FramedConnection.connector("127.0.0.1", server.getLocalPort())
                .framer(Framers.lengthPrefixed()).readTimeout(Duration.ofSeconds(2))
                .frameDeadline(Duration.ofMillis(400)).connect()) {
            Socket slow = acceptPeer();
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> trickle(slow, 104, 40));

            FrameTimeoutException late = assertThrows(FrameTimeoutException.class, connection.reader()::readFrame);

            assertTrue(late.bytesReceived() > 0 && late.bytesReceived() < 104, "caught mid-frame: " + late.getMessage());
            slow.close();
            trickle.exceptionally(e -> null).join();
        }
    }

    @Test
    void doesNotCountTheWaitBetweenFrames() throws Exception {
        try (FramedConnection connection = connectWithDeadline(Duration.ofMillis(200))) {
            OutputStream out = acceptPeer().getOutputStream();
            Thread.sleep(600); // idle, between frames: not the frame deadline's business
            out.write(new byte[] {0, 0, 0, 2, 'h', 'i'});
            out.flush();

            assertEquals("hi", connection.readString());
        }
    }

    @Test
    void failsALateFrameOnAScriptedStreamWithoutASocket() throws Exception {
        byte[] wire = "hello world, a slow line\n".getBytes(US_ASCII);
        InputStream slow = new PausingInputStream(wire, 4, 150);
        FrameReader reader = new FrameReader(slow, Framers.lines()).frameDeadline(Duration.ofMillis(200));

        FrameTimeoutException late = assertThrows(FrameTimeoutException.class, reader::readString);

        assertTrue(late.bytesReceived() >= 4 && late.bytesReceived() < wire.length, late.getMessage());
        reader.close();
    }

    @Test
    void passesTheSameScriptedStreamWhenTheDeadlineIsLongEnough() throws Exception {
        byte[] wire = "hello world\nbye\n".getBytes(US_ASCII);
        try (FrameReader reader = new FrameReader(new PausingInputStream(wire, 4, 50), Framers.lines())
                .frameDeadline(Duration.ofSeconds(10))) {
            assertEquals("hello world", reader.readString());
            assertEquals("bye", reader.readString());
            assertNull(reader.readString());
        }
    }

    @Test
    void refusesANegativeDeadline() {
        FrameReader reader = new FrameReader(InputStream.nullInputStream(), Framers.lines());
        assertThrows(IllegalArgumentException.class, () -> reader.frameDeadline(Duration.ofMillis(-1)));
        assertEquals(Duration.ZERO, reader.frameDeadline(), "no deadline unless set");
    }

    private FramedConnection connectWithDeadline(Duration deadline) throws IOException {
        return FramedConnection.connector("127.0.0.1", server.getLocalPort()).framer(Framers.lengthPrefixed())
                .frameDeadline(deadline).connect();
    }

    private Socket acceptPeer() throws IOException {
        peer = server.accept();
        return peer;
    }

    /** Sends a length-prefixed frame of {@code total - 4} bytes one byte per {@code pauseMillis}. */
    private static void trickle(Socket socket, int total, long pauseMillis) {
        byte[] frame = new byte[total];
        frame[3] = (byte) (total - 4);
        try {
            OutputStream out = socket.getOutputStream();
            for (byte b : frame) {
                out.write(b);
                out.flush();
                Thread.sleep(pauseMillis);
            }
        } catch (IOException | InterruptedException e) {
            // the reader gave up and the test closed the socket
        }
    }

    /** Hands out {@code chunk} bytes per bulk read, pausing {@code pauseMillis} before every one but the first. */
    private static final class PausingInputStream extends FilterInputStream {
        private final long pauseMillis;
        private boolean first = true;

        PausingInputStream(byte[] data, int chunk, long pauseMillis) {
            super(new ChunkedInputStream(data, chunk));
            this.pauseMillis = pauseMillis;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!first) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }
            first = false;
            return super.read(b, off, len);
        }
    }

    @Test
    void keepsBytesOfFramesThatMadeItInTime() throws Exception {
        byte[] wire = "ab\ncd\n".getBytes(US_ASCII);
        try (FrameReader reader = new FrameReader(new PausingInputStream(wire, 3, 100), Framers.lines())
                .frameDeadline(Duration.ofMillis(50))) {
            assertArrayEquals("ab".getBytes(US_ASCII), reader.readByteArray(), "a frame within one read is never late");
            assertArrayEquals("cd".getBytes(US_ASCII), reader.readByteArray(), "nor is the next one");
        }
    }
}

package dev.framekit.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Slow;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.OutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Over a socket, a reader that has caught up with the writer between frames waits
 * {@value InboundBuffer.IDLE_GRACE_MILLIS} ms with its buffer before shrinking it for an idle wait:
 * a busy stream of large frames keeps its buffer instead of giving it back and growing it again
 * (copying as it grows) for every frame; an idle one still shrinks; read timeouts keep their length.
 */
@Slow
@Timeout(60)
class FrameReaderIdleGraceTest {
    private static final int FRAME = 64 * 1024;

    private ServerSocket server;
    private Socket client;
    private Socket peer;

    @BeforeEach
    void connect() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        peer = server.accept();
    }

    @AfterEach
    void close() throws IOException {
        peer.close();
        client.close();
        server.close();
    }

    @Test
    void aBusyStreamOfLargeFramesKeepsItsBufferBetweenFrames() throws Exception {
        int frames = 100;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> writeLines(frames, 1));
        List<Integer> capacities = new ArrayList<>();
        AtomicReference<FrameReader> self = new AtomicReference<>();
        InputStream probe = new FilterInputStream(client.getInputStream()) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                capacities.add(self.get().bufferCapacity());
                return super.read(b, off, len);
            }
        };
        FrameReader reader = FrameReader.over(client, probe, Framers.lines());
        self.set(reader);
        reader.readFrame().release();
        capacities.clear();
        for (int i = 1; i < frames; i++) {
            ByteBuf frame = reader.readFrame();
            assertEquals(FRAME, frame.readableBytes());
            frame.release();
        }
        writer.get(30, TimeUnit.SECONDS);

        // Without the grace nearly every frame starts with a shrunk buffer that grows again by doubling.
        long shrunk = capacities.stream().filter(c -> c <= InboundBuffer.IDLE_CAPACITY).count();
        assertTrue(shrunk <= frames / 10, shrunk + " of " + capacities.size() + " reads into a shrunk buffer: " + capacities);
    }

    @Test
    void anIdleConnectionStillShrinksItsBufferAfterTheGrace() throws Exception {
        writeLines(1, 0);
        FrameReader reader = FrameReader.over(client, Framers.lines());
        reader.readFrame().release();
        CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (reader.bufferCapacity() > InboundBuffer.IDLE_CAPACITY && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int waiting = reader.bufferCapacity();
        peer.getOutputStream().write("next\n".getBytes(US_ASCII));

        assertTrue(waiting <= InboundBuffer.IDLE_CAPACITY, "waiting idle with a " + waiting + "-byte buffer");
        assertEquals("next", next.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theSocketsReadTimeoutKeepsItsLengthAndIsRestored() throws Exception {
        FrameReader reader = readerPastOneFrame(300);

        long start = System.nanoTime();
        assertThrows(SocketTimeoutException.class, reader::readFrame);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(waitedMillis >= 290 && waitedMillis < 1000, "timed out after " + waitedMillis + " ms of 300");
        assertEquals(java.time.Duration.ofMillis(300), reader.readTimeout(), "the reader keeps the timeout it owns");
    }

    @Test
    void aReadTimeoutShorterThanTheGraceIsTheSocketsOwn() throws Exception {
        FrameReader reader = readerPastOneFrame(3);

        assertThrows(SocketTimeoutException.class, reader::readFrame);
        assertEquals(3, client.getSoTimeout());
        CountDownLatch sent = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> {
            writeLines(1, 0);
            sent.countDown();
        });
        sent.await();
        client.setSoTimeout(0);
        ByteBuf frame = reader.readFrame();
        assertEquals(FRAME, frame.readableBytes(), "the connection still works after the timeout");
        frame.release();
        peer.shutdownOutput();
        assertNull(reader.readFrame());
    }

    /** A reader of the client socket, with read timeout {@code millis}, that has read one frame the peer wrote. */
    private FrameReader readerPastOneFrame(int millis) throws IOException {
        writeLines(1, 0);
        client.setSoTimeout(millis);
        FrameReader reader = FrameReader.over(client, Framers.lines());
        reader.readFrame().release();
        return reader;
    }

    /** The peer writes {@code count} lines of {@link #FRAME} bytes, pausing {@code pauseMillis} after each. */
    private void writeLines(int count, int pauseMillis) {
        byte[] line = new byte[FRAME + 1];
        Arrays.fill(line, (byte) 'x');
        line[FRAME] = '\n';
        try {
            OutputStream out = peer.getOutputStream();
            for (int i = 0; i < count; i++) {
                out.write(line);
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Slow;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link FrameReader#over(SocketChannel, Framer)}: frames read through a blocking socket channel
 * straight into a direct buffer, with the read timeout, the frame deadline, the idle shrink and
 * the byte count of a reader over a socket's stream.
 */
@Slow
@Timeout(60)
class FrameReaderChannelTest {
    private static final LengthPrefixFramer LENGTH = Framers.lengthPrefixed().withMaxFrameLength(1 << 20);

    private ServerSocketChannel server;
    private SocketChannel client;
    private SocketChannel peer;

    @BeforeEach
    void connect() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = SocketChannel.open(server.getLocalAddress());
        peer = server.accept();
    }

    @AfterEach
    void close() throws IOException {
        peer.close();
        client.close();
        server.close();
    }

    /** The wire bytes of {@code messages}, framed one after another. */
    private static byte[] framed(List<byte[]> messages) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer();
        for (byte[] message : messages) {
            LENGTH.newEncoder().encode(Unpooled.wrappedBuffer(message), out);
        }
        return ByteBufUtil.getBytes(out);
    }

    /** The peer writes {@code wire} in seeded random pieces, pausing now and then so the reader waits. */
    private CompletableFuture<Void> sendInPieces(byte[] wire, long seed) {
        return CompletableFuture.runAsync(() -> {
            Random random = new Random(seed);
            try {
                OutputStream out = peer.socket().getOutputStream();
                for (int at = 0; at < wire.length; ) {
                    int piece = Math.min(wire.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 100_000));
                    out.write(wire, at, piece);
                    at += piece;
                    if (random.nextInt(8) == 0) {
                        Thread.sleep(random.nextInt(3));
                    }
                }
                peer.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void readsFramesOfEverySizeIntoADirectBufferAndCountsTheWireBytes() throws Exception {
        Random random = new Random(7);
        List<byte[]> messages = new ArrayList<>();
        for (int size : new int[] {0, 1, 16, 1000, 16 * 1024, 70_000, 300_000, 5, 64 * 1024}) {
            byte[] message = new byte[size];
            random.nextBytes(message);
            messages.add(message);
        }
        byte[] wire = framed(messages);
        CompletableFuture<Void> sent = sendInPieces(wire, 11);
        FrameReader reader = FrameReader.over(client, LENGTH);

        for (byte[] message : messages) {
            ByteBuf frame = reader.readFrame();
            try {
                assertTrue(frame.isDirect(), "read into a direct buffer");
                assertArrayEquals(message, ByteBufUtil.getBytes(frame));
            } finally {
                frame.release();
            }
        }
        assertNull(reader.readFrame(), "the peer's clean end");
        sent.get(10, TimeUnit.SECONDS);
        assertEquals(wire.length, reader.bytesRead());
    }

    @Test
    void readEachLendsEveryFrameOverTheChannel() throws Exception {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            messages.add(("message " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        CompletableFuture<Void> sent = sendInPieces(framed(messages), 3);
        FrameReader reader = FrameReader.over(client, LENGTH);

        List<byte[]> seen = new ArrayList<>();
        while (reader.readEach(payload -> seen.add(ByteBufUtil.getBytes(payload))) > 0) {
            // until the end
        }

        sent.get(10, TimeUnit.SECONDS);
        assertEquals(messages.size(), seen.size());
        for (int i = 0; i < messages.size(); i++) {
            assertArrayEquals(messages.get(i), seen.get(i), "message " + i);
        }
    }

    @Test
    void aReadTimeoutBoundsTheWaitAndTheNextReadGoesOn() throws Exception {
        FrameReader reader = FrameReader.over(client, LENGTH).readTimeout(Duration.ofMillis(200));

        long start = System.nanoTime();
        assertThrows(SocketTimeoutException.class, reader::readFrame);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        peer.socket().getOutputStream().write(framed(List.of(new byte[] {1, 2, 3})));

        assertTrue(waitedMillis >= 190 && waitedMillis < 2000, "timed out after " + waitedMillis + " ms of 200");
        ByteBuf frame = reader.readFrame();
        assertArrayEquals(new byte[] {1, 2, 3}, ByteBufUtil.getBytes(frame));
        frame.release();
    }

    @Test
    void aFrameDeadlineFailsAPeerThatStopsMidFrame() throws Exception {
        FrameReader reader = FrameReader.over(client, LENGTH).frameDeadline(Duration.ofMillis(300));
        byte[] wire = framed(List.of(new byte[1000]));
        peer.socket().getOutputStream().write(wire, 0, 500);

        assertThrows(FrameTimeoutException.class, reader::readFrame);
    }

    @Test
    void anIdleReaderShrinksItsDirectBufferAfterTheGrace() throws Exception {
        peer.socket().getOutputStream().write(framed(List.of(new byte[200_000])));
        FrameReader reader = FrameReader.over(client, LENGTH);
        reader.readFrame().release();
        CompletableFuture<ByteBuf> next = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readFrame();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (reader.bufferCapacity() > InboundBuffer.IDLE_CAPACITY && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int waiting = reader.bufferCapacity();
        peer.socket().getOutputStream().write(framed(List.of(new byte[] {9})));

        assertTrue(waiting <= InboundBuffer.IDLE_CAPACITY, "waiting idle with a " + waiting + "-byte buffer");
        ByteBuf frame = next.get(10, TimeUnit.SECONDS);
        assertArrayEquals(new byte[] {9}, ByteBufUtil.getBytes(frame));
        frame.release();
    }

    @Test
    void refusesAChannelInNonBlockingMode() throws IOException {
        client.configureBlocking(false);

        assertThrows(IllegalArgumentException.class, () -> FrameReader.over(client, LENGTH));
    }
}

package dev.framekit.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link FrameWriter}'s send path without a wrapper per message ({@link FrameWriter#write(byte[], int, int)},
 * {@link FrameWriter#write(ByteBuffer)}) and its gathering write of a large payload with the batch
 * before it, on a recording channel and over a real socket channel.
 */
class FrameWriterSendPathTest {
    private static final LengthPrefixFramer LENGTH = Framers.lengthPrefixed();

    /** What the framer makes of each message, one after another. */
    private static byte[] framed(Framer framer, byte[]... messages) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer();
        for (byte[] message : messages) {
            framer.newEncoder().encode(Unpooled.wrappedBuffer(message), out);
        }
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void writesOnlyTheRangeOfTheArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out, LENGTH);

        writer.write("xxhelloyy".getBytes(US_ASCII), 2, 5).flush();

        assertArrayEquals(framed(LENGTH, "hello".getBytes(US_ASCII)), out.toByteArray());
    }

    @Test
    void writesARefilledSendBufferAsTheMessageItHeldEachTime() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out, LENGTH);
        byte[] send = new byte[8];

        List<byte[]> sent = new ArrayList<>();
        for (String message : List.of("one", "three", "")) {
            byte[] bytes = message.getBytes(US_ASCII);
            System.arraycopy(bytes, 0, send, 0, bytes.length);
            writer.write(send, 0, bytes.length);
            sent.add(bytes);
        }
        writer.write(new byte[] {'n', 'e', 'w'}, 0, 3); // another array
        sent.add("new".getBytes(US_ASCII));
        writer.flush();
        writer.write(send, 0, 3); // the same array after a flush
        sent.add(Arrays.copyOf(send, 3));
        writer.flush();

        assertArrayEquals(framed(LENGTH, sent.toArray(byte[][]::new)), out.toByteArray());
    }

    @Test
    void refusesARangeOutsideTheArrayAndWritesNothing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out, LENGTH);

        assertThrows(IndexOutOfBoundsException.class, () -> writer.write(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> writer.write(new byte[4], -1, 2));
        writer.flush();

        assertEquals(0, out.size());
    }

    @Test
    void writesAByteBufferFromPositionToLimitWithoutMovingThem() throws IOException {
        byte[] text = "..payload..".getBytes(US_ASCII);
        for (ByteBuffer buffer : List.of(ByteBuffer.wrap(text), ByteBuffer.allocateDirect(text.length).put(text),
                ByteBuffer.wrap(text).asReadOnlyBuffer())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FrameWriter writer = new FrameWriter(out, LENGTH);
            buffer.limit(9).position(2);

            writer.write(buffer);
            buffer.limit(4).position(2);
            writer.write(buffer).flush();

            assertEquals(2, buffer.position(), buffer + ": position unchanged");
            assertEquals(4, buffer.limit(), buffer + ": limit unchanged");
            assertArrayEquals(framed(LENGTH, "payload".getBytes(US_ASCII), "pa".getBytes(US_ASCII)), out.toByteArray(),
                    buffer.toString());
        }
    }

    @Test
    void refusesAMessageTheFramerCannotCarryFromAnArrayRangeAndWritesNothing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out, Framers.delimiter("\n"));

        assertThrows(MessageRefusedException.class, () -> writer.write("a\nb".getBytes(US_ASCII), 0, 3));
        writer.write("a\nb".getBytes(US_ASCII), 2, 1).flush();

        assertArrayEquals("b\n".getBytes(US_ASCII), out.toByteArray());
    }

    /** A channel that records each gathering write and takes at most {@code most} bytes per call. */
    private static final class RecordingChannel implements GatheringByteChannel {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int most;
        int gatheringWrites;

        RecordingChannel(int most) {
            this.most = most;
        }

        @Override
        public long write(ByteBuffer[] sources, int offset, int length) {
            gatheringWrites++;
            int left = most;
            long taken = 0;
            for (int i = offset; i < offset + length && left > 0; i++) {
                int n = Math.min(left, sources[i].remaining());
                byte[] chunk = new byte[n];
                sources[i].get(chunk);
                bytes.write(chunk, 0, n);
                left -= n;
                taken += n;
            }
            return taken;
        }

        @Override
        public long write(ByteBuffer[] sources) {
            return write(sources, 0, sources.length);
        }

        @Override
        public int write(ByteBuffer source) {
            throw new AssertionError("a large payload goes in a gathering write");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** The stream in front of the channel: writes what is small straight into the channel's record. */
    private static OutputStream streamInto(RecordingChannel channel, int[] streamWrites) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                streamWrites[0]++;
                channel.bytes.write(b, off, len);
            }
        };
    }

    @Test
    void sendsALargePayloadWithItsHeaderAndWhatIsBatchedInOneGatheringWrite() throws IOException {
        RecordingChannel channel = new RecordingChannel(Integer.MAX_VALUE);
        int[] streamWrites = new int[1];
        FrameWriter writer = new FrameWriter(new Outbound(streamInto(channel, streamWrites), channel), LENGTH);
        byte[] small = "small".getBytes(US_ASCII);
        byte[] large = new byte[64 * 1024];
        Arrays.fill(large, (byte) 'L');

        writer.write(small).write(large);

        assertEquals(1, channel.gatheringWrites, "the batch, the header and the payload: one write");
        assertEquals(0, streamWrites[0], "nothing went through the stream before it");
        writer.write(small).flush();
        assertArrayEquals(framed(LENGTH, small, large, small), channel.bytes.toByteArray());
    }

    @Test
    void finishesAGatheringWriteThatTheChannelTakesInPieces() throws IOException {
        RecordingChannel channel = new RecordingChannel(1000);
        FrameWriter writer = new FrameWriter(new Outbound(streamInto(channel, new int[1]), channel), LENGTH);
        byte[] large = new byte[40_000];
        new java.util.Random(24).nextBytes(large);

        writer.write("head".getBytes(US_ASCII)).write(large).flush();

        assertArrayEquals(framed(LENGTH, "head".getBytes(US_ASCII), large), channel.bytes.toByteArray());
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void carriesLargeAndSmallMessagesOverARealSocketChannel() throws Exception {
        List<byte[]> messages = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int size : new int[] {5, 70_000, 16 * 1024, 3, 1 << 20, 16 * 1024 - 1, 0}) {
            byte[] message = new byte[size];
            random.nextBytes(message);
            messages.add(message);
        }
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<List<byte[]>> received = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept().socket();
                        FrameReader reader = FrameReader.over(socket, LENGTH.withMaxFrameLength(2 << 20))) {
                    List<byte[]> frames = new ArrayList<>();
                    byte[] frame;
                    while ((frame = reader.readByteArray()) != null) {
                        frames.add(frame);
                    }
                    return frames;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
                FrameWriter writer = FrameWriter.over(client.socket(), LENGTH.withMaxFrameLength(2 << 20));
                for (byte[] message : messages) {
                    writer.write(message);
                }
                writer.flush();
                client.shutdownOutput();
                List<byte[]> frames = received.get(20, TimeUnit.SECONDS);
                assertEquals(messages.size(), frames.size());
                for (int i = 0; i < messages.size(); i++) {
                    assertArrayEquals(messages.get(i), frames.get(i), "message " + i);
                }
            }
        }
    }
}

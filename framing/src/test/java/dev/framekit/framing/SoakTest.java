package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.RandomReadsInputStream;
import dev.framekit.framing.support.Slow;
import dev.framekit.framing.support.SoakMessages;
import dev.framekit.framing.support.SoakTally;
import dev.framekit.framing.support.TestFramers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The no-loss soak: for every framer, sequence-numbered, checksummed messages of random sizes,
 * written in random-size pieces and read with random read sizes and reader chunk sizes, for a
 * bounded time; zero lost, duplicated, reordered or corrupted messages. Each run prints one
 * summary line with the counts.
 *
 * <p>Each framer runs {@code -Dsoak.seconds} seconds (default 1: about a minute for every framer,
 * in CI) in memory and as long over real
 * loopback sockets; {@code -Dsoak.seed=N} repeats a run. For example
 * {@code ./mvnw -pl framing test -Dtiers.excluded= -Dtest=SoakTest -Dsoak.seconds=600}.
 */
@Slow
class SoakTest {
    private static final double SECONDS = Double.parseDouble(System.getProperty("soak.seconds", "1"));
    private static final long SEED = Long.getLong("soak.seed", System.nanoTime());
    private static final int LARGEST = 64 * 1024;
    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;

    /**
     * Every framer of {@link TestFramers#every()} (so of {@code FramerFixture.all()}), with messages
     * it can carry: random bytes where it takes any byte, else letters and digits; up to its
     * largest payload or 64 KiB.
     */
    static Stream<Arguments> everyFramer() {
        return TestFramers.every().map(arguments -> {
            Named<?> named = (Named<?>) arguments.get()[0];
            Framer framer = (Framer) named.getPayload();
            return Arguments.of(named, new SoakMessages(carriesAnyByte(framer), largestPayload(framer)));
        });
    }

    /**
     * Whether the framer carries any bytes: every one-byte message, one holding every byte value,
     * and its own frame of "a" as a payload (a delimiter or a trailing pad byte inside it is refused).
     */
    private static boolean carriesAnyByte(Framer framer) {
        byte[] all = new byte[256];
        for (int value = 0; value < 256; value++) {
            all[value] = (byte) value;
            if (framer.check(new byte[] {(byte) value}) != null) {
                return false;
            }
        }
        ByteArrayOutputStream frameOfA = new ByteArrayOutputStream();
        try (FrameWriter writer = new FrameWriter(frameOfA, framer)) {
            writer.write(new byte[] {'a'});
        } catch (IOException e) {
            return false;
        }
        return framer.check(all) == null && framer.check(frameOfA.toByteArray()) == null;
    }

    /** The longest run of letters, up to {@value #LARGEST} bytes, that the framer takes. */
    private static int largestPayload(Framer framer) {
        int low = 0;
        int high = LARGEST;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            byte[] letters = new byte[middle];
            Arrays.fill(letters, (byte) 'a');
            if (framer.check(letters) == null) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFramer")
    void everyMessageArrivesOnceInOrderAndIntactInMemory(Framer framer, SoakMessages messages) throws IOException {
        Random random = new Random(SEED);
        long deadline = deadline();
        SoakTally tally = new SoakTally();
        long sent;
        long started = System.nanoTime();
        if (TestFramers.isSendAndClose(framer)) {
            for (sent = 0; System.nanoTime() < deadline; sent++) {
                ByteArrayOutputStream wire = new ByteArrayOutputStream();
                try (FrameWriter writer = new FrameWriter(wire, framer)) {
                    writer.write(messages.make(sent, random));
                }
                InputStream in = new RandomReadsInputStream(new ByteArrayInputStream(wire.toByteArray()), random);
                try (FrameReader reader = new FrameReader(in, framer, randomChunkSize(random))) {
                    receive(reader, messages, tally, random);
                    assertNull(reader.readByteArray(), "a second message in a send-and-close stream");
                }
            }
        } else {
            MessageSource source = new MessageSource(framer, messages, random, deadline);
            try (FrameReader reader = new FrameReader(source, framer, randomChunkSize(random))) {
                while (receive(reader, messages, tally, random)) {
                    // every message is checked by receive
                }
            }
            sent = source.sent();
        }
        report("in memory", framer, tally, sent, started);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFramer")
    void everyMessageArrivesOnceInOrderAndIntactOverLoopback(Framer framer, SoakMessages messages) throws Exception {
        long deadline = deadline();
        SoakTally tally = new SoakTally();
        long started = System.nanoTime();
        try (ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            Random receiverRandom = new Random(SEED + 1);
            CompletableFuture<Long> sender = CompletableFuture.supplyAsync(() -> {
                try {
                    return TestFramers.isSendAndClose(framer)
                            ? sendOnePerConnection(server.getLocalPort(), framer, messages, new Random(SEED), deadline)
                            : sendOnOneConnection(server.getLocalPort(), framer, messages, new Random(SEED), deadline);
                } catch (IOException e) {
                    throw new IllegalStateException("sender failed: " + e, e);
                }
            });
            if (TestFramers.isSendAndClose(framer)) {
                receiveOnePerConnection(server, framer, messages, tally, receiverRandom, sender);
            } else {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                    InputStream in = new RandomReadsInputStream(socket.getInputStream(), receiverRandom);
                    FrameReader reader = new FrameReader(in, framer, randomChunkSize(receiverRandom));
                    while (receive(reader, messages, tally, receiverRandom)) {
                        // every message is checked by receive
                    }
                    reader.close();
                }
            }
            long sent = sender.get(SOCKET_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            report("over loopback", framer, tally, sent, started);
        }
    }

    /** Reads one message, checks it, and tallies it; false at the clean end of the stream. */
    private static boolean receive(FrameReader reader, SoakMessages messages, SoakTally tally, Random random)
            throws IOException {
        byte[] message;
        if (random.nextBoolean()) {
            message = reader.readByteArray();
        } else {
            ByteBuf frame = reader.readFrame();
            message = frame == null ? null : ByteBufUtil.getBytes(frame);
            if (frame != null) {
                frame.release();
            }
        }
        if (message == null) {
            return false;
        }
        tally.received(messages.check(message), message.length);
        return true;
    }

    /** The sender on one connection: frames encoded into a batch, written to the socket in random pieces. */
    private static long sendOnOneConnection(int port, Framer framer, SoakMessages messages, Random random, long deadline)
            throws IOException {
        long sent = 0;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            ByteBuf batch = Unpooled.buffer();
            while (System.nanoTime() < deadline) {
                int count = 1 + random.nextInt(50);
                for (int i = 0; i < count; i++) {
                    framer.encode(Unpooled.wrappedBuffer(messages.make(sent++, random)), batch);
                }
                writeInRandomPieces(out, batch, random);
            }
            socket.shutdownOutput();
            batch.release();
        }
        return sent;
    }

    /** The sender on send-and-close: one connection per message, written in random pieces, then a half-close. */
    private static long sendOnePerConnection(int port, Framer framer, SoakMessages messages, Random random,
            long deadline) throws IOException {
        long sent = 0;
        ByteBuf frame = Unpooled.buffer();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                frame.clear();
                framer.encode(Unpooled.wrappedBuffer(messages.make(sent++, random)), frame);
                writeInRandomPieces(socket.getOutputStream(), frame, random);
                socket.shutdownOutput();
                // The receiver closes first, so the TIME_WAIT is on its side and ports are not used up.
                assertEquals(-1, socket.getInputStream().read());
            }
        }
        frame.release();
        return sent;
    }

    private static void receiveOnePerConnection(ServerSocket server, Framer framer, SoakMessages messages,
            SoakTally tally, Random random, CompletableFuture<Long> sender) throws IOException {
        server.setSoTimeout(200);
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                if (sender.isDone()) {
                    return;
                }
                continue;
            }
            try (socket) {
                socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                InputStream in = new RandomReadsInputStream(socket.getInputStream(), random);
                FrameReader reader = new FrameReader(in, framer, randomChunkSize(random));
                assertTrue(receive(reader, messages, tally, random), "a connection without a message");
                assertNull(reader.readByteArray(), "a second message on a send-and-close connection");
            }
        }
    }

    private static void writeInRandomPieces(OutputStream out, ByteBuf bytes, Random random) throws IOException {
        while (bytes.isReadable()) {
            int piece = Math.min(bytes.readableBytes(), RandomReadsInputStream.randomSize(random));
            bytes.readBytes(out, piece);
        }
        bytes.clear();
    }

    /** Reader chunk sizes from one byte to the default 64 KiB. */
    private static int randomChunkSize(Random random) {
        int[] sizes = {1, 2, 7, 100, 1500, 4096, FrameReader.DEFAULT_CHUNK_SIZE};
        return random.nextInt(4) == 0 ? 1 + random.nextInt(FrameReader.DEFAULT_CHUNK_SIZE) : sizes[random.nextInt(sizes.length)];
    }

    private static long deadline() {
        return System.nanoTime() + (long) (SECONDS * 1e9);
    }

    private static void report(String where, Framer framer, SoakTally tally, long sent, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("soak %s %s: %s in %.1f s (seed %d)%n", framer, where, tally.summary(sent), seconds, SEED);
        assertTrue(sent > 0, "nothing was sent");
        String counts = tally.summary(sent) + " (seed " + SEED + ")";
        assertEquals(0, tally.lost(sent), counts);
        assertEquals(0, tally.duplicated(), counts);
        assertEquals(0, tally.reordered(), counts);
        assertEquals(0, tally.corrupted(), counts);
        assertEquals(sent, tally.delivered(), counts);
    }

    /**
     * An in-memory stream of framed messages, made on demand: a {@link FrameWriter} encodes a few
     * messages at a time (flushing at random), and reads take them in random sizes, until the
     * deadline ends the stream.
     */
    private static final class MessageSource extends InputStream {
        private final SoakMessages messages;
        private final Random random;
        private final long deadline;
        private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        private final FrameWriter writer;
        private byte[] pending = new byte[0];
        private int position;
        private long sent;

        MessageSource(Framer framer, SoakMessages messages, Random random, long deadline) {
            this.messages = messages;
            this.random = random;
            this.deadline = deadline;
            this.writer = new FrameWriter(wire, framer);
        }

        long sent() {
            return sent;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position == pending.length && !refill()) {
                return -1;
            }
            int n = Math.min(Math.min(len, pending.length - position), RandomReadsInputStream.randomSize(random));
            System.arraycopy(pending, position, b, off, n);
            position += n;
            return n;
        }

        private boolean refill() throws IOException {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            wire.reset();
            int count = 1 + random.nextInt(50);
            for (int i = 0; i < count; i++) {
                writer.write(messages.make(sent++, random));
                if (random.nextInt(10) == 0) {
                    writer.flush();
                }
            }
            writer.flush();
            pending = wire.toByteArray();
            position = 0;
            return true;
        }
    }
}

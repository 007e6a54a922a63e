package dev.framekit.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Slow;
import dev.framekit.framing.support.TestFramers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every framer over real TCP connections on 127.0.0.1: the splits, stalls and half-closes that a
 * byte stream really produces, rather than the ones a test stream imitates.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoopbackSocketTest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Queue<Throwable> serverFailures = new ConcurrentLinkedQueue<>();
    private ServerSocket server;

    static Stream<Arguments> framersForLargePayloads() {
        return Stream.of(
                Arguments.of(Named.of("fixed-length 512 KiB + 1, pad #", Framers.fixedLength(512 * 1024 + 1).pad('#'))),
                Arguments.of(Named.of("lines", Framers.lines())),
                Arguments.of(Named.of("delimiter #*#", Framers.delimiter("#*#"))),
                Arguments.of(Named.of("length prefix", Framers.lengthPrefixed())),
                Arguments.of(Named.of("send-and-close", Framers.sendAndClose())));
    }

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
        if (!serverFailures.isEmpty()) {
            AssertionError error = new AssertionError("the server side failed");
            serverFailures.forEach(error::addSuppressed);
            throw error;
        }
    }

    // ---- every framer -------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dev.framekit.framing.support.TestFramers#every")
    void readsBackPipelinedMessagesSentInOneWrite(Framer framer) throws Exception {
        AtomicInteger echoed = serveEcho(framer);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            messages.add("pipelined message " + i);
        }

        List<String> replies = new ArrayList<>();
        if (TestFramers.isSendAndClose(framer)) {
            // One message per connection: pipeline connections instead, every request before any reply.
            List<FramedConnection> connections = new ArrayList<>();
            for (String message : messages) {
                FramedConnection connection = connect(framer);
                connection.socket().getOutputStream().write(message.getBytes(US_ASCII));
                connection.socket().shutdownOutput();
                connections.add(connection);
            }
            for (FramedConnection connection : connections) {
                try (connection) {
                    replies.add(connection.readString());
                    assertNull(connection.readString());
                }
            }
        } else {
            try (FramedConnection connection = connect(framer)) {
                connection.socket().getOutputStream().write(encodeAll(framer, messages));
                for (int i = 0; i < messages.size(); i++) {
                    replies.add(connection.readString());
                }
                connection.shutdownOutput();
                assertNull(connection.readString(), "the server ends cleanly after the last reply");
            }
        }

        assertEquals(messages, replies);
        assertEquals(messages.size(), echoed.get());
    }

    @Slow
    @ParameterizedTest
    @MethodSource("dev.framekit.framing.support.TestFramers#every")
    void readsAFrameDribbledOneByteAtATime(Framer framer) throws Exception {
        serveEcho(framer);
        List<String> messages = TestFramers.isSendAndClose(framer)
                ? List.of("dribbled, byte by byte")
                : List.of("dribbled, byte by byte", "and another");

        try (FramedConnection connection = connect(framer)) {
            OutputStream raw = connection.socket().getOutputStream();
            for (byte b : encodeAll(framer, messages)) {
                raw.write(b);
                raw.flush();
                Thread.sleep(1);
            }
            connection.shutdownOutput();

            for (String message : messages) {
                assertEquals(message, connection.readString());
            }
            assertNull(connection.readString());
        }
    }

    @ParameterizedTest
    @MethodSource("framersForLargePayloads")
    void carriesA512KibPayload(Framer framer) throws Exception {
        serveEcho(framer);
        byte[] payload = carriablePayload(framer, 512 * 1024, new Random(512));

        try (FramedConnection connection = connect(framer)) {
            connection.send(payload);
            byte[] reply = connection.readByteArray();

            assertArrayEquals(payload, reply);
            connection.shutdownOutput();
            assertNull(connection.readByteArray());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.framekit.framing.support.TestFramers#every")
    void switchesFromLinesToAnotherFramerMidStream(Framer body) throws Exception {
        Framer lines = Framers.lines();
        serve(socket -> {
            try (FramedConnection connection = FramedConnection.of(socket, lines)) {
                List<String> header = readHeader(connection);
                connection.framer(body);
                String request = connection.readString();
                connection.framer(lines);
                connection.writer().write("200 OK").write("Got: " + header.get(1)).write("");
                connection.framer(body);
                connection.send(new StringBuilder(request).reverse().toString());
            }
        });

        try (FramedConnection connection = connect(lines)) {
            connection.writer().write("PUT /thing").write("Framing: " + body).write("");
            connection.framer(body);
            connection.send("the body, framed another way");

            connection.framer(lines);
            List<String> header = readHeader(connection);
            connection.framer(body);
            String reply = connection.readString();

            assertEquals(List.of("200 OK", "Got: Framing: " + body), header);
            assertEquals("yaw rehtona demarf ,ydob eht", reply);
        }
    }

    @Slow
    @ParameterizedTest
    @MethodSource("dev.framekit.framing.support.TestFramers#every")
    void keepsAPartFrameAcrossAReadTimeout(Framer framer) throws Exception {
        byte[] wire = encodeAll(framer, List.of("arrives in two halves"));
        int half = wire.length / 2;
        CountDownLatch timedOut = new CountDownLatch(1);
        serve(socket -> {
            OutputStream raw = socket.getOutputStream();
            raw.write(wire, 0, half);
            raw.flush();
            assertTrue(timedOut.await(15, TimeUnit.SECONDS), "the client never timed out");
            raw.write(wire, half, wire.length - half);
            raw.flush();
            socket.shutdownOutput();
            assertEquals(-1, socket.getInputStream().read(), "the client only reads");
        });

        try (FramedConnection connection =
                FramedConnection.connector("127.0.0.1", server.getLocalPort()).framer(framer)
                        .readTimeout(Duration.ofMillis(200)).connect()) {
            long start = System.nanoTime();
            assertThrows(SocketTimeoutException.class, connection::readString);
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150), "it did wait");
            timedOut.countDown();

            assertEquals("arrives in two halves", connection.readString());
            connection.shutdownOutput();
            assertNull(connection.readString());
        }
    }

    // ---- send-and-close -----------------------------------------------------------------------

    @Test
    void answersASendAndCloseRequestOnTheHalfClosedConnection() throws Exception {
        Framer framer = Framers.sendAndClose();
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        serve(socket -> {
            try (FramedConnection connection = FramedConnection.of(socket, framer)) {
                String request = connection.readString();
                seen.add(request);
                assertTrue(connection.reader().isEndOfStream(), "the request ended with the client's half-close");
                assertNull(connection.readString());
                connection.send("reply to: " + request);
                assertTrue(socket.isOutputShutdown(), "send half-closes");
            }
        });

        try (FramedConnection connection = connect(framer)) {
            connection.send("what time is it?");
            assertTrue(connection.socket().isOutputShutdown(), "send half-closed the output");
            assertTrue(!connection.socket().isInputShutdown(), "but the reply can still be read");

            assertEquals("reply to: what time is it?", connection.readString());
            assertNull(connection.readString());
        }
        assertEquals(List.of("what time is it?"), List.copyOf(seen));
    }

    @ParameterizedTest
    @MethodSource("dev.framekit.framing.support.TestFramers#every")
    void exchangesOneRequestAndOneReplyOnEveryFramer(Framer framer) throws Exception {
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        serve(socket -> {
            try (FramedConnection connection = FramedConnection.of(socket, framer)) {
                String request = connection.readString();
                seen.add(request);
                connection.sendLast("reply to: " + request);
                assertTrue(socket.isOutputShutdown(), "sendLast half-closes");
                assertNull(connection.readString(), "the client sent one request, then its end of stream");
            }
        });

        try (FramedConnection connection = connect(framer)) {
            String reply = connection.exchange("ping");

            assertTrue(connection.socket().isOutputShutdown(), "exchange half-closed the output");
            assertEquals("reply to: ping", reply);
            assertNull(connection.readString(), "the reply was the last thing the server sent");
        }
        assertEquals(List.of("ping"), List.copyOf(seen));
    }

    @Test
    void sendDoesNotHalfCloseAPersistentFraming() throws Exception {
        serveEcho(Framers.lengthPrefixed());

        try (FramedConnection connection = connect(Framers.lengthPrefixed())) {
            connection.send("one");
            connection.send("two");

            assertTrue(!connection.socket().isOutputShutdown(), "a persistent framing keeps the output open");
            assertEquals("one", connection.readString());
            assertEquals("two", connection.readString());
        }
    }

    @Test
    void refusesASecondSendAndCloseMessageOnTheSameConnection() throws Exception {
        serveEcho(Framers.sendAndClose());

        try (FramedConnection connection = connect(Framers.sendAndClose())) {
            connection.send("one");
            assertThrows(MessageRefusedException.class, () -> connection.send("two"));
            assertEquals("one", connection.readString());
        }
    }

    // ---- connecting ---------------------------------------------------------------------------

    @Test
    void explainsAConnectionToAClosedPort() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        ConnectException e = assertThrows(ConnectException.class,
                () -> FramedConnection.connect("127.0.0.1", port, Framers.lengthPrefixed()));

        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().contains("is the server running?"), e.getMessage());
    }

    @Slow
    @Test
    void timesOutAnIdleReadAndStillReadsLater() throws Exception {
        CountDownLatch timedOut = new CountDownLatch(1);
        Framer framer = Framers.lengthPrefixed();
        serve(socket -> {
            try (FramedConnection connection = FramedConnection.of(socket, framer)) {
                assertTrue(timedOut.await(15, TimeUnit.SECONDS), "the client never timed out");
                connection.send("worth the wait");
                assertNull(connection.readString());
            }
        });

        try (FramedConnection connection = connect(framer)) {
            connection.readTimeout(Duration.ofMillis(100));
            assertThrows(SocketTimeoutException.class, connection::readString);
            assertThrows(SocketTimeoutException.class, connection::readString);
            timedOut.countDown();
            connection.readTimeout(READ_TIMEOUT);

            assertEquals("worth the wait", connection.readString());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Handler {
        void handle(Socket socket) throws Exception;
    }

    /** Accepts connections until the test ends, each handled on its own thread. */
    private void serve(Handler handler) {
        threads.submit(() -> {
            while (!server.isClosed()) {
                Socket socket;
                try {
                    socket = server.accept();
                } catch (IOException closed) {
                    return;
                }
                threads.submit(() -> {
                    try (socket) {
                        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
                        handler.handle(socket);
                    } catch (Throwable e) {
                        serverFailures.add(e);
                    }
                });
            }
        });
    }

    /**
     * Serves an echo: every message read is written back, flushed once nothing more is buffered;
     * at the client's end of stream the server half-closes and hangs up. Counts the messages.
     */
    private AtomicInteger serveEcho(Framer framer) {
        AtomicInteger echoed = new AtomicInteger();
        serve(socket -> {
            try (FramedConnection connection = FramedConnection.of(socket, framer)) {
                byte[] message;
                while ((message = connection.readByteArray()) != null) {
                    connection.writer().write(message);
                    echoed.incrementAndGet();
                    if (connection.reader().buffered() == 0) {
                        connection.writer().flush();
                    }
                }
                connection.shutdownOutput();
            }
        });
        return echoed;
    }

    private FramedConnection connect(Framer framer) throws IOException {
        return FramedConnection.connector("127.0.0.1", server.getLocalPort()).framer(framer).readTimeout(READ_TIMEOUT)
                .connect();
    }

    private static List<String> readHeader(FramedConnection connection) throws IOException {
        List<String> header = new ArrayList<>();
        String line;
        while (!(line = connection.readString()).isEmpty()) {
            header.add(line);
        }
        return header;
    }

    private static byte[] encodeAll(Framer framer, List<String> messages) throws MessageRefusedException {
        ByteBuf wire = Unpooled.buffer();
        for (String message : messages) {
            framer.encode(message.getBytes(US_ASCII), wire);
        }
        return ByteBufUtil.getBytes(wire);
    }

    /**
     * Random bytes of the given size that the framer can carry: binary for length prefix and
     * send-and-close, without the delimiter's first byte for delimiters, not ending with the pad.
     */
    private static byte[] carriablePayload(Framer framer, int size, Random random) throws MessageRefusedException {
        byte[] payload = new byte[size];
        random.nextBytes(payload);
        if (framer instanceof DelimiterFramer delimited) {
            byte first = delimited.delimiter()[0];
            for (int i = 0; i < size; i++) {
                if (payload[i] == first) {
                    payload[i] = (byte) (first + 1);
                }
            }
        } else if (framer instanceof FixedLengthFramer fixed && payload[size - 1] == fixed.padByte()) {
            payload[size - 1] = (byte) (fixed.padByte() + 1);
        }
        MessageRefusedException refusal = framer.check(payload);
        if (refusal != null) {
            throw refusal;
        }
        return payload;
    }
}

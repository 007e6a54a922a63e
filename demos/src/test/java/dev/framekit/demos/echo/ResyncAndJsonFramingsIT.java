package dev.framekit.demos.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.interop.PythonPeer;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real echo-server on the framings that resync after damage (COBS, SLIP) and on JSON streams
 * (concatenated texts, RFC 7464 sequences): binary payloads round-trip; Python's {@code json}
 * module writes a stream and reads its echoes back; and hostile input, on a server in a 64 MiB
 * heap, closes only the offending connection, with one clear log line, while another carries on.
 */
@Timeout(120)
class ResyncAndJsonFramingsIT {
    private static final int MAX_FRAME = 1024;

    @RegisterExtension
    final Framekit framekit = new Framekit();

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] repeat(int value, int count) {
        byte[] out = new byte[count];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private FramekitProcess smallHeapServer(String framing, String... more) {
        List<String> args = new ArrayList<>(List.of("echo-server", "--host", "127.0.0.1", "--port", "0",
                "--framing", framing, "--max-frame", Integer.toString(MAX_FRAME)));
        args.addAll(List.of(more));
        return framekit.startWithJvmOptions(List.of("-Xmx64m"), args.toArray(String[]::new)).awaitReady();
    }

    private static FramedConnection connect(FramekitProcess server, Framer framer) throws IOException {
        return FramedConnection.connector("127.0.0.1", server.port()).framer(framer)
                .readTimeout(Duration.ofSeconds(10)).connect();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cobs", "slip"})
    void binaryPayloadsRoundTripThroughTheEchoServer(String framing) throws IOException {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", framing, "--max-frame", "200k");
        Framer framer = framing.equals("cobs") ? Framers.cobs(200 * 1024) : Framers.slip(200 * 1024);
        byte[] random = new byte[100 * 1024];
        new Random(23).nextBytes(random);
        List<byte[]> payloads = List.of(bytes(0), bytes(0xc0), bytes(0xdb, 0xdc), repeat('a', 254), repeat('b', 255),
                concat(repeat('c', 254), bytes(0)), repeat(0, 300), ascii("héllo ✓"), random);
        try (FramedConnection client = connect(server, framer)) {
            for (byte[] payload : payloads) {
                client.send(payload);
            }
            for (byte[] payload : payloads) {
                assertArrayEquals(payload, client.readByteArray(), server.transcript());
            }
        }
        server.awaitLine(Pattern.quote(payloads.size() + " messages in"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cobs", "slip", "json", "json-seq"})
    void theEchoClientSpeaksEachFramingToTheEchoServer(String framing) {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", framing);
        Framekit.Result result = framekit.run("echo-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--framing", framing, "{\"a\":\"}\"}", "[1,2]");

        assertEquals(0, result.exitCode(), result.transcript());
        assertEquals(List.of("{\"a\":\"}\"}", "[1,2]"), result.stdout(), result.transcript());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cobs", "slip", "json", "json-seq"})
    void loadVerifiesEveryEchoOnEachFraming(String framing) {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", framing);
        Framekit.Result result = framekit.run(Duration.ofSeconds(120), null, "load", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--framing", framing, "--connections", "20", "--messages", "20",
                "--size", "64");

        assertEquals(0, result.exitCode(), result.transcript());
        assertTrue(result.stdout().stream().anyMatch(line -> line.startsWith("messages: 400 sent, 400 echoed and verified")),
                result.transcript());
        assertEquals("load: OK, every echo verified", result.stdout().get(result.stdout().size() - 1), result.transcript());
    }

    @Test
    void benchDecodesEachNewFraming() {
        for (String framing : List.of("cobs", "slip", "json", "json-seq")) {
            Framekit.Result result = framekit.run(Duration.ofSeconds(90), null, "bench", "DecodeBenchmark.framekit$",
                    "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-p", "framing=" + framing, "-p", "size=64");

            assertEquals(0, result.exitCode(), result.transcript());
            assertTrue(result.stdout().stream().anyMatch(l -> l.matches("  DecodeBenchmark\\.framekit +framing="
                    + framing + " size=64 +.* ops/s.*")), result.transcript());
        }
    }

    @Peer
    @Needs(Capability.PYTHON3)
    @ParameterizedTest(name = "Python's json module on {0}")
    @ValueSource(strings = {"json", "json-seq"})
    void pythonsJsonModuleWritesAStreamAndReadsItsEchoesBack(String framing) throws Exception {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", framing);
        try (PythonPeer python = PythonPeer.start("json_peer.py", "client", framing, server.port())) {
            assertEquals(List.of("echoed 8", "same"), python.finish(), server.transcript());
        }
    }

    /** One hostile peer: the framing, what it sends, what the server's one closing line must say. */
    record Hostile(String name, String framing, Framer framer, byte[] good, byte[] bytes, String expectedLog) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostilePeers() {
        Framer cobs = Framers.cobs(MAX_FRAME);
        Framer slip = Framers.slip(MAX_FRAME);
        Framer json = Framers.json(MAX_FRAME, 128);
        Framer seq = Framers.jsonSeq(MAX_FRAME, 128);
        byte[] ok = ascii("{\"ok\":1}");
        return Stream.of(
                new Hostile("a COBS frame with a zero inside", "cobs", cobs, ascii("ok"), bytes(0x05, 'a', 'b', 0x00),
                        "cobs: a damaged frame of 3 bytes: the code byte 0x05 at offset 0 announces 4 bytes"),
                new Hostile("endless COBS bytes without a zero", "cobs", cobs, ascii("ok"), repeat(0x01, 4 << 20),
                        "cobs: no zero byte within the first 1030 bytes of a frame"),
                new Hostile("a SLIP frame with a bad escape", "slip", slip, ascii("ok"), bytes(0xc0, 'a', 0xdb, 'z', 0xc0),
                        "slip: a damaged frame of 3 bytes: the ESC (0xdb) at offset 1 is followed by 0x7a 'z'"),
                new Hostile("endless SLIP bytes without an END", "slip", slip, ascii("ok"), repeat('x', 4 << 20),
                        "slip: a frame decodes to more than the maximum of 1024 bytes"),
                new Hostile("an endlessly deep JSON text", "json", json, ok, repeat('[', 4 << 20),
                        "json: not a JSON text: nesting deeper than the maximum of 128 levels"),
                new Hostile("an unbalanced JSON text", "json", json, ok, ascii("{\"a\":[1}"),
                        "json: not a JSON text: a closing 0x7d '}' where ']' closes what is open"),
                new Hostile("an endless JSON string", "json", json, ok,
                        concat(ascii("{\"a\":\""), repeat('x', 4 << 20)),
                        "json: a text runs on past the maximum of 1024 bytes without closing"),
                new Hostile("a JSON-seq text cut short", "json-seq", seq, ok,
                        concat(bytes(0x1e), ascii("{\"a\":"), bytes(0x1e)),
                        "json-seq: a text cut short by a record separator after 5 bytes"),
                new Hostile("an endlessly deep JSON-seq text", "json-seq", seq, ok,
                        concat(bytes(0x1e), repeat('{', 4 << 20)),
                        "json-seq: not a JSON text: nesting deeper than the maximum of 128 levels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePeers")
    void aHostilePeerIsClosedWithOneClearLineAndAnotherConnectionCarriesOn(Hostile hostile) throws IOException {
        FramekitProcess server = smallHeapServer(hostile.framing());
        try (FramedConnection good = connect(server, hostile.framer())) {
            good.send(hostile.good());
            assertArrayEquals(hostile.good(), good.readByteArray(), server.transcript());
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                sendUntilClosed(socket, hostile.bytes());
                assertClosedByServer(socket);
                String closing = server.awaitLine(Pattern.compile("127\\.0\\.0\\.1:" + socket.getLocalPort()
                        + " \\d+ messages? in"), Duration.ofSeconds(10));
                assertTrue(closing.contains(hostile.expectedLog()), "log line: " + closing + "\nexpected: "
                        + hostile.expectedLog());
                List<String> aboutPeer = server.stdoutLines().stream()
                        .filter(line -> line.contains("127.0.0.1:" + socket.getLocalPort() + " ")).toList();
                assertEquals(2, aboutPeer.size(), "one line when connected, one when closed\n" + server.transcript());
            }
            for (String line : server.stdoutLines()) {
                assertFalse(line.contains("Exception") || line.startsWith("\tat "), server.transcript());
            }
            assertTrue(server.isAlive(), server.transcript());
            good.send(hostile.good());
            assertArrayEquals(hostile.good(), good.readByteArray(), server.transcript());
            try (FramedConnection fresh = connect(server, hostile.framer())) {
                fresh.send(hostile.good());
                assertArrayEquals(hostile.good(), fresh.readByteArray(), server.transcript());
            }
        }
    }

    @Test
    void crc32cWrapsAnyFramingAndABadChecksumClosesOnlyThatConnection() throws IOException {
        FramekitProcess server = smallHeapServer("cobs", "--crc32c");
        assertTrue(server.readyLine().endsWith("(framing: crc32c(cobs(max 1024 bytes)))"), server.readyLine());
        Framer framer = Framers.crc32c(Framers.cobs(MAX_FRAME));
        Framekit.Result client = framekit.run("echo-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--framing", "cobs", "--max-frame", Integer.toString(MAX_FRAME),
                "--crc32c", "hello");
        assertEquals(List.of("hello"), client.stdout(), client.transcript());
        try (FramedConnection good = connect(server, framer);
                Socket bad = new Socket("127.0.0.1", server.port())) {
            good.send("ok");
            assertEquals("ok", good.readString(), server.transcript());
            // "hi" with the checksum of "hj", in COBS: 07 68 69 + 4 checksum bytes + 00
            bad.getOutputStream().write(bytes(0x07, 'h', 'i', 0xe6, 0xcd, 0x2a, 0x36, 0x00));
            assertClosedByServer(bad);
            String closing = server.awaitLine(Pattern.compile("127\\.0\\.0\\.1:" + bad.getLocalPort()
                    + " \\d+ messages? in"), Duration.ofSeconds(10));
            assertTrue(closing.contains("crc32c: a frame of 2 bytes has the checksum e6cd2a36, but its bytes sum to"),
                    closing);
            good.send("still");
            assertEquals("still", good.readString(), server.transcript());
        }
    }

    @Test
    void underOnBadChecksumSkipABadFrameIsCountedAndTheConnectionReadsOn() throws IOException {
        FramekitProcess server = smallHeapServer("cobs", "--crc32c", "--on-bad-checksum", "skip");
        assertTrue(server.readyLine().endsWith("(framing: crc32c(cobs(max 1024 bytes), skips bad frames))"),
                server.readyLine());
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            ByteBuf ok = Unpooled.buffer();
            Framers.crc32c(Framers.cobs(MAX_FRAME)).encode(ascii("ok"), ok);
            byte[] good = ByteBufUtil.getBytes(ok);
            ok.release();
            // "hi" with the checksum of "hj", then a good "ok": the bad frame is passed over, "ok" echoed.
            socket.getOutputStream().write(concat(bytes(0x07, 'h', 'i', 0xe6, 0xcd, 0x2a, 0x36, 0x00), good));
            assertArrayEquals(good, socket.getInputStream().readNBytes(good.length), server.transcript());
            socket.shutdownOutput();
            assertEquals(-1, socket.getInputStream().read(), "a clean end after the echo");
            String closing = server.awaitLine(Pattern.compile("127\\.0\\.0\\.1:" + socket.getLocalPort()
                    + " \\d+ messages? in.*"), Duration.ofSeconds(10));
            assertTrue(closing.endsWith("1 message in (2 bytes), 1 out (2 bytes), 1 damaged frame skipped; ended cleanly"),
                    closing);
        }
    }

    /** Writes the bytes, stopping quietly when the server has closed the connection partway. */
    private static void sendUntilClosed(Socket socket, byte[] bytes) {
        try {
            for (int at = 0; at < bytes.length; at += 64 * 1024) {
                socket.getOutputStream().write(bytes, at, Math.min(64 * 1024, bytes.length - at));
            }
            socket.getOutputStream().flush();
        } catch (IOException closedByServer) {
            // The server closed it once it had seen enough: what the test expects.
        }
    }

    /** Reads until the server closes the socket: end of stream or a reset. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        try {
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // An echo server answers no bad frame; drain until the close.
            }
        } catch (SocketException reset) {
            // A reset is a close too.
        }
    }
}

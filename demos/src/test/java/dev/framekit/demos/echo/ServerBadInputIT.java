package dev.framekit.demos.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import dev.framekit.framing.Frame;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.websocket.WebSocketFramer;
import dev.framekit.framing.websocket.WebSocketOpcode;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real echo-server survives hostile and broken clients. For each bad input: a good client
 * connects first and stays connected; a raw socket sends the bad bytes; the server logs one
 * clear line for it (no stack trace) and closes it; and the good client, the server, and new
 * connections all carry on.
 */
@Timeout(60)
class ServerBadInputIT {
    private static final int MAX_FRAME = 64;

    @RegisterExtension
    final Framekit framekit = new Framekit();

    /** One bad client: what it sends, whether it then half-closes, and what the server's log must say. */
    record BadInput(String name, List<String> framing, Framer framer, byte[] bytes, boolean halfClose,
            String expectedLog) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Stream<BadInput> badInputs() {
        List<String> length = Framings.LENGTH.options();
        Framer lengthFramer = Framings.LENGTH.framer();
        return Stream.of(
                new BadInput("a 4 GiB length prefix", length, lengthFramer, hex("ff ff ff ff"), false,
                        "frame length 4294967295 exceeds the maximum of 64 bytes"),
                new BadInput("a truncated length-prefixed frame, then a close", length, lengthFramer,
                        concat(hex("00 00 00 10"), ascii("abc")), true,
                        "stream ended after 3 of 16 payload bytes"),
                new BadInput("a length-prefixed frame over --max-frame", length, lengthFramer,
                        concat(hex("00 00 00 41"), new byte[65]), false,
                        "frame length 65 exceeds the maximum of 64 bytes"),
                new BadInput("HTTP text to the length-prefixed port", length, lengthFramer,
                        ascii("GET / HTTP/1.1\r\n"), false,
                        "the header reads as text \"GET \": is a text client talking to a length-prefixed port?"),
                new BadInput("a line with no delimiter over --max-frame", Framings.NEWLINE.options(),
                        Framings.NEWLINE.framer(), ascii("x".repeat(100)), false,
                        "no delimiter \"\\n\" within the first 65 bytes"),
                new BadInput("a truncated #*# frame, then a close", Framings.HASH_STAR_HASH.options(),
                        Framings.HASH_STAR_HASH.framer(), ascii("abc#*"), true,
                        "stream ended after 5 bytes of a frame without its delimiter \"#*#\""),
                new BadInput("a truncated fixed frame, then a close",
                        Framings.FIXED.options(), Framings.FIXED.framer(), ascii("abc"), true,
                        "stream ended after 3 of 32 bytes of a frame"),
                new BadInput("a send-and-close message over --max-frame", Framings.CLOSE.options(),
                        Framings.CLOSE.framer(), new byte[100], false,
                        "more than 64 bytes arrived before the end of the stream"));
    }

    private FramekitProcess startServer(List<String> framing, String... more) {
        List<String> options = new java.util.ArrayList<>(framing);
        options.addAll(List.of("--max-frame", Integer.toString(MAX_FRAME)));
        options.addAll(List.of(more));
        return framekit.startServer("echo-server", options.toArray(String[]::new));
    }

    private static FramedConnection connect(FramekitProcess server, Framer framer) throws IOException {
        return FramedConnection.connector("127.0.0.1", server.port()).framer(framer).readTimeout(Duration.ofSeconds(10)).connect();
    }

    /** Reads until the server closes the socket: end of stream or a reset. Fails if it stays open. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        try {
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // An echo server never answers a bad frame; drain whatever arrives until the close.
            }
        } catch (SocketException reset) {
            // A reset is a close too: the server closed with our unread bytes in its buffer.
        }
    }

    /** The log lines about one peer: its "connected" line and its closing line, exactly. */
    private static void assertOneClearLogLine(FramekitProcess server, int peerPort, String expected) {
        String closing = server.awaitLine(Pattern.compile("127\\.0\\.0\\.1:" + peerPort + " \\d+ messages? in"),
                Duration.ofSeconds(10));
        assertTrue(closing.contains(expected), "log line: " + closing + "\nexpected: " + expected);
        List<String> aboutPeer = server.stdoutLines().stream()
                .filter(line -> line.contains("127.0.0.1:" + peerPort + " "))
                .toList();
        assertEquals(2, aboutPeer.size(), "one line when connected, one when closed\n" + server.transcript());
        assertTrue(aboutPeer.get(0).endsWith("127.0.0.1:" + peerPort + " connected"), server.transcript());
        assertNoStackTrace(server);
    }

    private static void assertNoStackTrace(FramekitProcess server) {
        for (String line : server.stdoutLines()) {
            assertFalse(line.contains("Exception") || line.startsWith("\tat "), server.transcript());
        }
        for (String line : server.stderrLines()) {
            assertFalse(line.contains("Exception") || line.startsWith("\tat "), server.transcript());
        }
    }

    /** The server still answers: the good connection (if it can carry more) and a brand-new one. */
    private static void assertServerCarriesOn(FramekitProcess server, FramedConnection good, Framer framer)
            throws IOException {
        assertTrue(server.isAlive(), server.transcript());
        good.send("after");
        assertEquals("after", good.readString(), server.transcript());
        try (FramedConnection fresh = connect(server, framer)) {
            fresh.send("fresh");
            assertEquals("fresh", fresh.readString(), server.transcript());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void theServerClosesABadConnectionWithOneClearLogLineAndOtherConnectionsCarryOn(BadInput bad) throws IOException {
        FramekitProcess server = startServer(bad.framing());
        try (FramedConnection good = connect(server, bad.framer())) {
            if (!Framings.connectionPerExchange(bad.framing())) {
                good.send("before");
                assertEquals("before", good.readString(), server.transcript());
            }
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(bad.bytes());
                socket.getOutputStream().flush();
                if (bad.halfClose()) {
                    socket.shutdownOutput();
                }
                assertClosedByServer(socket);
                assertOneClearLogLine(server, socket.getLocalPort(), bad.expectedLog());
            }
            assertServerCarriesOn(server, good, bad.framer());
        }
    }

    @Test
    void anIdleConnectionIsClosedAndLoggedWhileABusyOneCarriesOn() throws Exception {
        FramekitProcess server = startServer(List.of("--framing", "length"), "--idle-timeout", "1s");
        try (FramedConnection busy = connect(server, Framers.lengthPrefixed());
                Socket idle = new Socket("127.0.0.1", server.port())) {
            long start = System.nanoTime();
            // Keep the busy connection busier than the timeout while the idle one says nothing.
            while (Duration.ofNanos(System.nanoTime() - start).toMillis() < 1800) {
                busy.send("ping");
                assertEquals("ping", busy.readString(), server.transcript());
                Thread.sleep(200);
            }
            assertClosedByServer(idle);
            assertOneClearLogLine(server, idle.getLocalPort(), "idle for 1 s; closed it (--idle-timeout)");
            assertServerCarriesOn(server, busy, Framers.lengthPrefixed());
        }
    }

    @Test
    void withOnOversizeSkipTheFrameAfterAnOversizedOneIsEchoedOnTheSameConnection() throws IOException {
        FramekitProcess server = startServer(List.of("--framing", "length", "--on-oversize", "skip"));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            // A 100-byte frame over the 64-byte limit, then a small one, in one write.
            socket.getOutputStream().write(concat(concat(hex("00 00 00 64"), new byte[100]), concat(hex("00 00 00 04"),
                    ascii("next"))));
            socket.getOutputStream().flush();
            assertEquals("00000004" + HexFormat.of().formatHex(ascii("next")),
                    HexFormat.of().formatHex(socket.getInputStream().readNBytes(8)), server.transcript());
            socket.shutdownOutput();
            assertEquals(-1, socket.getInputStream().read(), "a clean end after the echo");
            assertOneClearLogLine(server, socket.getLocalPort(),
                    "1 message in (4 bytes), 1 out (4 bytes), 1 skipped over --max-frame; ended cleanly");
        }
    }

    @Test
    void theServerHexdumpMarksTheFramingPartsOfWhatItReceivesAndSends() throws IOException {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "delimiter", "--delimiter", "#*#",
                "--hexdump");
        try (FramedConnection client = connect(server, Framers.delimiter("#*#"))) {
            client.send("hi");
            assertEquals("hi", client.readString());
        }
        server.awaitLine(Pattern.quote("received 5 bytes on the wire: [0-1] payload 2 bytes | [2-4] delimiter 232a23"));
        server.awaitLine(Pattern.quote("|00000000| 68 69 23 2a 23                                  |hi#*#           |"));
        server.awaitLine(Pattern.quote("sent 5 bytes on the wire: [0-1] payload 2 bytes | [2-4] delimiter 232a23"));
    }

    @Test
    void theServerHexdumpShowsEachFramesOwnHeaderFieldsAndWritesThemBack() throws IOException {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "mqtt", "--hexdump");
        try (FramedConnection client = connect(server, Framers.mqtt())) {
            // A PUBLISH at QoS 1 (type+flags 0x32), not the framing's default 0x30.
            client.writer().write(Frame.of(Unpooled.wrappedBuffer(new byte[] {0x32}), Unpooled.wrappedBuffer(ascii("hi"))))
                    .flush();
            Frame echo = client.read();
            try {
                assertEquals("32", HexFormat.of().formatHex(ByteBufUtil.getBytes(echo.headerFields())));
            } finally {
                echo.release();
            }
        }
        String parts = " 4 bytes on the wire: [0-0] header fields 32 | [1-1] vbi length header 02 (= 2) | [2-3] payload 2 bytes";
        server.awaitLine(Pattern.quote("received" + parts));
        server.awaitLine(Pattern.quote("sent" + parts));
        server.awaitLine(Pattern.quote("|00000000| 32 02 68 69                                     |2.hi            |"));
    }

    @Test
    void theServerHexdumpShowsAWebSocketFramesOwnOpcode() throws IOException {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "websocket", "--hexdump");
        Framer textClient = WebSocketFramer.client().sendAs(WebSocketOpcode.TEXT);
        try (FramedConnection client = connect(server, textClient)) {
            client.send("hi");
            assertEquals("hi", client.readString());
        }
        server.awaitLine("received 8 bytes on the wire: \\[0-5\\] header 81 82( [0-9a-f]{2}){4} \\(FIN, TEXT, masked with key"
                + "( [0-9a-f]{2}){4}, length 2\\) \\| \\[6-7\\] payload 2 bytes, masked");
        server.awaitLine(Pattern.quote("sent 4 bytes on the wire: [0-1] header 82 02 (FIN, BINARY, unmasked, length 2)"
                + " | [2-3] payload 2 bytes"));
    }
}

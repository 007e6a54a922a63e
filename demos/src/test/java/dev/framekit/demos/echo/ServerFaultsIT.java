package dev.framekit.demos.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real echo-server under peers that fail in the middle of a frame: a reset (SO_LINGER 0),
 * a peer process killed with {@code kill -9}. For each: the server logs one clear line for that
 * connection, no stack trace, and a good client connected all along, and new ones, carry on.
 * (A clean half-close in the middle of a frame is in {@link ServerBadInputIT}.)
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServerFaultsIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();
    private Process python;

    @AfterEach
    void stopProcesses() {
        if (python != null) {
            python.destroyForcibly();
        }
    }

    /** A framing, a whole frame of "hello" on it, and the first part of a frame. */
    record Case(String name, List<String> options, Framer framer, byte[] whole, byte[] half, String truncatedLog) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> persistentFramings() {
        return Stream.of(
                new Case("fixed 32, pad #", Framings.FIXED.options(), Framings.FIXED.framer(), ascii("hello" + "#".repeat(27)), ascii("abc"),
                        "stream ended after 3 of 32 bytes of a frame"),
                new Case("lines", Framings.NEWLINE.options(), Framings.NEWLINE.framer(), ascii("hello\n"), ascii("abc"),
                        "stream ended after 3 bytes of a frame without its delimiter"),
                new Case("delimiter #*#", Framings.HASH_STAR_HASH.options(), Framings.HASH_STAR_HASH.framer(), ascii("hello#*#"), ascii("abc#*"),
                        "stream ended after 5 bytes of a frame without its delimiter"),
                new Case("length prefix", Framings.LENGTH.options(), Framings.LENGTH.framer(),
                        concat(hex("00000005"), ascii("hello")), concat(hex("00000010"), ascii("abc")),
                        "stream ended after 3 of 16 payload bytes"));
    }

    static Stream<Arguments> everyFraming() {
        return Stream.concat(persistentFramings(), Stream.of(new Case("send-and-close", Framings.CLOSE.options(), Framings.CLOSE.framer(), ascii("hello"), ascii("abc"), null))).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFraming")
    void aResetInTheMiddleOfAFrameIsLoggedInOneLineAndTheServerCarriesOn(Case framing) throws Exception {
        FramekitProcess server = framekit.startServer("echo-server", framing.options().toArray(String[]::new));
        try (FramedConnection good = connect(server, framing.framer())) {
            int peerPort;
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                peerPort = socket.getLocalPort();
                socket.getOutputStream().write(framing.half());
                socket.getOutputStream().flush();
                server.awaitLine(Pattern.compile("127\\.0\\.0\\.1:" + peerPort + " connected"), Duration.ofSeconds(10));
                Thread.sleep(200); // the server has read the half frame and waits for the rest
                socket.setSoLinger(true, 0); // close with a reset (RST), not a FIN
            }
            assertOneClearLogLine(server, peerPort, "closed: connection reset by the peer");
            assertServerCarriesOn(server, good, framing.framer());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("persistentFramings")
    void aPeerKilledInTheMiddleOfAFrameIsLoggedAsATruncatedFrame(Case framing) throws Exception {
        // Nothing unread on the killed peer's side: its kernel closes the socket with a FIN.
        FramekitProcess server = framekit.startServer("echo-server", framing.options().toArray(String[]::new));
        try (FramedConnection good = connect(server, framing.framer())) {
            int peerPort = startAndKillPython(server, new byte[0], framing.half());
            assertOneClearLogLine(server, peerPort, framing.truncatedLog());
            assertServerCarriesOn(server, good, framing.framer());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("persistentFramings")
    void aPeerKilledWithAnUnreadEchoInItsBufferIsLoggedAsAReset(Case framing) throws Exception {
        // The killed peer never read the echo of its first message: its kernel answers with a reset.
        FramekitProcess server = framekit.startServer("echo-server", framing.options().toArray(String[]::new));
        try (FramedConnection good = connect(server, framing.framer())) {
            int peerPort = startAndKillPython(server, framing.whole(), framing.half());
            assertOneClearLogLine(server, peerPort, "closed: connection reset by the peer");
            assertServerCarriesOn(server, good, framing.framer());
        }
    }

    /**
     * Starts a python3 peer that sends {@code first} (and does not read the reply), then
     * {@code half}, and sleeps; kills it with SIGKILL once the server has read everything.
     *
     * @return the peer's local port, as the server's log names it
     */
    private int startAndKillPython(FramekitProcess server, byte[] first, byte[] half) throws Exception {
        String script = String.join("\n",
                "import socket, sys, time",
                "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))",
                "first, half = bytes.fromhex(sys.argv[2]), bytes.fromhex(sys.argv[3])",
                "if first:",
                "    s.sendall(first)",
                "    time.sleep(0.3)",
                "s.sendall(half)",
                "print('sent', s.getsockname()[1], flush=True)",
                "time.sleep(60)");
        python = new ProcessBuilder("python3", "-c", script, Integer.toString(server.port()),
                HexFormat.of().formatHex(first), HexFormat.of().formatHex(half)).redirectErrorStream(true).start();
        String line = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(line != null && line.startsWith("sent "), "python3 peer said: " + line);
        int peerPort = Integer.parseInt(line.substring(5).strip());
        Thread.sleep(300); // the server has read the half frame and waits for the rest
        python.destroyForcibly(); // kill -9
        assertTrue(python.waitFor(10, TimeUnit.SECONDS));
        return peerPort;
    }

    private static FramedConnection connect(FramekitProcess server, Framer framer) throws IOException {
        return FramedConnection.connector("127.0.0.1", server.port()).framer(framer).readTimeout(Duration.ofSeconds(10)).connect();
    }

    /** The closing log line about one peer contains {@code expected}; one line connected, one closed; no stack trace. */
    private static void assertOneClearLogLine(FramekitProcess server, int peerPort, String expected) {
        String closing = server.awaitLine(Pattern.compile("127\\.0\\.0\\.1:" + peerPort + " \\d+ messages? in"),
                Duration.ofSeconds(10));
        assertTrue(closing.contains(expected), "log line: " + closing + "\nexpected: " + expected);
        long aboutPeer = server.stdoutLines().stream().filter(line -> line.contains("127.0.0.1:" + peerPort + " ")).count();
        assertEquals(2, aboutPeer, "one line when connected, one when closed\n" + server.transcript());
        String output = String.join("\n", server.stdoutLines()) + String.join("\n", server.stderrLines());
        assertFalse(output.contains("Exception") || output.contains("\tat "), server.transcript());
    }

    /** The server still answers: the good connection (a persistent framing's) and a brand-new one. */
    private static void assertServerCarriesOn(FramekitProcess server, FramedConnection good, Framer framer)
            throws IOException {
        assertTrue(server.isAlive(), server.transcript());
        good.send("after"); // every case here is a persistent framing: the good connection carries more
        assertEquals("after", good.readString(), server.transcript());
        try (FramedConnection fresh = connect(server, framer)) {
            fresh.send("fresh");
            assertEquals("fresh", fresh.readString(), server.transcript());
        }
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

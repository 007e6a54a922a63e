package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;


import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import dev.framekit.framing.support.TestFramers;
import io.netty.buffer.Unpooled;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.framekit.framing.testing.ChunkedInputStream;

/**
 * Byte-for-byte compatibility with the classic Python framing snippets:
 *
 * <pre>
 * length prefix   sock.sendall(struct.pack("!I", len(data)) + data)
 * fixed-length    sock.sendall(msg + b"#" * (30 - len(msg)))     read back with .rstrip(b"#")
 * delimiter       sock.sendall(msg + b"#*#")                     read with buf.split(b"#*#", 1)
 * send-and-close  sock.sendall(data); sock.shutdown(socket.SHUT_WR)
 * </pre>
 *
 * <p>The expected bytes below were produced by those snippets in python3 and pasted in as
 * literals. The live tests then run the snippets themselves, in a python3 subprocess talking to
 * Java over 127.0.0.1, in both directions.
 */
class PythonWireCompatTest {
    private static final Framer LENGTH = Framers.lengthPrefixed();
    private static final Framer FIXED = Framers.fixedLength(30).pad('#');
    private static final Framer DELIMITER = Framers.delimiter("#*#");
    private static final Framer CLOSE = Framers.sendAndClose();

    // ---- encoded bytes equal Python's ---------------------------------------------------------

    @Test
    void encodesLengthPrefixLikeStructPack() {
        // struct.pack("!I", len(data)) + data
        assertEncodes(LENGTH, "hello".getBytes(US_ASCII), hex("00 00 00 05 68 65 6c 6c 6f"));
        assertEncodes(LENGTH, new byte[0], hex("00 00 00 00"));
        assertEncodes(LENGTH, hex("00 01 fe ff"), hex("00 00 00 04 00 01 fe ff"));
        assertEncodes(LENGTH, "héllo".getBytes(UTF_8), hex("00 00 00 06 68 c3 a9 6c 6c 6f"));
    }

    @Test
    void writesLengthHeadersBigEndianLikeStructPack() {
        // struct.pack("!I", 300), struct.pack("!I", 70000)
        assertArrayEquals(hex("00 00 01 2c"), header(LENGTH, 300));
        assertArrayEquals(hex("00 01 11 70"), header(LENGTH, 70_000));
        // A length with the top bit set must be unsigned: struct.pack("!I", 0x80000000)[0] == 0x80.
        Framer large = Framers.lengthPrefixed().withMaxFrameLength(FrameLimits.LARGEST_MAX_FRAME_LENGTH);
        FrameTooLongException e = assertThrows(FrameTooLongException.class,
                () -> large.newDecoder().decode(Unpooled.wrappedBuffer(hex("80 00 00 00")), false));
        assertEquals(0x80000000L, e.frameLength(), "read as unsigned, not as a negative int");
    }

    @Test
    void padsFixedFramesLikePython() {
        // msg + b"#" * (30 - len(msg))
        assertEncodes(FIXED, "hello".getBytes(US_ASCII), "hello#########################".getBytes(US_ASCII));
        assertEncodes(FIXED, "a#b".getBytes(US_ASCII), "a#b###########################".getBytes(US_ASCII));
        assertEncodes(FIXED, new byte[0], "##############################".getBytes(US_ASCII));
    }

    @Test
    void appendsTheDelimiterLikePython() {
        // msg + b"#*#"
        assertEncodes(DELIMITER, "hi".getBytes(US_ASCII), "hi#*#".getBytes(US_ASCII));
        assertEncodes(DELIMITER, new byte[0], "#*#".getBytes(US_ASCII));
    }

    @Test
    void sendsTheBarePayloadForSendAndClose() {
        // sendall(data): the payload, nothing around it; the half-close is FramedConnection's job.
        assertEncodes(CLOSE, hex("00 68 69 ff"), hex("00 68 69 ff"));
    }

    // ---- Python's bytes decode as Python reads them -------------------------------------------

    @Test
    void decodesWhatStructPackProduced() throws IOException {
        byte[] wire = hex("00 00 00 05 68 65 6c 6c 6f 00 00 00 00 00 00 00 04 00 01 fe ff");

        assertDecodes(LENGTH, wire, hex("68 65 6c 6c 6f"), hex(""), hex("00 01 fe ff"));
    }

    @Test
    void stripsPaddingLikeRstrip() throws IOException {
        // b"a#b###...".rstrip(b"#") == b"a#b"; b"#" * 30 strips to b""
        byte[] wire = ("hello#########################" + "a#b###########################"
                + "##############################").getBytes(US_ASCII);

        assertDecodes(FIXED, wire, ascii("hello"), ascii("a#b"), ascii(""));
    }

    @Test
    void splitsOnTheFirstDelimiterLikeSplitOnce() throws IOException {
        // b"one#*#two#*#".split(b"#*#", 1) == [b"one", b"two#*#"], and so on
        byte[] wire = "one#*#two#*#a#*b#*#*##*#".getBytes(US_ASCII);

        assertDecodes(DELIMITER, wire, ascii("one"), ascii("two"), ascii("a#*b"), ascii("*#"));
    }

    // ---- live interop with python3 ------------------------------------------------------------

    static Stream<Arguments> classicFramings() {
        return Stream.of(
                Arguments.of(Named.of("length", LENGTH), List.of("68656c6c6f", "", "0001feff", "big:100000")),
                Arguments.of(Named.of("fixed", FIXED), List.of("68656c6c6f", "612362", "", "636166c3a9")),
                Arguments.of(Named.of("delimiter", DELIMITER), List.of("68656c6c6f", "612a62", "", "612a2362", "2a23")),
                Arguments.of(Named.of("close", CLOSE), List.of("big:70000")));
    }

    @Peer
    @Needs(Capability.PYTHON3)
    @ParameterizedTest
    @MethodSource("classicFramings")
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void pythonClientTalksToAJavaServer(Framer framer, List<String> messages, @TempDir Path dir) throws Exception {
        List<byte[]> received = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(20_000);
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept(); FramedConnection connection = FramedConnection.of(socket, framer)) {
                    connection.readTimeout(Duration.ofSeconds(20));
                    byte[] message;
                    while ((message = connection.readByteArray()) != null) {
                        received.add(message);
                        connection.send(reply("java: ", message));
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });

            List<String> output = runPython(dir, "client", framer, server.getLocalPort(), messages, null);
            awaitOrFail(serving);

            List<String> expectedReplies = messages.stream().map(m -> HexFormat.of().formatHex(reply("java: ", bytes(m))))
                    .toList();
            assertEquals(expectedReplies, output, "what python read back with its classic snippet");
            assertEquals(messages.stream().map(PythonWireCompatTest::bytes).map(HexFormat.of()::formatHex).toList(),
                    received.stream().map(HexFormat.of()::formatHex).toList(), "what Java read from python");
        }
    }

    @Peer
    @Needs(Capability.PYTHON3)
    @ParameterizedTest
    @MethodSource("classicFramings")
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void javaClientTalksToAPythonServer(Framer framer, List<String> messages, @TempDir Path dir) throws Exception {
        List<byte[]> replies = new ArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<List<String>> python = CompletableFuture.supplyAsync(() -> {
            try {
                return runPython(dir, "server", framer, 0, messages, port);
            } catch (Exception | AssertionError e) {
                port.completeExceptionally(e);
                throw new RuntimeException(e);
            }
        });

        try (FramedConnection connection = FramedConnection.connector("127.0.0.1", port.get(20, TimeUnit.SECONDS))
                .framer(framer).readTimeout(Duration.ofSeconds(20)).connect()) {
            for (String message : messages) {
                connection.writer().write(bytes(message));
            }
            if (TestFramers.isSendAndClose(framer)) {
                connection.shutdownOutput();
            } else {
                connection.writer().flush();
            }
            for (int i = 0; i < messages.size(); i++) {
                replies.add(connection.readByteArray());
            }
            if (!TestFramers.isSendAndClose(framer)) {
                connection.shutdownOutput(); // python reads to our end before it hangs up
            }
            assertNull(connection.readByteArray(), "python closes after its replies");
        }

        List<String> output = python.get(20, TimeUnit.SECONDS);
        List<String> sent = messages.stream().map(PythonWireCompatTest::bytes).map(HexFormat.of()::formatHex).toList();
        assertEquals(sent, output, "what python read from Java with its classic snippet");
        assertEquals(messages.stream().map(m -> HexFormat.of().formatHex(reply("py: ", bytes(m)))).toList(),
                replies.stream().map(HexFormat.of()::formatHex).toList(), "what Java read from python");
    }

    /**
     * The classic snippets, verbatim where it matters. {@code client} sends every message, then
     * reads one reply per message and prints it in hex. {@code server} prints its port, reads
     * one message per expected message, prints each in hex, and answers {@code b"py: " + msg}.
     */
    private static final String PYTHON = """
            import socket, struct, sys

            mode, framing, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
            def message(arg):
                if arg.startswith("big:"):
                    return bytes(i % 251 for i in range(int(arg[4:])))
                return bytes.fromhex(arg)
            msgs = [message(arg) for arg in sys.argv[4:]]
            DELIM = b"#*#"

            def recv_exact(s, n):
                data = b""
                while len(data) < n:
                    chunk = s.recv(n - len(data))
                    if not chunk:
                        raise EOFError("connection closed after %d of %d bytes" % (len(data), n))
                    data += chunk
                return data

            def recv_to_end(s):
                data = b""
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        return data
                    data += chunk

            class Delimited:
                def __init__(self, s):
                    self.s, self.buf = s, b""
                def next(self):
                    while DELIM not in self.buf:
                        chunk = self.s.recv(4096)
                        if not chunk:
                            raise EOFError("no delimiter before the end: %r" % self.buf)
                        self.buf += chunk
                    msg, self.buf = self.buf.split(DELIM, 1)
                    return msg

            def send(s, msg):
                if framing == "length":
                    s.sendall(struct.pack("!I", len(msg)) + msg)
                elif framing == "fixed":
                    s.sendall(msg + b"#" * (30 - len(msg)))
                elif framing == "delimiter":
                    s.sendall(msg + DELIM)
                elif framing == "close":
                    s.sendall(msg)
                    s.shutdown(socket.SHUT_WR)

            def receiver(s):
                delimited = Delimited(s)
                def receive():
                    if framing == "length":
                        (n,) = struct.unpack("!I", recv_exact(s, 4))
                        return recv_exact(s, n)
                    if framing == "fixed":
                        return recv_exact(s, 30).rstrip(b"#")
                    if framing == "delimiter":
                        return delimited.next()
                    return recv_to_end(s)
                return receive

            if mode == "client":
                s = socket.create_connection(("127.0.0.1", port), timeout=20)
                for msg in msgs:
                    send(s, msg)
                receive = receiver(s)
                for _ in msgs:
                    print(receive().hex(), flush=True)
                s.close()
            else:
                listener = socket.socket()
                listener.bind(("127.0.0.1", 0))
                listener.listen(1)
                listener.settimeout(20)
                print(listener.getsockname()[1], flush=True)
                s, _ = listener.accept()
                s.settimeout(20)
                receive = receiver(s)
                got = [receive() for _ in msgs]
                for msg in got:
                    print(msg.hex(), flush=True)
                    send(s, b"py: " + msg)
                if framing != "close":
                    recv_to_end(s)  # wait for the Java side to hang up
                s.close()
            """;

    /**
     * Runs the script and returns its output lines; in server mode the first line, the port, goes
     * to {@code port} instead.
     */
    private static List<String> runPython(Path dir, String mode, Framer framer, int port, List<String> messages,
            CompletableFuture<Integer> portOut) throws Exception {
        Path script = dir.resolve("classic_" + mode + ".py");
        Files.writeString(script, PYTHON);
        List<String> command = new ArrayList<>(List.of(Capability.PYTHON, script.toString(), mode, nameOf(framer),
                Integer.toString(port)));
        command.addAll(messages);
        Path stderr = dir.resolve(mode + ".stderr");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try {
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (portOut != null && !portOut.isDone()) {
                        portOut.complete(Integer.parseInt(line.trim()));
                    } else {
                        lines.add(line);
                    }
                }
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                fail("python3 did not finish; stderr: " + Files.readString(stderr));
            }
            assertEquals(0, process.exitValue(), "python3 failed: " + Files.readString(stderr));
            return lines;
        } finally {
            process.destroyForcibly();
        }
    }


    private static String nameOf(Framer framer) {
        if (framer == LENGTH) {
            return "length";
        } else if (framer == FIXED) {
            return "fixed";
        } else if (framer == DELIMITER) {
            return "delimiter";
        }
        return "close";
    }

    private static void awaitOrFail(CompletableFuture<Void> serving) throws Exception {
        try {
            serving.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the Java server failed", e.getCause());
        } catch (TimeoutException e) {
            fail("the Java server did not finish");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A test message: hex, or {@code big:N} for N bytes counting 0..250 over and over. */
    private static byte[] bytes(String message) {
        if (message.startsWith("big:")) {
            byte[] big = new byte[Integer.parseInt(message.substring(4))];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i % 251);
            }
            return big;
        }
        return HexFormat.of().parseHex(message);
    }

    private static byte[] reply(String prefix, byte[] message) {
        return FrameReaderTest.concat(prefix.getBytes(US_ASCII), message);
    }

    private static void assertEncodes(Framer framer, byte[] message, byte[] python) {
        assertArrayEquals(python, FrameReaderTest.encode(framer, message),
                () -> framer + " encodes " + HexFormat.ofDelimiter(" ").formatHex(message));
    }

    private static byte[] header(Framer framer, int payloadLength) {
        byte[] wire = FrameReaderTest.encode(framer, new byte[payloadLength]);
        assertEquals(4 + payloadLength, wire.length);
        return Arrays.copyOf(wire, 4);
    }

    /** Reads {@code wire} whole and in chunks of 1, 2 and 3 bytes; every way gives {@code expected}. */
    private static void assertDecodes(Framer framer, byte[] wire, byte[]... expected) throws IOException {
        for (int chunk : new int[] {wire.length, 1, 2, 3}) {
            InputStream in = new ChunkedInputStream(wire, chunk);
            FrameReader reader = new FrameReader(in, framer);
            List<byte[]> frames = new ArrayList<>();
            byte[] frame;
            while ((frame = reader.readByteArray()) != null) {
                frames.add(frame);
            }
            assertEquals(hexList(List.of(expected)), hexList(frames), "read in chunks of " + chunk);
        }
    }

    private static List<String> hexList(List<byte[]> frames) {
        return frames.stream().map(HexFormat.of()::formatHex).toList();
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(US_ASCII);
    }
}

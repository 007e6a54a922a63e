package dev.framekit.demos.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code framekit load} against a real echo-server in another JVM, on every framing: every echo
 * verified, no errors. And against small fake servers in this JVM that corrupt or repeat
 * echoes: the load says so and exits 1.
 */
@Timeout(180)
class LoadIT {
    /** Connections for the many-connections run; the documented full run uses 10000. */
    private static final int MANY = Integer.getInteger("framekit.load.connections", 2000);

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final List<AutoCloseable> fakes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable fake : fakes) {
            fake.close();
        }
    }

    private Framekit.Result load(int port, List<String> framing, String... more) {
        List<String> args = new ArrayList<>(List.of("load", "--host", "127.0.0.1", "--port", Integer.toString(port)));
        args.addAll(framing);
        args.addAll(List.of(more));
        return framekit.run(Duration.ofSeconds(150), null, args.toArray(String[]::new));
    }

    private static String line(Framekit.Result result, String prefix) {
        return result.stdout().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + prefix + "'\n" + result.transcript()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Framings.class)
    void everyEchoIsVerifiedWithNoErrorsOnEveryFraming(Framings framing) {
        FramekitProcess server = framekit.startServer("echo-server", framing.options().toArray(String[]::new));
        Framekit.Result result = load(server.port(), framing.options(), "--connections", "50", "--messages", "20",
                "--size", "32");
        assertEquals(0, result.exitCode(), result.transcript());
        assertEquals("messages: 1000 sent, 1000 echoed and verified", line(result, "messages:").replaceAll(" in .*", ""),
                result.transcript());
        assertEquals("errors: none", line(result, "errors:"), result.transcript());
        assertEquals("load: OK, every echo verified", result.stdout().get(result.stdout().size() - 1));
        assertTrue(line(result, "latency:").matches("latency: p50 [\\d.]+ ms, p99 [\\d.]+ ms, p999 [\\d.]+ ms, max [\\d.]+ ms"),
                result.transcript());
    }

    @Test
    void aRunOfAFewSecondsPrintsNoProgressWhenStderrIsNotATerminal() {
        // Standard error is a pipe here; on a terminal the same run draws a progress bar after 2 s.
        FramekitProcess server = framekit.startServer("echo-server");
        Framekit.Result result = load(server.port(), List.of(), "--connections", "4", "--duration", "3s",
                "--rate", "400");
        assertEquals(0, result.exitCode(), result.transcript());
        assertEquals(List.of(), result.stderr(), result.transcript());
        assertEquals("load: OK, every echo verified", result.stdout().get(result.stdout().size() - 1));
    }

    @Test
    void manyConnectionsAreHeldAtOnceAgainstOneEchoServerInAnotherJvm() {
        FramekitProcess server = framekit.startServer("echo-server");
        Framekit.Result result = load(server.port(), List.of(), "--connections", Integer.toString(MANY),
                "--messages", "10", "--ramp", "2000", "--timeout", "60s");
        System.out.println(String.join("\n", result.stdout()));
        assertEquals(0, result.exitCode(), result.transcript());
        assertEquals("connections held: " + MANY + " at once (" + MANY + " opened, 0 failed",
                line(result, "connections held:").replaceAll("; ramp-up.*", ""), result.transcript());
        assertEquals("errors: none", line(result, "errors:"), result.transcript());
        assertTrue(line(result, "messages:").startsWith("messages: " + MANY * 10 + " sent, " + MANY * 10 + " echoed and verified"),
                result.transcript());
    }

    @Test
    void anEchoWithOneByteFlippedIsReportedAsCorruptAndTheLoadFails() throws IOException {
        int port = fakeServer((number, message) -> {
            if (number % 7 == 3) {
                message[message.length / 2] ^= 0x01;
            }
            return message;
        });
        Framekit.Result result = load(port, List.of("--framing", "length"), "--connections", "4", "--messages", "10");
        assertEquals(1, result.exitCode(), result.transcript());
        Matcher errors = Pattern.compile("errors: (\\d+) \\(corrupt (\\d+)\\)").matcher(line(result, "errors:"));
        assertTrue(errors.matches(), result.transcript());
        assertEquals(errors.group(1), errors.group(2));
        assertTrue(Integer.parseInt(errors.group(2)) >= 4, result.transcript());
        assertTrue(line(result, "  first corrupt:").contains("first difference at byte 32"), result.transcript());
        assertTrue(line(result, "load: FAILED").startsWith("load: FAILED: " + errors.group(2) + " echoes did not verify"),
                result.transcript());
    }

    @Test
    void anIntactEchoOfAnEarlierMessageIsReportedAsOutOfOrder() throws IOException {
        List<byte[]> first = new ArrayList<>();
        int port = fakeServer((number, message) -> {
            if (number == 0) {
                first.add(message);
            }
            return first.get(0);
        });
        Framekit.Result result = load(port, List.of("--framing", "length"), "--connections", "1", "--messages", "5");
        assertEquals(1, result.exitCode(), result.transcript());
        assertEquals("errors: 4 (out of order 4)", line(result, "errors:"), result.transcript());
        assertTrue(line(result, "  first out of order:").contains("expected message 1 of connection 0, got an intact 'c000000 s0000000000'"),
                result.transcript());
    }

    @Test
    void aPublicAddressIsRefusedBeforeAnyConnection() {
        Framekit.Result result = framekit.run("load", "--host", "8.8.8.8", "--connections", "1");
        assertEquals(2, result.exitCode(), result.transcript());
        assertTrue(result.stderrText().contains("is not this machine or a private address"), result.transcript());
    }

    @Test
    void aServerThatIsNotThereIsCountedAsRefusedConnections() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Framekit.Result result = load(port, List.of(), "--connections", "3", "--messages", "1");
        assertEquals(1, result.exitCode(), result.transcript());
        assertEquals("errors: 3 (refused 3)", line(result, "errors:"), result.transcript());
        assertTrue(line(result, "connections held:").contains("(0 opened, 3 failed"), result.transcript());
    }

    @Test
    void againstAnEchoServerOnAnotherFramingItSaysSoInOneLineAndSendsNothingMore() {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "delimiter");
        Framekit.Result result = load(server.port(), List.of("--framing", "length"), "--connections", "1000", "--messages", "20");

        assertEquals(1, result.exitCode(), result.transcript());
        assertEquals(List.of(), result.stdout(), "no report of a thousand failures: " + result.transcript());
        assertEquals(List.of("load: 127.0.0.1:" + server.port() + " is not an echo server on --framing length: no reply to the"
                + " first message in 3 s (an echo-server on another framing waits for the rest of its frame; give the"
                + " server's --framing and its settings)"), result.stderr(), result.transcript());
    }

    @Test
    void againstAnEchoServerThatClosesAtTheFirstMessageItSaysSoInOneLine() {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "length");
        Framekit.Result result = load(server.port(), List.of("--framing", "netstring"), "--connections", "10", "--messages", "5");

        assertEquals(1, result.exitCode(), result.transcript());
        assertEquals(1, result.stderr().size(), result.transcript());
        assertTrue(result.stderrText().matches("(?s)load: 127\\.0\\.0\\.1:" + server.port() + " is not an echo server on --framing"
                + " netstring: it (closed|reset) the connection at the first message without a reply.*"), result.transcript());
    }

    @Test
    void againstAChatServerItSaysWhatTheServerAnsweredInOneLine() {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter");
        Framekit.Result result = load(server.port(), List.of("--framing", "delimiter"), "--connections", "1000", "--messages", "20");

        assertEquals(1, result.exitCode(), result.transcript());
        assertEquals(List.of(), result.stdout(), result.transcript());
        assertEquals(1, result.stderr().size(), result.transcript());
        assertTrue(result.stderrText().matches("load: 127\\.0\\.0\\.1:\\d+ is not an echo server on --framing delimiter: it"
                + " answered the first message with \"-- welcome, guest\\d+; .*\" \\(a chat-server\\?\\)"), result.transcript());
    }

    /**
     * A length-prefixed echo server in this JVM whose answer to message number N (counted per
     * connection, from 0) is {@code reply.apply(N, message)}.
     */
    private int fakeServer(BiFunction<Integer, byte[], byte[]> reply) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        fakes.add(listener);
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    Thread.ofVirtual().start(() -> {
                        try (FramedConnection connection = FramedConnection.of(socket, Framers.lengthPrefixed())) {
                            byte[] message;
                            int number = 0;
                            while ((message = connection.readByteArray()) != null) {
                                connection.send(reply.apply(number++, message));
                            }
                        } catch (IOException ended) {
                            // The load closed its connection.
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return listener.getLocalPort();
    }
}

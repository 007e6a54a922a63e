package dev.framekit.demos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the real framekit.jar fails: one clear line and a non-zero status, never a stack trace,
 * for refused connections, refused messages, silent servers and usage mistakes; and --help and
 * --version on every command.
 */
@Timeout(60)
class ClientErrorsIT {
    private static final List<String> COMMANDS = List.of("echo-server", "echo-client", "reverse-server", "reverse-client",
            "chat-server", "chat-client");

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final List<AutoCloseable> fakeServers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopProcesses() throws Exception {
        for (AutoCloseable fake : fakeServers) {
            fake.close();
        }
    }

    /** Asserts a failure printed exactly one line on stderr, containing {@code expected}, and no stack trace. */
    private static void assertOneLineFailure(Framekit.Result result, String expected) {
        assertNotEquals(0, result.exitCode(), result.transcript());
        assertEquals(1, result.stderr().size(), "expected exactly one line on stderr\n" + result.transcript());
        assertTrue(result.stderr().get(0).contains(expected), result.transcript());
        assertNoStackTrace(result);
    }

    private static void assertNoStackTrace(Framekit.Result result) {
        String all = result.stdoutText() + "\n" + result.stderrText();
        assertFalse(all.contains("Exception"), result.transcript());
        assertFalse(all.contains("\tat "), result.transcript());
    }

    /** A port on 127.0.0.1 that nothing listens on (free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** A TCP server that accepts connections and then does {@code onAccept} with each, on its own thread. */
    private int fakeServer(SocketAction onAccept) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        fakeServers.add(() -> {
            listener.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        });
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    accepted.add(socket);
                    onAccept.run(socket);
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return listener.getLocalPort();
    }

    @FunctionalInterface
    private interface SocketAction {
        void run(Socket socket) throws IOException;
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo-client", "reverse-client"})
    void aRefusedConnectionIsOneLineAskingWhetherTheServerIsRunning(String client) throws IOException {
        int port = closedPort();
        Framekit.Result result = framekit.run(client, "--host", "127.0.0.1", "--port", Integer.toString(port), "hello");
        assertOneLineFailure(result, "is the server running?");
        assertEquals(client + ": cannot connect to 127.0.0.1:" + port + ": connection refused (is the server running?)",
                result.stderr().get(0));
        assertEquals(1, result.exitCode(), result.transcript());
        assertEquals(List.of(), result.stdout(), result.transcript());
    }

    @ParameterizedTest
    @ValueSource(strings = {"delimiter", "close"})
    void timeoutZeroMeansNoReplyLimitForTheChatClientToo(String framing) throws IOException {
        int port = closedPort();
        Framekit.Result result = framekit.runWithInput("hello\n", "chat-client", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--framing", framing, "--timeout", "0", "--reconnect-for", "0");
        assertOneLineFailure(result, "is the server running?");
        assertEquals(1, result.exitCode(), result.transcript());
    }

    @Test
    void aMessageTooLongForAFixedFrameIsRefusedInOneLineAfterTheEarlierRepliesArePrinted() {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "fixed", "--frame-size", "8", "--pad", "#");
        Framekit.Result result = framekit.run("echo-client", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--framing", "fixed", "--frame-size", "8", "--pad", "#", "short", "this is twenty-one b.");
        assertOneLineFailure(result, "message is 21 bytes; fixed frames hold 8");
        assertTrue(result.stderr().get(0).startsWith("echo-client: message 2 refused: "), result.transcript());
        assertEquals(List.of("short"), result.stdout(), result.transcript());
        assertTrue(server.isAlive(), server.transcript());
    }

    @Test
    void aMessageEndingWithThePadByteIsRefusedRatherThanAltered() {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "fixed", "--frame-size", "8", "--pad", "#");
        Framekit.Result result = framekit.run("echo-client", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--framing", "fixed", "--frame-size", "8", "--pad", "#", "tag#");
        assertOneLineFailure(result, "message ends with the pad byte 0x23 '#'");
    }

    @Test
    void aMessageContainingTheDelimiterIsRefusedRatherThanSplit() {
        FramekitProcess server = framekit.startServer("reverse-server", "--framing", "delimiter", "--delimiter", "#*#");
        Framekit.Result result = framekit.run("reverse-client", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--framing", "delimiter", "--delimiter", "#*#", "a#*#b");
        assertOneLineFailure(result, "message contains the delimiter \"#*#\" at offset 1");
    }

    @Test
    void aServerThatNeverRepliesTimesOutInOneLineWithinTheTimeout() throws IOException {
        int port = fakeServer(socket -> { /* accept, read nothing, say nothing */ });
        long start = System.nanoTime();
        Framekit.Result result = framekit.run("echo-client", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--timeout", "1s", "hello");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertOneLineFailure(result, "timed out");
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "took " + took);
    }

    @Test
    void aServerThatClosesWithoutReplyingIsOneLine() throws IOException {
        int port = fakeServer(socket -> {
            InputStream in = socket.getInputStream();
            in.read(new byte[64]);
            socket.close();
        });
        Framekit.Result result = framekit.run("echo-client", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--timeout", "5s", "hello");
        assertNotEquals(0, result.exitCode(), result.transcript());
        assertEquals(1, result.stderr().size(), result.transcript());
        assertTrue(result.stderr().get(0).matches("echo-client: .*(closed|reset).*"), result.transcript());
        assertNoStackTrace(result);
    }

    @Test
    void aServerSpeakingAnotherFramingIsOneLineNamingTheProblem() throws IOException {
        // The client expects a length prefix; "HTTP/1.1 400" reads as a 1.2 GB frame length.
        int port = fakeServer(socket -> {
            socket.getInputStream().read(new byte[64]);
            socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        });
        Framekit.Result result = framekit.run("echo-client", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--timeout", "5s", "hello");
        assertOneLineFailure(result, "exceeds the maximum");
        assertTrue(result.stderr().get(0).contains("\"HTTP\""), result.transcript());
    }

    /** Each mistake on one command (they share the option code), cycling through the commands. */
    static Stream<Arguments> usageMistakes() {
        List<List<String>> mistakes = List.of(
                List.of("--framing", "lines", "'lines' is not a framing"),
                List.of("--port", "99999", "port 99999 is out of range"),
                List.of("--port", "http", "'http' is not a port number"),
                List.of("--framing", "fixed", "--pad", "##", "--pad must be one byte"),
                List.of("--framing", "fixed", "--frame-size", "2048", "--max-frame", "1k",
                        "--frame-size 2048 is over --max-frame 1024"),
                List.of("--framing", "delimiter", "--delimiter", "\\q", "unknown escape \\q"),
                List.of("--max-frame", "lots", "'lots' is not a size"),
                List.of("--no-such-option", "Unknown option: '--no-such-option'"));
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < mistakes.size(); i++) {
            List<String> mistake = mistakes.get(i);
            String command = COMMANDS.get(i % COMMANDS.size());
            cases.add(Arguments.of(command, mistake.subList(0, mistake.size() - 1), mistake.get(mistake.size() - 1)));
        }
        cases.add(Arguments.of("echo-server", List.of("--idle-timeout", "-1s"), "'-1s' is negative"));
        cases.add(Arguments.of("reverse-client", List.of("--timeout", "-1s"), "'-1s' is negative"));
        cases.add(Arguments.of("echo-server", List.of("--max-connections", "-5"), "'-5' is too small; use 0 or more"));
        cases.add(Arguments.of("chat-server", List.of("--max-queue", "0"), "'0' is too small; use 1 or more"));
        cases.add(Arguments.of("chat-server", List.of("--flood-limit", "lots"), "'lots' is not a whole number"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("usageMistakes")
    void aUsageMistakeExitsWithStatus2AndOneLineSayingWhatWasWrong(String command, List<String> options, String expected) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(options);
        if (command.endsWith("-client") && !command.equals("chat-client")) {
            args.add("hello");
        }
        Framekit.Result result = framekit.run(args.toArray(String[]::new));
        assertEquals(2, result.exitCode(), result.transcript());
        assertEquals(List.of(), result.stdout(), result.transcript());
        assertEquals(2, result.stderr().size(), result.transcript());
        assertTrue(result.stderr().get(0).startsWith("framekit " + command + ": "), result.transcript());
        assertTrue(result.stderr().get(0).contains(expected), result.transcript());
        assertEquals("Try 'framekit " + command + " --help' for the options.", result.stderr().get(1));
        assertNoStackTrace(result);
    }

    @Test
    void noCommandIsAUsageErrorThatNamesOne() {
        Framekit.Result result = framekit.run();
        assertEquals(2, result.exitCode(), result.transcript());
        assertTrue(result.stderr().get(0).contains("name a command"), result.transcript());
        assertNoStackTrace(result);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Framekit.Result result = framekit.run("eco-server");
        assertEquals(2, result.exitCode(), result.transcript());
        assertTrue(result.stderr().get(0).contains("'eco-server'"), result.transcript());
        assertNoStackTrace(result);
    }

    @Test
    void aServerThatCannotBindSaysWhyInOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Framekit.Result result = framekit.run(Duration.ofSeconds(20), null,
                    "echo-server", "--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()));
            assertOneLineFailure(result, "cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertTrue(result.stderr().get(0).contains("choose another with --port"), result.transcript());
        }
    }

    static Stream<String> everyCommand() {
        return COMMANDS.stream();
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void helpDescribesTheCommandAndItsFramingOptions(String command) {
        Framekit.Result result = framekit.run(command, "--help");
        assertEquals(0, result.exitCode(), result.transcript());
        String help = result.stdoutText();
        assertTrue(help.startsWith("Usage: framekit " + command), result.transcript());
        for (String option : List.of("--framing", "--host", "--port", "--frame-size", "--pad", "--delimiter",
                "--max-frame", "--hexdump", "--help", "--version")) {
            assertTrue(help.contains(option), option + " missing\n" + result.transcript());
        }
        assertEquals(List.of(), result.stderr(), result.transcript());
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void versionPrintsTheVersion(String command) {
        Framekit.Result result = framekit.run(command, "--version");
        assertEquals(0, result.exitCode(), result.transcript());
        assertEquals(1, result.stdout().size(), result.transcript());
        assertTrue(result.stdout().get(0).matches("framekit \\d+\\.\\d+\\.\\d+.*"), result.transcript());
    }

    @Test
    void theTopLevelHelpListsEveryCommandAndTheTopLevelVersionWorks() {
        Framekit.Result help = framekit.run("--help");
        assertEquals(0, help.exitCode(), help.transcript());
        for (String command : COMMANDS) {
            assertTrue(help.stdoutText().contains(command), command + " missing\n" + help.transcript());
        }
        Framekit.Result version = framekit.run("--version");
        assertEquals(0, version.exitCode(), version.transcript());
        assertTrue(version.stdout().get(0).matches("framekit \\d+\\.\\d+\\.\\d+.*"), version.transcript());
    }
}

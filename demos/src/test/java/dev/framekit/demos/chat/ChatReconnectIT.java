package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A chat server restarted under connected chat clients: each client reports the loss in one
 * line, reconnects with backoff, takes its name again and chats on; with no server to come
 * back, it gives up after {@code --reconnect-for} with one line and exit status 1.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatReconnectIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final Framekit framekit = new Framekit();

    @ParameterizedTest
    @EnumSource(value = Framings.class, names = {"LENGTH", "NEWLINE", "CLOSE"})
    void clientsReconnectToAServerRestartedOnTheSamePortAndChatAgain(Framings framing) {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        int port = server.port();
        List<String> client = List.of("chat-client", "--host", "127.0.0.1", "--port", Integer.toString(port));
        FramekitProcess alice = framekit.start(framing.args(client, "--name", "alice"));
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = framekit.start(framing.args(client, "--name", "bob"));
        bob.awaitLine("-- you are now bob");
        alice.send("before the restart");
        bob.awaitLine("^<alice> before the restart$");

        server.close(); // SIGTERM: the server closes every connection and exits
        alice.awaitLine(Pattern.compile("^-- connection lost: .*; reconnecting \\(for up to 2 min\\)$"), WAIT);
        bob.awaitLine(Pattern.compile("^-- connection lost: "), WAIT);

        FramekitProcess restarted = restart(port, framing);
        alice.awaitLine(Pattern.compile("^-- reconnected to 127\\.0\\.0\\.1:" + port + "$"), WAIT);
        alice.awaitLine(Pattern.compile("^-- you are now alice$"), WAIT);
        bob.awaitLine(Pattern.compile("^-- reconnected to "), WAIT);
        bob.awaitLine(Pattern.compile("^-- you are now bob$"), WAIT);
        restarted.awaitLine("bob");

        alice.send("after the restart");
        bob.awaitLine(Pattern.compile("^<alice> after the restart$"), WAIT);
        bob.send("welcome back");
        alice.awaitLine(Pattern.compile("^<bob> welcome back$"), WAIT);

        bob.send("/quit");
        assertEquals(0, bob.awaitExit(WAIT), bob.transcript());
        alice.closeStdin();
        assertEquals(0, alice.awaitExit(WAIT), alice.transcript());
        for (FramekitProcess process : List.of(alice, bob, server, restarted)) {
            assertNoStackTrace(process);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Framings.class, names = {"LENGTH", "CLOSE"})
    void aReconnectAsksForTheLastConfirmedNameNeverARefusedOne(Framings framing) {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        int port = server.port();
        List<String> client = List.of("chat-client", "--host", "127.0.0.1", "--port", Integer.toString(port));
        FramekitProcess bob = framekit.start(framing.args(client, "--name", "bob"));
        bob.awaitLine("-- you are now bob");
        FramekitProcess carol = framekit.start(framing.args(client));
        carol.awaitLine("^-- welcome, guest\\d+;");
        carol.send("/nick carol");
        carol.awaitLine("^-- you are now carol$");
        carol.send("/nick bob");
        carol.awaitLine("^-- the name bob is taken");
        bob.send("/quit");
        assertEquals(0, bob.awaitExit(WAIT), bob.transcript());

        server.close();
        carol.awaitLine(Pattern.compile("^-- connection lost: "), WAIT);
        FramekitProcess restarted = restart(port, framing);
        carol.awaitLine(Pattern.compile("^-- reconnected to "), WAIT);
        carol.awaitLine(Pattern.compile("^-- you are now carol$"), WAIT);
        restarted.awaitLine("joined as carol$");
        assertFalse(restarted.stdoutLines().stream().anyMatch(line -> line.contains("bob")), restarted.transcript());
        carol.closeStdin();
        assertEquals(0, carol.awaitExit(WAIT), carol.transcript());
    }

    @Test
    void aClientReconnectsAfterTheServerIsKilledAndLinesTypedMeanwhileArrive() {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "length");
        int port = server.port();
        List<String> client = List.of("chat-client", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--framing", "length");
        FramekitProcess alice = framekit.start(args(client, "--name", "alice"));
        alice.awaitLine("-- you are now alice");

        server.process().destroyForcibly(); // kill -9: no goodbye from the server
        alice.awaitLine(Pattern.compile("^-- connection lost: "), WAIT);
        alice.send("typed while the server was down");
        FramekitProcess restarted = restart(port, Framings.LENGTH);
        FramekitProcess bob = framekit.start(args(client, "--name", "bob"));
        bob.awaitLine("-- you are now bob");
        alice.awaitLine(Pattern.compile("^-- reconnected to "), WAIT);
        alice.send("and after");
        bob.awaitLine(Pattern.compile("^<alice> (typed while the server was down|and after)$"), WAIT);
        alice.closeStdin();
        assertEquals(0, alice.awaitExit(WAIT), alice.transcript());
        assertNoStackTrace(alice);
        assertNoStackTrace(restarted);
    }

    @ParameterizedTest
    @EnumSource(value = Framings.class, names = {"LENGTH", "CLOSE"})
    void aClientWhoseServerNeverComesBackGivesUpWithOneLineAndStatusOne(Framings framing) {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        List<String> client = List.of("chat-client", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--reconnect-for", "3s");
        FramekitProcess alice = framekit.start(framing.args(client, "--name", "alice"));
        alice.awaitLine("-- you are now alice");
        long stopped = System.nanoTime();
        server.close();

        alice.awaitLine(Pattern.compile("^-- connection lost: .*; reconnecting \\(for up to 3 s\\)$"), WAIT);
        String gaveUp = alice.awaitLine(Pattern.compile("^-- gave up reconnecting after \\d+ attempts in 3 s: "), WAIT);
        assertTrue(gaveUp.contains("connection refused"), gaveUp);
        assertEquals(1, alice.awaitExit(WAIT), alice.transcript());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopped);
        assertTrue(seconds < 15, "gave up after " + seconds + " s");
        assertNoStackTrace(alice);
    }

    @ParameterizedTest
    @EnumSource(value = Framings.class, names = {"LENGTH", "CLOSE"})
    void aLineTheClientsFramingRefusesIsSaidNotSentAtOnceNotRetriedAsALostConnection(Framings framing) {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        List<String> client = List.of("chat-client", "--host", "127.0.0.1", "--port", Integer.toString(server.port()));
        FramekitProcess alice = framekit.start(framing.args(client, "--name", "alice", "--max-frame", "1000"));
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = framekit.start(framing.args(client, "--name", "bob"));
        bob.awaitLine("-- you are now bob");
        alice.send("x".repeat(2000));
        // At once: not after the two minutes a lost connection is retried for.
        alice.awaitLine(Pattern.compile("^-- not sent: .*1000.*"), Duration.ofSeconds(10));
        alice.send("still here");
        bob.awaitLine(Pattern.compile("^<alice> still here$"), WAIT);
        assertFalse(alice.stdoutLines().stream().anyMatch(line -> line.startsWith("-- connection lost")), alice.transcript());
    }

    @Test
    void reconnectForZeroExitsAtOnceAsBefore() {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "length");
        FramekitProcess alice = framekit.start("chat-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--framing", "length", "--name", "alice", "--reconnect-for", "0");
        alice.awaitLine("-- you are now alice");
        server.close();
        alice.awaitLine(Pattern.compile("^-- disconnected: the server closed the connection$"), WAIT);
        assertEquals(1, alice.awaitExit(WAIT), alice.transcript());
        assertFalse(alice.stdoutLines().stream().anyMatch(line -> line.startsWith("-- reconnect")), alice.transcript());
    }

    private FramekitProcess restart(int port, Framings framing) {
        List<String> args = new ArrayList<>(List.of("chat-server", "--host", "127.0.0.1", "--port", Integer.toString(port)));
        args.addAll(framing.options());
        return framekit.start(args.toArray(String[]::new)).awaitReady();
    }

    private static String[] args(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    static void assertNoStackTrace(FramekitProcess process) {
        String output = String.join("\n", process.stdoutLines()) + "\n" + String.join("\n", process.stderrLines());
        assertFalse(output.contains("Exception") || output.contains("\tat "), process.transcript());
    }
}

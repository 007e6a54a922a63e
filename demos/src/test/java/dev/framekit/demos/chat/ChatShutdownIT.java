package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.chat.ChatIT.LineClient;
import dev.framekit.demos.chat.room.ChatRoom;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real jar's chat server stopped by a signal, as Ctrl-C or a service manager stops it, with
 * members connected: an nc-style line client and a chat-client process. Each reads the notice
 * as its last line before the connection closes; the server's last line counts every connection
 * it served, the one that ended before the signal included.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatShutdownIT {
    /** A connection's closing log line: {@code HH:MM:SS.mmm 127.0.0.1:PORT 2 messages in (...), ...; how it ended}. */
    private static final Pattern CONNECTION_ENDED = Pattern.compile("^\\S+ 127\\.0\\.0\\.1:\\d+ \\d+ messages? in \\(");

    /**
     * Runs the command with SIGINT at its default, as a shell runs a command in the foreground:
     * a test run from a background job inherits SIGINT ignored, and the JVM then leaves Ctrl-C alone.
     */
    private static final List<String> IN_THE_FOREGROUND = List.of("/usr/bin/python3", "-c",
            "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])");

    @RegisterExtension
    final Framekit framekit = new Framekit();

    /** How the server is stopped, and the exit status the JVM then ends with (128 + the signal's number). */
    enum Stop {
        SIGTERM(143),
        CTRL_C(130);

        final int status;

        Stop(int status) {
            this.status = status;
        }
    }

    @Needs(Capability.PYTHON3)
    @ParameterizedTest
    @EnumSource(Stop.class)
    void everyMemberReadsTheNoticeLastAndTheServersLastLineCountsEveryConnection(Stop stop) throws Exception {
        FramekitProcess server = framekit.startPrefixed(IN_THE_FOREGROUND, "chat-server", "--host", "127.0.0.1",
                "--port", "0", "--framing", "delimiter").awaitReady();
        // A member that has left before the signal: its connection counts too.
        try (LineClient carol = joined(new LineClient(server.port()), "carol")) {
            carol.send("/quit\n");
            carol.awaitLineStartingWith("-- bye, carol");
            assertNull(carol.readLineOrEnd());
        }
        server.awaitLine("; ended cleanly$");
        FramekitProcess alice = framekit.start("chat-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--framing", "delimiter", "--name", "alice", "--reconnect-for", "0");
        alice.awaitLine("^-- you are now alice$");
        List<String> bobRead = new ArrayList<>();
        try (LineClient bob = joined(new LineClient(server.port()), "bob")) {
            alice.awaitLine("^-- bob joined$");
            alice.send("see you");
            bob.awaitLineStartingWith("<alice> see you");

            if (stop == Stop.SIGTERM) {
                server.terminate();
            } else {
                server.interrupt();
            }
            String line;
            while ((line = bob.readLineOrEnd()) != null) { // null: the server closed the connection (no reset)
                bobRead.add(line);
            }
        }
        assertEquals(List.of(ChatRoom.SHUTTING_DOWN), bobRead, "the nc member's last lines before the close");

        assertEquals(stop.status, server.awaitExit(Duration.ofSeconds(20)), server.transcript());
        List<String> log = server.stdoutLines();
        String last = log.get(log.size() - 1);
        assertTrue(last.matches("^\\S+ chat-server stopped after serving 3 connections$"),
                "last line: " + last + "\n" + server.transcript());
        assertEquals(3, log.stream().filter(l -> CONNECTION_ENDED.matcher(l).find()).count(), server.transcript());
        assertTrue(log.stream().anyMatch(l -> l.endsWith("telling 2 member(s) the server is shutting down")),
                server.transcript());
        assertEquals(List.of(), server.stderrLines(), server.transcript());

        assertEquals(1, alice.awaitExit(Duration.ofSeconds(15)), alice.transcript());
        List<String> aliceRead = alice.stdoutLines();
        int notice = aliceRead.indexOf(ChatRoom.SHUTTING_DOWN);
        assertTrue(notice >= 0, alice.transcript());
        assertEquals(List.of("-- disconnected: the server closed the connection"),
                aliceRead.subList(notice + 1, aliceRead.size()), alice.transcript());
        assertFalse(String.join("\n", alice.stderrLines()).contains("Exception"), alice.transcript());
    }

    private static LineClient joined(LineClient client, String name) throws Exception {
        client.send("/nick " + name + "\n");
        client.awaitLineStartingWith("-- you are now " + name);
        return client;
    }
}

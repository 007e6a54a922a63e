package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Root;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A half-open member is reclaimed by TCP keepalive: carol joins from another host, then her link
 * is cut and her process killed, so no FIN or RST ever reaches the server, and she sends nothing
 * more. Without keepalive the server would keep her in the room, holding her name, for ever
 * (a chat member has no idle timeout by default), or with Linux's own keepalive timing for more
 * than two hours. With the server's
 * settings (probes after 30 s of silence, every 10 s, 3 unanswered) she is gone about a minute
 * after the last packet: one line says why her connection ended, the room is told, and her name
 * is free again.
 *
 * <p>This is the one slow test of the suite (about 70 s): the kernel's keepalive timers cannot be
 * hurried from outside the server.
 */
@Root
@Needs(Capability.NETWORK_NAMESPACES)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HalfOpenMemberIT {
    /** KeepAlive's 30 s idle + 3 probes 10 s apart, and margin for a busy machine. */
    private static final Duration RECLAIMED_WITHIN = Duration.ofSeconds(120);

    private static TwoHosts hosts;
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @BeforeEach
    void createHosts() throws Exception {
        hosts = TwoHosts.create();
    }

    @AfterEach
    void removeHosts() {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    void aMemberWhoseLinkIsCutAndProcessKilledIsRemovedByKeepaliveAndHerNameFreed() throws Exception {
        FramekitProcess server = framekit.startPrefixed(hosts.onServer(), "chat-server", "--port", "7342").awaitReady();
        List<String> local = List.of("chat-client", "--host", "127.0.0.1", "--port", "7342");
        FramekitProcess alice = framekit.startPrefixed(hosts.onServer(), args(local, "--name", "alice"));
        alice.awaitLine("^-- you are now alice$");
        FramekitProcess carol = framekit.startPrefixed(hosts.onClient(),
                args(List.of("chat-client", "--host", hosts.serverAddress(), "--port", "7342"), "--name", "carol"));
        carol.awaitLine("^-- you are now carol$");
        alice.awaitLine("^-- carol joined$");
        Matcher joined = Pattern.compile("(" + Pattern.quote(hosts.clientAddress()) + ":\\d+) joined as carol")
                .matcher(server.awaitLine("joined as carol"));
        assertTrue(joined.find(), server.transcript());
        String carolPeer = joined.group(1);

        hosts.cutLink();
        long cut = System.nanoTime();
        carol.process().destroyForcibly();
        assertTrue(carol.process().waitFor(10, TimeUnit.SECONDS), "carol's process did not die");

        // The server cannot know yet: carol is still in the room, half-open.
        Thread.sleep(3_000);
        alice.send("/who");
        assertTrue(alice.awaitLine("^-- in the room \\(").contains("carol"), alice.transcript());

        String left = server.awaitLine(Pattern.compile(Pattern.quote(carolPeer) + " carol left"), RECLAIMED_WITHIN);
        double seconds = (System.nanoTime() - cut) / 1e9;
        assertTrue(left.contains("the peer stopped answering"), left);
        alice.awaitLine("^-- carol left \\(the peer stopped answering: connection timed out\\)$");

        alice.send("/who");
        String who = alice.awaitLine("^-- in the room \\(");
        assertEquals("-- in the room (1): alice", who, alice.transcript());
        FramekitProcess again = framekit.startPrefixed(hosts.onServer(), args(local, "--name", "carol"));
        again.awaitLine("^-- you are now carol$");

        List<String> ended = server.stdoutLines().stream()
                .filter(line -> line.contains(carolPeer + " ") && line.contains(" out (")).toList();
        System.out.printf("half-open chat member reclaimed by keepalive %.0f s after her link was cut:%n%s%n%s%n", seconds,
                left, String.join("\n", ended));
        assertEquals(1, ended.size(), "one line for the end of carol's connection\n" + server.transcript());
        assertTrue(ended.get(0).contains("closed: the peer stopped answering"), ended.get(0));
        String output = String.join("\n", server.stdoutLines()) + "\n" + String.join("\n", server.stderrLines());
        assertFalse(output.contains("\tat ") || output.contains("Exception"), server.transcript());
    }

    /**
     * Keepalive does not probe a connection with bytes unacknowledged: once the room has sent the
     * half-open carol a line, the kernel retransmits it instead, for about 15 minutes
     * ({@code tcp_retries2}), and the server's write went into the socket buffer, so no write
     * stalls either. The server's watchdog reads the kernel's send queues and closes her
     * connection once she has acknowledged nothing for {@code --write-timeout} (10 s here), well
     * before keepalive's 60 s could have.
     */
    @Test
    void aHalfOpenMemberSentALineIsRemovedAfterTheWriteTimeoutNotFifteenMinutes() throws Exception {
        FramekitProcess server = framekit.startPrefixed(hosts.onServer(), "chat-server", "--port", "7342",
                "--write-timeout", "10s").awaitReady();
        List<String> local = List.of("chat-client", "--host", "127.0.0.1", "--port", "7342");
        FramekitProcess alice = framekit.startPrefixed(hosts.onServer(), args(local, "--name", "alice"));
        alice.awaitLine("^-- you are now alice$");
        FramekitProcess carol = framekit.startPrefixed(hosts.onClient(),
                args(List.of("chat-client", "--host", hosts.serverAddress(), "--port", "7342"), "--name", "carol"));
        carol.awaitLine("^-- you are now carol$");
        alice.awaitLine("^-- carol joined$");
        Matcher joined = Pattern.compile("(" + Pattern.quote(hosts.clientAddress()) + ":\\d+) joined as carol")
                .matcher(server.awaitLine("joined as carol"));
        assertTrue(joined.find(), server.transcript());
        String carolPeer = joined.group(1);

        hosts.cutLink();
        carol.process().destroyForcibly();
        assertTrue(carol.process().waitFor(10, TimeUnit.SECONDS), "carol's process did not die");
        alice.send("are you there, carol?");
        long sent = System.nanoTime();

        String left = server.awaitLine(Pattern.compile(Pattern.quote(carolPeer) + " carol left"), Duration.ofSeconds(45));
        double seconds = (System.nanoTime() - sent) / 1e9;
        assertTrue(seconds < 40, "carol left " + seconds + " s after she was sent a line; keepalive would take 60 s");
        alice.awaitLine("^-- carol left");
        alice.send("/who");
        assertEquals("-- in the room (1): alice", alice.awaitLine("^-- in the room \\("), alice.transcript());
        FramekitProcess again = framekit.startPrefixed(hosts.onServer(), args(local, "--name", "carol"));
        again.awaitLine("^-- you are now carol$");

        List<String> ended = server.stdoutLines().stream()
                .filter(line -> line.contains(carolPeer + " ") && line.contains(" out (")).toList();
        System.out.printf("half-open chat member sent a line, reclaimed %.1f s later:%n%s%n%s%n", seconds, left,
                String.join("\n", ended));
        assertEquals(1, ended.size(), "one line for the end of carol's connection\n" + server.transcript());
        assertTrue(ended.get(0).matches(".*the peer stopped answering: \\d+ bytes sent to it unacknowledged for 10 s;"
                + " closed it \\(--write-timeout\\)$"), ended.get(0));
        String output = String.join("\n", server.stdoutLines()) + "\n" + String.join("\n", server.stderrLines());
        assertFalse(output.contains("\tat ") || output.contains("Exception"), server.transcript());
    }

    private static String[] args(List<String> command, String... more) {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}

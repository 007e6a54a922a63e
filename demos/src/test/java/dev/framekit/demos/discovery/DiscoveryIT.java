package dev.framekit.demos.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LAN discovery with the real jar, kept on loopback ({@link LoopbackDiscovery}): servers bound to
 * 127.0.0.1 announce there, {@code discover} and {@code chat-client} listen there.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiscoveryIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();
    private LoopbackDiscovery lan;

    @BeforeAll
    static void multicastWorksOnLoopback() {
        assumeTrue(LoopbackDiscovery.works(), "multicast does not work on loopback here");
    }

    @BeforeEach
    void freeDiscoveryPort() throws Exception {
        lan = LoopbackDiscovery.onAFreePort();
    }

    private FramekitProcess server(String... options) {
        return framekit.startServer("chat-server", lan.with(options));
    }

    @Test
    void discoverPrintsOneLinePerServerWithAddressNameAndFraming() {
        FramekitProcess server = server("--framing", "delimiter", "--delimiter", "#*#");
        server.awaitLine("announced on the LAN");
        Framekit.Result heard = framekit.run(lan.with("discover"));
        assertEquals(0, heard.exitCode(), heard.transcript());
        assertEquals(1, heard.stdout().size(), heard.transcript());
        String line = heard.stdout().get(0);
        assertTrue(line.startsWith("127.0.0.1:" + server.port() + "  "), line);
        assertTrue(line.contains("framing: delimiter(\"#*#\""), line);
        assertTrue(!line.contains("TLS"), line);
    }

    @Test
    void chatClientWithNoHostAndNoFramingJoinsTheServerItHearsOnItsFramingAndChats() {
        FramekitProcess server = server("--framing", "length", "--length-field", "u16", "--max-frame", "4k");
        server.awaitLine("announced on the LAN");
        FramekitProcess alice = framekit.start(lan.with("chat-client", "--name", "alice"));
        alice.awaitStderrLine("^chat-client: joining 127\\.0\\.0\\.1:" + server.port() + " .*length-prefix\\(u16");
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = framekit.start(lan.with("chat-client", "--name", "bob"));
        bob.awaitLine("-- you are now bob");
        alice.awaitLine("^-- bob joined$");
        alice.send("found you without an address");
        bob.awaitLine("^<alice> found you without an address$");
        bob.send("and on u16 lengths ✓");
        alice.awaitLine("^<bob> and on u16 lengths ✓$");
        bob.send("/quit");
        assertEquals(0, bob.awaitExit(Duration.ofSeconds(15)), bob.transcript());
    }

    @Test
    void aServerWithNoAnnounceIsHeardByNobody() {
        FramekitProcess silent = server("--no-announce");
        Framekit.Result heard = framekit.run(lan.with("discover", "--wait", "2500ms"));
        assertEquals(1, heard.exitCode(), heard.transcript());
        assertEquals(List.of(), heard.stdout());
        assertEquals(List.of("discover: no chat server heard within 2500 ms (is one running on this LAN,"
                + " without --no-announce?)"), heard.stderr());
        Framekit.Result client = framekit.runWithInput("hello\n", lan.with("chat-client"));
        assertEquals(1, client.exitCode(), client.transcript());
        assertEquals(List.of("chat-client: no chat server heard on the LAN within 2 s; pass --host HOST (and its"
                + " --framing) to reach one"), client.stderr());
        assertTrue(silent.isAlive(), silent.transcript());
    }

    @Test
    void withSeveralServersAClientWithoutATerminalListsThemAndSaysToPassHost() {
        FramekitProcess first = server("--framing", "delimiter");
        FramekitProcess second = server("--framing", "netstring");
        first.awaitLine("announced on the LAN");
        second.awaitLine("announced on the LAN");
        Framekit.Result client = framekit.runWithInput("hello\n", lan.with("chat-client"));
        assertEquals(1, client.exitCode(), client.transcript());
        String err = client.stderrText();
        assertTrue(err.contains("chat-client: 2 chat servers heard:"), err);
        assertTrue(Pattern.compile("(?m)^  [12]\\) 127\\.0\\.0\\.1:" + first.port() + " ").matcher(err).find(), err);
        assertTrue(Pattern.compile("(?m)^  [12]\\) 127\\.0\\.0\\.1:" + second.port() + " ").matcher(err).find(), err);
        assertTrue(err.contains("chat-client: choose one with --host ADDRESS --port PORT"), err);
        // --port picks one of them.
        FramekitProcess alice = framekit.start(lan.with("chat-client", "--port", Integer.toString(second.port()),
                "--name", "alice"));
        alice.awaitLine("-- you are now alice");
        second.awaitLine("joined as alice");
    }

    @Test
    void hostileAnnouncementsAreIgnoredAndCountedAndNeverLeadOntoAnotherFraming() throws Exception {
        FramekitProcess server = server("--framing", "delimiter");
        server.awaitLine("announced on the LAN");
        FramekitProcess discover = framekit.start(lan.with("discover", "--wait", "3s"));
        String real = "framekit-chat/1\nname=evil\nport=" + server.port() + "\nframing=";
        // Round after round for as long as discover runs: on a busy machine its JVM may start listening late.
        for (int round = 0; round < 100 && discover.isAlive(); round++) {
            lan.send(real + "length\nmaxFrame=2147483647\n"); // a huge buffer
            lan.send(real + "morse\n"); // an unknown framing
            lan.send(real + "length\nname=alice\u001b[2J\n"); // a control character
            lan.send("framekit-chat/9\nname=future\nport=1\nframing=length\n"); // another version
            lan.send("x".repeat(AnnouncementCodec.MAX_BYTES + 100)); // oversized
            lan.send("\u00ff\u0000\u0001garbage"); // not an announcement at all
            Thread.sleep(300);
        }
        assertEquals(0, discover.awaitExit(Duration.ofSeconds(15)), discover.transcript());
        assertEquals(1, discover.stdoutLines().size(), discover.transcript());
        assertTrue(discover.stdoutLines().get(0).contains("framing: delimiter"), discover.transcript());
        String ignored = discover.awaitStderrLine("^discover: ignored \\d+ datagrams");
        assertTrue(ignored.contains("bad field") && ignored.contains("wrong version") && ignored.contains("oversized")
                && ignored.contains("not an announcement"), ignored);
        // The server is joined on its own framing all the same.
        FramekitProcess alice = framekit.start(lan.with("chat-client", "--name", "alice"));
        alice.awaitLine("-- you are now alice");
    }
}

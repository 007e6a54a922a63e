package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Root;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the chat server on a LAN with nothing typed but a name: the server announces itself on
 * its host's interface (the default group, port and interfaces), and clients on the other host
 * of a real (virtual) link between two network namespaces hear it. No datagram leaves the link.
 */
@Root
@Needs({Capability.NETWORK_NAMESPACES, Capability.PYTHON3})
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LanDiscoveryIT {
    @RegisterExtension
    static final TwoHosts hosts = new TwoHosts();
    @RegisterExtension
    final Framekit framekit = new Framekit();

    private FramekitProcess onServer(String... args) {
        return framekit.startPrefixed(hosts.onServer(), args);
    }

    private FramekitProcess onClient(String... args) {
        return framekit.startPrefixed(hosts.onClient(), args);
    }

    @Test
    void clientsOnAnotherHostFindTheServerAndChatOnItsFramingWithNoAddressTyped() throws Exception {
        FramekitProcess server = onServer("chat-server", "--port", "7342", "--framing", "delimiter",
                "--delimiter", "#*#").awaitReady();
        server.awaitLine("announced on the LAN");
        // Meanwhile a hostile host on the link announces nonsense about the same server, in both ways.
        Process hostile = hostileAnnouncer(server);
        FramekitProcess discover = onClient("discover");
        assertEquals(0, discover.awaitExit(Duration.ofSeconds(20)), discover.transcript());
        assertEquals(1, discover.stdoutLines().size(), discover.transcript());
        assertTrue(discover.stdoutLines().get(0).startsWith(hosts.serverAddress() + ":7342  "), discover.transcript());
        assertTrue(discover.stdoutLines().get(0).contains("framing: delimiter(\"#*#\""), discover.transcript());
        assertTrue(discover.awaitStderrLine("^discover: ignored \\d+ datagrams").contains("bad field"),
                discover.transcript());

        FramekitProcess alice = onClient("chat-client", "--name", "alice");
        alice.awaitStderrLine("^chat-client: joining " + hosts.serverAddress().replace(".", "\\.") + ":7342 ");
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = onClient("chat-client", "--name", "bob");
        bob.awaitLine("-- you are now bob");
        alice.awaitLine("^-- bob joined$");
        alice.send("no address typed");
        bob.awaitLine("^<alice> no address typed$");
        bob.send("nor a framing ✓");
        alice.awaitLine("^<bob> nor a framing ✓$");
        server.awaitLine(java.util.regex.Pattern.quote(hosts.clientAddress()) + ".* joined as alice");
        hostile.destroy();
        assertTrue(hostile.waitFor(10, TimeUnit.SECONDS));
        bob.send("/quit");
        assertEquals(0, bob.awaitExit(Duration.ofSeconds(15)), bob.transcript());
    }

    @Test
    void aServerWithNoAnnounceIsHeardByNobodyOnTheLan() {
        FramekitProcess server = onServer("chat-server", "--port", "7342", "--no-announce").awaitReady();
        FramekitProcess discover = onClient("discover", "--wait", "3s");
        assertEquals(1, discover.awaitExit(Duration.ofSeconds(20)), discover.transcript());
        assertEquals(List.of(), discover.stdoutLines());
        FramekitProcess client = onClient("chat-client", "--name", "alice");
        assertEquals(1, client.awaitExit(Duration.ofSeconds(20)), client.transcript());
        assertEquals(List.of("chat-client: no chat server heard on the LAN within 2 s; pass --host HOST (and its"
                + " --framing) to reach one"), client.stderrLines());
        assertTrue(server.isAlive(), server.transcript());
    }

    @Test
    void overTlsTheClientPinsTheAnnouncedFingerprintAndAWrongPinFailsInOneLine(@TempDir Path folder) {
        FramekitProcess server = onServer("chat-server", "--port", "7342", "--tls", "--tls-keystore",
                folder.resolve("tls.p12").toString()).awaitReady();
        String prefix = "  its SHA-256 fingerprint: ";
        String fingerprint = server.stdoutLines().stream().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow().substring(prefix.length());
        assertTrue(server.awaitLine("from another machine: ").endsWith("--tls-fingerprint " + fingerprint),
                server.transcript());
        FramekitProcess discover = onClient("discover");
        assertEquals(0, discover.awaitExit(Duration.ofSeconds(20)), discover.transcript());
        assertTrue(discover.stdoutLines().get(0).contains("TLS fingerprint " + fingerprint), discover.transcript());

        FramekitProcess alice = onClient("chat-client", "--name", "alice");
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = onClient("chat-client", "--host", hosts.serverAddress(), "--tls-fingerprint",
                fingerprint.replace(":", ""), "--name", "bob");
        bob.awaitLine("-- you are now bob");
        bob.send("over TLS");
        alice.awaitLine("^<bob> over TLS$");
        alice.send("both ways");
        bob.awaitLine("^<alice> both ways$");

        String wrong = fingerprint.substring(0, fingerprint.length() - 2) + (fingerprint.endsWith("00") ? "11" : "00");
        FramekitProcess mallory = onClient("chat-client", "--host", hosts.serverAddress(), "--tls-fingerprint", wrong);
        assertEquals(1, mallory.awaitExit(Duration.ofSeconds(20)), mallory.transcript());
        assertEquals(1, mallory.stderrLines().size(), mallory.transcript());
        assertTrue(mallory.stderrLines().get(0).contains("not " + wrong + " (--tls-fingerprint)"), mallory.transcript());

        FramekitProcess plain = onClient("chat-client", "--host", hosts.serverAddress(), "--framing", "length",
                "--reconnect-for", "0", "--name", "eve");
        assertEquals(1, plain.awaitExit(Duration.ofSeconds(20)), plain.transcript());
        assertTrue(plain.transcript().contains("the server speaks TLS"), plain.transcript());
        server.awaitLine(java.util.regex.Pattern.quote(hosts.clientAddress())
                + ".*refused: it does not speak TLS \\(a plaintext client on a --tls port\\)$");
    }

    /** A host on the link that announces malformed datagrams to the group and the broadcast address, every 0.2 s. */
    private static Process hostileAnnouncer(FramekitProcess server) throws Exception {
        String real = "framekit-chat/1\\nname=evil\\nport=" + server.port() + "\\n";
        String script = String.join("\n",
                "import socket, time",
                "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
                "s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)",
                "s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)",
                "bad = [b'" + real + "framing=length\\nmaxFrame=2147483647\\n', b'" + real + "framing=morse\\n',",
                "       b'" + real + "framing=length\\nname=x\\x1b[2J\\n', b'framekit-chat/7\\nname=later\\n',",
                "       b'x' * 1500]",
                "for i in range(100):",
                "    for d in bad:",
                "        s.sendto(d, ('" + hosts.broadcastAddress() + "', 7342))",
                "        s.sendto(d, ('239.255.73.42', 7342))",
                "    time.sleep(0.2)");
        List<String> command = new ArrayList<>(hosts.onServer());
        command.addAll(List.of(Capability.PYTHON, "-c", script));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}

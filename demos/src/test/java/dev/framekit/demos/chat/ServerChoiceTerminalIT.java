package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * chat-client with no --host and no --framing in a real pseudo-terminal, hearing two servers
 * announced on loopback (a discovery port of its own): it lists them and joins the one picked
 * by its number.
 */
@Needs(Capability.PYTHON3)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerChoiceTerminalIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();
    private PtyProcess alice;

    @AfterEach
    void stopClient() {
        if (alice != null) {
            alice.close();
        }
    }

    @Test
    void withSeveralServersAPersonPicksOneByItsNumber() throws Exception {
        String loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()).getName();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        String[] discovery = {"--discovery-interface", loopback, "--discovery-port", Integer.toString(port)};
        FramekitProcess lines = framekit.startServer("chat-server", concat(discovery, "--framing", "delimiter"));
        FramekitProcess netstrings = framekit.startServer("chat-server", concat(discovery, "--framing", "netstring"));
        lines.awaitLine("announced on the LAN");
        netstrings.awaitLine("announced on the LAN");

        alice = PtyProcess.start(concat(discovery, "chat-client", "--name", "alice"));
        String list = alice.awaitDrawn(0, "Join which one (1-2)?");
        assumeTrue(list.contains("2 chat servers heard"), list);
        // The netstring server's line: pick it by its number.
        String number = list.matches("(?s).*1\\) 127\\.0\\.0\\.1:" + netstrings.port() + " .*") ? "1" : "2";
        assertTrue(list.contains(number + ") 127.0.0.1:" + netstrings.port() + " "), list);
        alice.type(number + "\r");
        alice.awaitDrawn(0, "-- you are now alice");
        netstrings.awaitLine("joined as alice");
        alice.type("/quit\r");
        netstrings.awaitLine("alice left");
        assertEquals(0, alice.awaitExit(java.time.Duration.ofSeconds(15)), alice.screen());
        assertTrue(!lines.transcript().contains("joined as alice"), lines.transcript());
    }

    private static String[] concat(String[] options, String... args) {
        String[] all = new String[args.length + options.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        return all;
    }
}

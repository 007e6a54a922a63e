package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Root;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The LAN story: the chat server on one host, clients on another, across a real (virtual)
 * network link between two network namespaces with addresses of their own.
 */
@Root
@Needs(Capability.NETWORK_NAMESPACES)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LanChatIT {
    @RegisterExtension
    static final TwoHosts hosts = new TwoHosts();
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @ParameterizedTest
    @EnumSource(value = Framings.class, names = {"NEWLINE", "LENGTH", "CLOSE"})
    void membersOnAnotherHostChatThroughTheServersLanAddress(Framings framing) {
        FramekitProcess server = framekit.startPrefixed(hosts.onServer(),
                framing.args(List.of("chat-server", "--port", "7342"))).awaitReady();
        assertTrue(server.readyLine().contains("listening on 0.0.0.0:7342"), server.readyLine());
        // The server tells a second machine where to connect: its LAN address.
        String hint = server.awaitLine("LAN addresses: ");
        assertTrue(hint.contains(hosts.serverAddress()), hint);

        List<String> client = List.of("chat-client", "--host", hosts.serverAddress(), "--port", "7342");
        FramekitProcess alice = framekit.startPrefixed(hosts.onClient(), framing.args(client, "--name", "alice"));
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = framekit.startPrefixed(hosts.onClient(), framing.args(client, "--name", "bob"));
        bob.awaitLine("-- you are now bob");
        alice.awaitLine("^-- bob joined$");

        alice.send("hello across the wire");
        bob.awaitLine("^<alice> hello across the wire$");
        bob.send("loud and clear ✓");
        alice.awaitLine("^<bob> loud and clear ✓$");

        // The server saw them arrive from the other host's address.
        // chat-client --name joins as that name directly (the room never sees a guest rename).
        server.awaitLine(java.util.regex.Pattern.quote(hosts.clientAddress()) + ".* joined as alice");

        bob.send("/quit");
        assertEquals(0, bob.awaitExit(Duration.ofSeconds(15)), bob.transcript());
        alice.awaitLine("^-- bob left");
    }
}

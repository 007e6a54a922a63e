package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.SelfContained;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Root;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second machine as the docs tell it: nothing installed but the self-contained framekit
 * (unpacked from {@code framekit-linux-x64.tar.gz}, no java on the PATH, no JAVA_HOME), and
 * {@code framekit chat-client --name NAME} joins the server another host of the link announces,
 * on its framing and every setting (here a {@code #*#} delimiter with a CRC-32C trailer).
 */
@Root
@Needs(Capability.NETWORK_NAMESPACES)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LanImageIT {
    @RegisterExtension
    static final TwoHosts hosts = new TwoHosts();
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void theImagesChatClientOnAHostWithNoJavaJoinsTheServerItHearsAndChatsBothWays(@TempDir Path folder) throws Exception {
        Path image = SelfContained.unpack(folder);
        FramekitProcess server = framekit.startPrefixed(hosts.onServer(), "chat-server", "--port", "7342",
                "--framing", "delimiter", "--delimiter", "#*#", "--crc32c").awaitReady();
        server.awaitLine("announced on the LAN");
        FramekitProcess bob = framekit.startPrefixed(hosts.onServer(), "chat-client", "--host", "127.0.0.1",
                "--framing", "delimiter", "--delimiter", "#*#", "--crc32c", "--name", "bob");
        bob.awaitLine("-- you are now bob");

        FramekitProcess alice = framekit.startProgram(SelfContained.command(image, hosts.onClient(),
                "chat-client", "--name", "alice"));
        alice.awaitStderrLine("^chat-client: joining " + Pattern.quote(hosts.serverAddress())
                + ":7342 .*framing: crc32c\\(delimiter\\(\"#\\*#\"");
        alice.awaitLine("-- you are now alice");
        bob.awaitLine("^-- alice joined$");
        alice.send("no JDK here ✓");
        bob.awaitLine("^<alice> no JDK here ✓$");
        bob.send("and none needed");
        alice.awaitLine("^<bob> and none needed$");
        server.awaitLine(Pattern.quote(hosts.clientAddress()) + ".* joined as alice");
        alice.send("/quit");
        assertEquals(0, alice.awaitExit(Duration.ofSeconds(15)), alice.transcript());
    }
}

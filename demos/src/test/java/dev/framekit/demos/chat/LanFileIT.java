package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Root;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file between two machines: the chat server on one host, sender and receiver on the other,
 * so the file crosses the veth link between two network namespaces both ways. Its name is hostile
 * (dot-dot, backslashes, a leading dot, an escape sequence): it is saved inside the downloads
 * folder under a safe name, identical.
 */
@Root
@Needs(Capability.NETWORK_NAMESPACES)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LanFileIT {
    @RegisterExtension
    static final TwoHosts hosts = new TwoHosts();
    @RegisterExtension
    final Framekit framekit = new Framekit();
    @TempDir
    Path folder;

    @Test
    void aThreeMebibyteFileWithAHostileNameCrossesTheLinkAndStaysInTheDownloadsFolder() throws Exception {
        FramekitProcess server = framekit.startPrefixed(hosts.onServer(),
                "chat-server", "--port", "7342", "--framing", "length", "--no-announce").awaitReady();
        List<String> client = List.of("chat-client", "--host", hosts.serverAddress(), "--port", "7342", "--framing", "length");
        Path downloads = folder.resolve("bob's downloads");
        FramekitProcess bob = framekit.startPrefixed(hosts.onClient(), concat(client, "--name", "bob", "--downloads",
                downloads.toString()));
        bob.awaitLine("^-- you are now bob$");
        FramekitProcess alice = framekit.startPrefixed(hosts.onClient(), concat(client, "--name", "alice"));
        alice.awaitLine("^-- you are now alice$");

        byte[] bytes = new byte[3 << 20];
        new Random(42).nextBytes(bytes);
        Path sent = Files.write(folder.resolve("..\\..\\.ssh\\authorized_keys\u001b[2J"), bytes);
        alice.send("/send bob " + sent);
        bob.awaitLine("^-- alice offers you .*authorized_keys.* \\(3.0 MiB\\): /accept to take it");
        bob.send("/accept");
        bob.awaitLine("^-- file 1 from alice saved as ");
        alice.awaitLine("^-- file 1 to bob sent: .*, saved and SHA-256 checked by bob's client$");
        server.awaitLine("file 1 alice -> bob \\(3145728 bytes\\) relayed, saved and checked");
        assertTrue(server.stdoutLines().stream().anyMatch(l -> l.contains(hosts.clientAddress() + ":")
                && l.endsWith("joined as alice")), "alice came from the other host\n" + server.transcript());

        List<Path> saved;
        try (Stream<Path> files = Files.list(downloads)) {
            saved = files.toList();
        }
        assertEquals(1, saved.size(), saved.toString());
        String name = saved.get(0).getFileName().toString();
        assertFalse(name.startsWith(".") || name.contains("\\") || name.contains("..") || name.contains("\u001b"), name);
        assertTrue(name.contains("ssh_authorized_keys"), name);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(bytes),
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(saved.get(0))));
        try (Stream<Path> beside = Files.list(folder)) {
            assertEquals(List.of(downloads, sent).stream().sorted().toList(), beside.sorted().toList(),
                    "nothing was written beside the downloads folder");
        }
    }

    private static String[] concat(List<String> first, String... rest) {
        return Stream.concat(first.stream(), Stream.of(rest)).toArray(String[]::new);
    }
}

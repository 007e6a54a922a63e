package dev.framekit.demos.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.SelfContained;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained framekit for a machine without a JDK (a jlink runtime image with
 * framekit.jar and the launcher, {@code framekit-linux-x64.tar.gz}): it holds what the jar
 * needs, and unpacked, started as {@code framekit} with no java on the PATH and no JAVA_HOME, it
 * serves and joins a chat over TLS (BouncyCastle's certificate, EC keys) with a client on the jar.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RuntimeImageIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void theImageHoldsEveryModuleJdepsFindsTheJarNeedsAndNoManPagesOrHeaders(@TempDir Path folder) throws Exception {
        Path image = SelfContained.unpack(folder);
        Path jdeps = Path.of(Framekit.java()).resolveSibling("jdeps");
        Process process = new ProcessBuilder(jdeps.toString(), "--multi-release", "21", "--ignore-missing-deps",
                "--print-module-deps", Framekit.jar().toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        Set<String> needed = new TreeSet<>(Arrays.asList(output.split(",")));
        assertTrue(needed.contains("java.base"), output);

        Matcher modules = Pattern.compile("(?m)^MODULES=\"([^\"]*)\"").matcher(Files.readString(image.resolve("release")));
        assertTrue(modules.find(), "no MODULES line in the image's release file");
        Set<String> held = new TreeSet<>(Arrays.asList(modules.group(1).split(" ")));
        assertTrue(held.containsAll(needed), "jdeps says the jar needs " + needed + "; the image holds " + held);
        assertTrue(held.contains("jdk.crypto.ec") && held.contains("jdk.charsets"), held.toString());
        assertTrue(Files.isRegularFile(image.resolve("lib/framekit.jar")));
        assertTrue(Files.isExecutable(image.resolve("bin/framekit")));
        assertFalse(Files.exists(image.resolve("man")), "man pages in the image");
        assertFalse(Files.exists(image.resolve("include")), "C headers in the image");
        assertTrue(Files.size(SelfContained.archive()) < 64_000_000L,
                "the archive grew to " + Files.size(SelfContained.archive()) + " bytes (docs/lan-chat.md says its size)");
    }

    @Test
    void unpackedWithNoJavaOnThePathItServesAndJoinsAChatOverTls(@TempDir Path folder) throws Exception {
        Path image = SelfContained.unpack(folder);
        Process which = SelfContained.command(image, List.of("/usr/bin/bash", "-c", "command -v java")).start();
        assertEquals(1, which.waitFor(), "the PATH the image runs with holds a java");

        FramekitProcess server = framekit.startProgram(SelfContained.command(image, List.of(), "chat-server",
                "--host", "0.0.0.0", "--port", "0", "--no-announce", "--tls", "--tls-keystore",
                folder.resolve("tls.p12").toString())).awaitReady();
        String prefix = "  its SHA-256 fingerprint: ";
        String fingerprint = server.stdoutLines().stream().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(server.transcript())).substring(prefix.length());
        assertTrue(server.awaitLine("from another machine: ").startsWith("  from another machine: framekit chat-client "),
                server.transcript());

        FramekitProcess alice = framekit.startProgram(SelfContained.command(image, List.of(), "chat-client",
                "--host", "127.0.0.1", "--port", Integer.toString(server.port()), "--tls-fingerprint", fingerprint,
                "--name", "alice"));
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = framekit.start("chat-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--tls-fingerprint", fingerprint, "--name", "bob");
        bob.awaitLine("-- you are now bob");
        alice.send("from the image ✓");
        bob.awaitLine("^<alice> from the image ✓$");
        bob.send("from the jar");
        alice.awaitLine("^<bob> from the jar$");
        alice.send("/quit");
        assertEquals(0, alice.awaitExit(Duration.ofSeconds(15)), alice.transcript());
    }
}

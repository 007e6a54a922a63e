package dev.framekit.demos.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code java -jar framekit.jar} does for someone whose {@code java} is too old, and the
 * paste-ready command the servers print for a second machine.
 */
class LauncherIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void onJava17TheJarSaysInOneLineThatItNeedsJava21AndExits1() throws Exception {
        Path java17 = Java17.homeOrSkip();
        Process process = new ProcessBuilder(java17.resolve("bin/java").toString(), "-jar", Framekit.jar().toString(),
                "echo-client", "hello").start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "java 17 -jar framekit.jar did not end");

        assertEquals(1, process.exitValue(), stderr);
        assertEquals("", stdout);
        assertEquals("framekit's commands need Java 21 or newer; this is Java 17 (" + java17 + ")\n", stderr);
    }

    @Test
    void theCommandPrintedForASecondMachineIsTheLauncherAndWorksAsPrintedInACheckout() throws Exception {
        FramekitProcess server = framekit.start("echo-server", "--host", "0.0.0.0", "--port", "0").awaitReady();
        String hint = server.awaitLine("^  from another machine: .*").substring("  from another machine: ".length());
        assertTrue(hint.startsWith("demos/framekit echo-client "), hint);

        // As printed, but with the loopback address as the host (the tests talk to this machine
        // only), from the root of the checkout, with this JVM first on the PATH.
        String command = hint.replaceFirst("--host \\S+", "--host 127.0.0.1");
        Path javaBin = Path.of(Framekit.java()).getParent();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(Framekit.jar().toAbsolutePath().getParent().getParent().getParent().toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", javaBin + ":" + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        Process client = builder.start();
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(20, TimeUnit.SECONDS), command + " did not end");

        assertEquals(0, client.exitValue(), command + "\n" + output);
        assertEquals(List.of("hello"), output.lines().toList(), command);
    }
}

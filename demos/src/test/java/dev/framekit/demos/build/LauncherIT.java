package dev.framekit.demos.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code java -jar framekit.jar} does for someone whose {@code java} is too old, the
 * paste-ready command the servers print for a second machine, and what the {@code demos/framekit}
 * launcher adds: the Vector API for the delimiter scan, without the JVM's incubator warning.
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

    /** {@code demos/framekit ARGS...} from the root of the checkout, on the JDK that runs the tests. */
    private static ProcessBuilder launcher(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("demos/framekit"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Framekit.jar().toAbsolutePath().getParent().getParent().getParent().toFile());
        builder.environment().put("JAVA_HOME", Path.of(Framekit.java()).getParent().getParent().toString());
        return builder;
    }

    @Test
    void theLauncherStartsJavaWithTheVectorApiAndKeepsTheIncubatorWarningOffStderr() throws Exception {
        Path stderrFile = java.nio.file.Files.createTempFile("launcher", ".stderr");
        Process server = launcher("echo-server", "--host", "127.0.0.1", "--port", "0").redirectError(stderrFile.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.contains("listening")) {
                // the banner's first line says the server is up
            }
            assertTrue(line != null, "the server did not start");
            // The launcher execs java: the process started is the JVM itself.
            String arguments = String.join(" ", server.info().arguments().orElseThrow());

            assertTrue(arguments.contains("--add-modules jdk.incubator.vector"), arguments);
            // The JVM prints its warning as it starts, long before the banner: it would be in the file by now.
            String stderr = java.nio.file.Files.readString(stderrFile);
            assertFalse(stderr.contains("incubator"), stderr);
        } finally {
            server.destroy();
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "the server did not stop");
            java.nio.file.Files.delete(stderrFile);
        }
    }

    @Test
    void everyOtherLineOnStderrAndTheExitStatusGetThroughTheLaunchersFilter() throws Exception {
        Process client = launcher("echo-client", "--host", "127.0.0.1", "--port", "1", "hello").start();
        client.getOutputStream().close();
        String stdout = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(client.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(20, TimeUnit.SECONDS), "the client did not end");

        assertEquals(1, client.exitValue(), stderr);
        assertEquals("", stdout);
        assertEquals(List.of("echo-client: cannot connect to 127.0.0.1:1: connection refused (is the server running?)"),
                stderr.lines().toList());
    }
}

package dev.framekit.demos.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.SelfContained;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs {@code docs/http.md} and {@code docs/lan-chat.md} show, re-run against the real jar:
 * each block marked {@code <!-- transcript: NAME -->} is what a test here prints today, but for
 * times, ports, dates and the machine's addresses ({@link Transcript}). The servers run as the
 * docs start them, on the ports they show (the defaults); where one is taken the test is skipped
 * and says so.
 */
@Peer
@Needs({Capability.CURL, Capability.NETCAT})
@Timeout(120)
class DocTranscriptsIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void httpDocShowsWhatHttpServerCurlAndHttpGetPrint() throws Exception {
        Markdown doc = Markdown.of("docs/http.md");
        int port = documentedPort(8080);
        List<String> banner = block(doc, "http-server banner");
        assertEquals("$ java -jar demos/target/framekit.jar http-server --port 8080", banner.get(0));
        FramekitProcess server = framekit.start("http-server", "--port", "8080").awaitReady();
        String bannerMismatch = awaitExcerpt(server, banner.subList(1, banner.size()));
        assertNull(bannerMismatch, bannerMismatch);

        for (Command command : commands(block(doc, "curl against http-server"))) {
            assertNull(Transcript.mismatch(command.shown(), shell(command.line())), "$ " + command.line());
        }

        List<String> log = block(doc, "http-server log");
        String logged = awaitExcerpt(server, log);
        assertNull(logged, logged);

        Framekit.Result hexdump = framekit.run("http-get", "--hexdump", "--data", "hi", "--chunked", "http://localhost:" + port + "/echo");
        assertEquals(List.of("hi"), hexdump.stdout(), hexdump.transcript());
        assertNull(Transcript.excerptMismatch(block(doc, "http-get hexdump"), hexdump.stderr()));
    }

    @Test
    void lanChatDocShowsWhatChatServerAndChatClientPrint() throws Exception {
        Markdown doc = Markdown.of("docs/lan-chat.md");
        int port = documentedPort(7342);
        int webPort = documentedPort(8080);
        // Announced on loopback only (--discovery-interface lo): the suite sends nothing onto the machine's LAN.
        List<String> loopback = List.of("--discovery-interface", "lo");
        // The doc's framekit is the self-contained one (whose banner says so for the other machine).
        FramekitProcess server = framekit.startProgram(new ProcessBuilder(SelfContained.launcher().toString(),
                "chat-server", "--framing", "delimiter", "--port", "7342", "--web-port", "8080", "--no-qr",
                "--discovery-interface", "lo")).awaitReady();

        String bannerMismatch = awaitExcerpt(server, block(doc, "chat-server banner"));
        assertNull(bannerMismatch, bannerMismatch);

        Framekit.Result alice = framekit.runWithInput("", "chat-client", "--host", "127.0.0.1", "--framing", "delimiter",
                "--name", "alice");
        assertNull(Transcript.excerptMismatch(block(doc, "chat-client joins"), alice.stdout()), alice.transcript());

        // With no --host and no --framing the client finds the server; the doc's server has no --web-port, so no "web".
        Framekit.Result found = framekit.runWithInput("", "chat-client", "--name", "alice", loopback.get(0), loopback.get(1));
        List<String> joining = found.stderr().stream().map(line -> line.replaceFirst("  web \\S+$", "")).toList();
        List<String> shownFound = block(doc, "chat-client finds the server");
        assertNull(Transcript.mismatch(shownFound.subList(0, 1), joining), found.transcript());
        assertNull(Transcript.excerptMismatch(shownFound.subList(1, shownFound.size()), found.stdout()), found.transcript());
        Framekit.Result discovered = framekit.run("discover", loopback.get(0), loopback.get(1));
        assertNull(Transcript.mismatch(block(doc, "discover"), discovered.stdout()), discovered.transcript());
        Framekit.Result none = framekit.run("chat-client", loopback.get(0), loopback.get(1), "--discovery-port", "9");
        assertEquals(1, none.exitCode(), none.transcript());
        assertNull(Transcript.mismatch(block(doc, "chat-client hears no server"), none.stderr()), none.transcript());

        List<String> refusal = shell("curl -s --http0.9 http://127.0.0.1:" + port + "/");
        assertNull(Transcript.mismatch(block(doc, "browser on the chat port"), refusal), "web port " + webPort);
    }

    @Test
    void lanChatDocShowsWhatAClientThatHeardATlsServerPrints(@TempDir Path folder) throws Exception {
        Markdown doc = Markdown.of("docs/lan-chat.md");
        // Announced on loopback, on a discovery port of its own, so that no other room is heard with it.
        String discoveryPort;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            discoveryPort = Integer.toString(probe.getLocalPort());
        }
        framekit.startServer("chat-server", "--tls", "--tls-keystore", folder.resolve("chat-tls.p12").toString(),
                "--discovery-interface", "lo", "--discovery-port", discoveryPort);
        List<String> shown = block(doc, "chat-client pins the announced fingerprint");
        assertEquals("$ framekit chat-client --name alice", shown.get(0));
        Framekit.Result alice = framekit.runWithInput("", "chat-client", "--name", "alice", "--discovery-interface", "lo",
                "--discovery-port", discoveryPort);
        assertNull(Transcript.mismatch(shown.subList(1, 2), alice.stderr()), alice.transcript());
        assertNull(Transcript.excerptMismatch(shown.subList(2, shown.size()), alice.stdout()), alice.transcript());
    }

    /** A block of shown output, found by its {@code <!-- transcript: NAME -->} comment. */
    private static List<String> block(Markdown doc, String name) {
        return doc.codeBlocks().stream().filter(b -> b.comment().equals("transcript: " + name)).findFirst()
                .orElseThrow(() -> new AssertionError(doc.path() + " has no block marked transcript: " + name)).lines();
    }

    private record Command(String line, List<String> shown) {}

    /** The {@code $ } lines of a console block, each with the lines shown under it (up to a blank line before the next). */
    private static List<Command> commands(List<String> block) {
        List<Command> commands = new ArrayList<>();
        for (String line : block) {
            if (line.startsWith("$ ")) {
                commands.add(new Command(line.substring(2), new ArrayList<>()));
            } else {
                assertTrue(!commands.isEmpty(), "a console block starts with a $ command: " + line);
                commands.get(commands.size() - 1).shown().add(line);
            }
        }
        for (Command command : commands) {
            List<String> shown = command.shown();
            while (!shown.isEmpty() && shown.get(shown.size() - 1).isEmpty()) {
                shown.remove(shown.size() - 1);
            }
        }
        return commands;
    }

    /** Runs a documented shell line with bash and returns its standard output, line by line, CRs dropped. */
    private static List<String> shell(String line) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", line).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("still running after 30 s: " + line);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(new String(out, StandardCharsets.UTF_8).replace("\r", "").split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Waits for the server to print the shown lines (a refused request is logged after its linger); null once it has. */
    private static String awaitExcerpt(FramekitProcess server, List<String> shown) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String mismatch;
        while ((mismatch = Transcript.excerptMismatch(shown, server.stdoutLines())) != null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return mismatch;
    }

    /** The port a doc shows, if nothing here listens on it; otherwise the test is skipped with the reason. */
    private static int documentedPort(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            Assumptions.abort("port " + port + ", which the doc shows, is in use here: " + e.getMessage());
            return port;
        }
    }
}

package dev.framekit.demos.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's standard library, on both sides: {@code http.client} keep-alive requests to
 * {@code http-server}, and {@code http.server} (HTTP/1.0, Content-Length) plus a small
 * {@code BaseHTTPRequestHandler} on HTTP/1.1 (chunked; no length and close) as the servers
 * {@code http-get} reassembles every body from, byte for byte.
 */
@Peer
@Needs(Capability.PYTHON3)
@Timeout(90)
class HttpPythonIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();
    private Process python;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (python != null) {
            python.destroyForcibly();
        }
    }

    private Path script(String name) throws IOException {
        try (InputStream in = HttpPythonIT.class.getResourceAsStream(name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private Path randomFile(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void httpClientKeepsOneConnectionForEveryRequest() throws IOException {
        FramekitProcess server = framekit.startServer("http-server");
        Peers.Run run = Peers.run(Peers.python(script("keepalive_client.py"), Integer.toString(server.port())));
        List<String> lines = run.stdoutText().lines().toList();
        HexFormat hex = HexFormat.of();
        assertEquals(6, lines.size(), run.transcript());
        assertTrue(lines.get(0).startsWith("GET / 200 "), run.transcript());
        assertEquals("POST /echo 200 " + hex.formatHex("\0\u00ffbinary\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)),
                lines.get(1));
        assertEquals("POST /reverse 200 " + hex.formatHex("olléh".getBytes(StandardCharsets.UTF_8)), lines.get(2));
        assertEquals("HEAD / 200 ", lines.get(3));
        assertTrue(lines.get(4).startsWith("GET /missing 404 "), run.transcript());
        assertEquals("one connection", lines.get(5), run.transcript());
        server.awaitLine("5 messages in .*ended cleanly");
        assertEquals(1, server.stdoutLines().stream().filter(line -> line.endsWith(" connected")).count(),
                server.transcript());
    }

    @Test
    void httpGetReassemblesFilesFromPythonsHttpServer() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path big = randomFile("site/big.bin", 300_007, 1);
        Path small = Files.writeString(site.resolve("small.txt"), "héllo\n");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        python = new ProcessBuilder(Peers.PYTHON, "-m", "http.server", Integer.toString(port), "--bind", "127.0.0.1",
                "--directory", site.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("py.log").toFile()).start();
        awaitListening(port);
        String base = "http://127.0.0.1:" + port;
        Peers.Run run = Peers.httpGet(base + "/big.bin", base + "/small.txt", base + "/big.bin");
        assertEquals(0, run.exitCode(), run.stderr());
        assertArrayEquals(concat(Files.readAllBytes(big), Files.readAllBytes(small), Files.readAllBytes(big)), run.stdout());
    }

    @Test
    void httpGetReassemblesChunkedAndCloseDelimitedBodies() throws Exception {
        Path data = randomFile("data.bin", 150_000, 2);
        python = new ProcessBuilder(Peers.PYTHON, script("body_server.py").toString(), data.toString()).start();
        String ready = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(ready != null && ready.startsWith("ready "), "python server: " + ready);
        String base = "http://127.0.0.1:" + ready.substring(6).strip();
        byte[] expected = Files.readAllBytes(data);

        Peers.Run chunked = Peers.httpGet(base + "/chunked", base + "/chunked");
        assertEquals(0, chunked.exitCode(), chunked.stderr());
        assertArrayEquals(concat(expected, expected), chunked.stdout(), "two chunked bodies on one connection");

        Peers.Run close = Peers.httpGet("-i", base + "/close");
        assertEquals(0, close.exitCode(), close.stderr());
        String text = new String(close.stdout(), StandardCharsets.ISO_8859_1);
        int body = text.indexOf("\r\n\r\n") + 4;
        assertTrue(text.startsWith("HTTP/1.1 200 OK\r\n") && text.contains("Connection: close"), text.substring(0, body));
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(close.stdout(), body, close.stdout().length));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("python -m http.server did not listen on " + port);
    }
}

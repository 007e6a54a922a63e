package dev.framekit.demos.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code http-get} in a 64 MiB heap against a Python server that sends what a client must survive:
 * a body far larger than the heap (in one chunk, or until close), a body that trickles for
 * minutes, and a reason phrase and header with escape sequences.
 */
@Peer
@Needs(Capability.PYTHON3)
@Timeout(120)
class HttpGetHostileServerIT {
    /** 256 MiB: four times the heap http-get runs in. */
    private static final long HUGE = 256L << 20;

    @TempDir
    Path dir;
    private Process python;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        Path script = dir.resolve("hostile_server.py");
        try (InputStream in = HttpGetHostileServerIT.class.getResourceAsStream("hostile_server.py")) {
            Files.write(script, in.readAllBytes());
        }
        python = new ProcessBuilder(Peers.PYTHON, script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String ready = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(ready != null && ready.startsWith("ready "), "python server: " + ready);
        base = "http://127.0.0.1:" + ready.substring(6).strip();
    }

    @AfterEach
    void stop() {
        python.destroyForcibly();
    }

    @Test
    void aChunkFourTimesTheHeapStreamsThroughHttpGetIn64Mib() throws Exception {
        assertEquals("exit 0, " + HUGE + " bytes, every one as sent", streamThrough(base + "/chunk?" + HUGE));
    }

    @Test
    void aBodyUntilCloseFourTimesTheHeapStreamsThroughHttpGetIn64Mib() throws Exception {
        assertEquals("exit 0, " + HUGE + " bytes, every one as sent", streamThrough(base + "/close?" + HUGE));
    }

    @Test
    void aBodyOverMaxBodyFailsTheFetchAfterTheBytesUpToIt() throws Exception {
        Process get = httpGet("--max-body", "1m", base + "/chunk?" + (8 << 20));
        long bytes = checkedBytes(get.getInputStream());
        assertTrue(get.waitFor(30, TimeUnit.SECONDS));
        String stderr = new String(get.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, get.exitValue(), stderr);
        assertTrue(bytes <= 1 << 20, bytes + " bytes written");
        assertTrue(stderr.contains("1048576"), stderr);
    }

    @Test
    void maxTimeEndsABodyThatTricklesForMinutes() throws Exception {
        long start = System.nanoTime();
        Process get = httpGet("--max-time", "2s", base + "/trickle");
        assertTrue(get.waitFor(30, TimeUnit.SECONDS), "http-get still running after 30 s");
        double seconds = (System.nanoTime() - start) / 1e9;
        String stderr = new String(get.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, get.exitValue(), stderr);
        assertTrue(stderr.contains("gave up after --max-time 2 s"), stderr);
        assertTrue(seconds < 15, "ended " + seconds + " s after the start");
    }

    @Test
    void maxTimeAlsoBoundsAConnectThatIsNeverAnswered() throws Exception {
        List<Socket> queued = new java.util.ArrayList<>();
        try (ServerSocket neverAccepts = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), neverAccepts.getLocalPort());
            for (int i = 0; i < 8; i++) { // fill its accept queue: then the kernel drops further SYNs
                Socket socket = new Socket();
                try {
                    socket.connect(address, 500);
                    queued.add(socket);
                } catch (SocketTimeoutException full) {
                    socket.close();
                    break;
                }
            }
            long start = System.nanoTime();
            Process get = httpGet("--timeout", "0", "--max-time", "2s", "http://127.0.0.1:" + address.getPort() + "/");
            assertTrue(get.waitFor(30, TimeUnit.SECONDS), "http-get still connecting after 30 s");
            double seconds = (System.nanoTime() - start) / 1e9;
            String stderr = new String(get.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, get.exitValue(), stderr);
            assertTrue(stderr.contains("gave up after --max-time 2 s"), stderr);
            assertTrue(seconds < 15, "ended " + seconds + " s after the start");
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    @Test
    void aReasonPhraseAndHeaderWithEscapeSequencesArePrintedVisibly() throws Exception {
        Peers.Run run = Peers.httpGet("-i", base + "/reason");
        assertEquals(0, run.exitCode(), run.transcript());
        String text = new String(run.stdout(), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("HTTP/1.1 200 OK\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\r\n"), text);
        assertTrue(text.contains("X-Note: caf\\xe9 \\x9b31m\r\n"), text);
        assertTrue(text.endsWith("\r\n\r\nhi"), text);
        for (byte b : run.stdout()) {
            assertFalse((b < 0x20 && b != '\r' && b != '\n') || b == 0x7f || b < 0, "a raw byte " + b + " in " + text);
        }
    }

    /** Runs http-get in a 64 MiB heap on {@code url}, reads and checks its output as it comes: what it ended with. */
    private String streamThrough(String url) throws Exception {
        Process get = httpGet(url);
        long bytes = checkedBytes(get.getInputStream());
        assertTrue(get.waitFor(60, TimeUnit.SECONDS), "http-get still running");
        String stderr = new String(get.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return "exit " + get.exitValue() + ", " + bytes + " bytes, every one as sent" + (stderr.isEmpty() ? "" : "\n" + stderr);
    }

    private static Process httpGet(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Framekit.java(), "-Xmx64m", "-jar",
                Framekit.jar().toString(), "http-get"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** Reads {@code in} to its end, checking that byte i is i mod 251 (the server's pattern); returns the count. */
    private static long checkedBytes(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long count = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            for (int i = 0; i < n; i++) {
                if ((buffer[i] & 0xff) != (count + i) % 251) {
                    throw new AssertionError("byte " + (count + i) + " is " + (buffer[i] & 0xff) + ", not " + (count + i) % 251);
                }
            }
            count += n;
        }
        return count;
    }
}

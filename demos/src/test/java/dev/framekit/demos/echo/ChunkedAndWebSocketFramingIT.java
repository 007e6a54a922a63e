package dev.framekit.demos.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two framings whose rules come from HTTP, on the command line: {@code --framing chunked}
 * (each message one chunk) and {@code --framing websocket} (RFC 6455 frames without the
 * handshake, masked by the client's end only), the real echo-server and echo-client over
 * loopback; and for WebSocket, Python's {@code websockets} frames as the client's end, which
 * the server echoes, and an unmasked client frame, which it refuses while carrying on.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChunkedAndWebSocketFramingIT {
    private static final String PYTHON = Capability.PYTHON;

    @RegisterExtension
    final Framekit framekit = new Framekit();

    @TempDir
    Path dir;

    private Framekit.Result echo(FramekitProcess server, String framing, String... messages) {
        List<String> args = new java.util.ArrayList<>(List.of("echo-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--timeout", "5s", "--framing", framing));
        args.addAll(List.of(messages));
        return framekit.run(args.toArray(String[]::new));
    }

    @Test
    void chunkedEchoesEveryMessageAsAChunkAndEndsCleanly() {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "chunked");
        Framekit.Result result = echo(server, "chunked", "hello", "héllo wörld ✓", "x".repeat(5000));

        assertEquals(0, result.exitCode(), result.transcript());
        assertEquals(List.of("hello", "héllo wörld ✓", "x".repeat(5000)), result.stdout(), result.transcript());
        server.awaitLine(Pattern.quote("3 messages in (5022 bytes), 3 out (5022 bytes); ended cleanly"));
    }

    @Test
    void chunkedRefusesAnEmptyMessageWithOneLine() {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "chunked");
        Framekit.Result result = framekit.runWithInput("before\n\nafter\n", "echo-client", "--host", "127.0.0.1",
                "--port", Integer.toString(server.port()), "--timeout", "5s", "--framing", "chunked");

        assertTrue(result.stdout().contains("before"), result.transcript());
        assertTrue(result.stderrText().contains("size 0") || result.stderrText().contains("empty"), result.transcript());
        assertTrue(result.stderrText().lines().noneMatch(line -> line.startsWith("\tat ")), "no stack trace: " + result.transcript());
    }

    @Test
    void webSocketEchoesBetweenTheClientsMaskedEndAndTheServersEnd() {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "websocket");
        Framekit.Result result = echo(server, "websocket", "hello", "y".repeat(70_000));

        assertEquals(0, result.exitCode(), result.transcript());
        assertEquals(List.of("hello", "y".repeat(70_000)), result.stdout(), result.transcript());
        server.awaitLine(Pattern.quote("2 messages in (70005 bytes), 2 out (70005 bytes); ended cleanly"));
    }

    @Needs(Capability.PYTHON3_WEBSOCKETS)
    @Test
    void pythonWebsocketsFramesAreEchoedAndAnUnmaskedClientFrameIsRefused() throws Exception {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "websocket");
        Path script = script();

        String echoed = python(script, server.port(), "echo");
        assertEquals("echoed 5 bytes\nechoed 300 bytes\nechoed 70000 bytes\n", echoed);
        server.awaitLine(Pattern.quote("3 messages in (70305 bytes), 3 out (70305 bytes); ended cleanly"));

        assertEquals("closed\n", python(script, server.port(), "unmasked"));
        String refusal = server.awaitLine("(?i).*mask.*");
        assertTrue(server.isAlive(), server.transcript());
        assertTrue(server.transcript().lines().noneMatch(line -> line.startsWith("\tat ")), "no stack trace: " + refusal);

        Framekit.Result after = echo(server, "websocket", "still here");
        assertEquals(List.of("still here"), after.stdout(), after.transcript());
    }

    private String python(Path script, int port, String mode) throws Exception {
        Process process = new ProcessBuilder(PYTHON, script.toString(), Integer.toString(port), mode)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "python still running: " + out);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private Path script() throws IOException {
        try (InputStream in = ChunkedAndWebSocketFramingIT.class.getResourceAsStream("ws_frames_peer.py")) {
            return Files.write(dir.resolve("ws_frames_peer.py"), in.readAllBytes());
        }
    }
}

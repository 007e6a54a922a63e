package dev.framekit.demos.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The line options on the real echo-server, spoken to by a raw socket the way {@code nc} would:
 * several delimiters, a kept delimiter, the last line at the end of the stream.
 */
@Timeout(60)
class LineOptionsIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    private FramekitProcess server(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("echo-server", "--host", "127.0.0.1", "--port", "0",
                "--framing", "delimiter"));
        args.addAll(List.of(options));
        return framekit.start(args.toArray(String[]::new)).awaitReady();
    }

    /** Sends {@code text}, half-closes, and returns everything the server sends until it closes. */
    private static String exchange(FramekitProcess server, String text) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAlsoDelimiterEndsALineAndEachIsStrippedWhole() throws IOException {
        FramekitProcess server = server("--delimiter", "\\r\\n", "--also-delimiter", "\\n");
        assertEquals("a\r\nb\r\nc\r\n", exchange(server, "a\r\nb\nc\r\n"), server.transcript());
    }

    @Test
    void aKeptDelimiterComesBackAsItCame() throws IOException {
        FramekitProcess server = server("--delimiter", "\\r\\n", "--also-delimiter", "\\n", "--keep-delimiter");
        assertEquals("a\r\nb\n", exchange(server, "a\r\nb\n"), server.transcript());
    }

    @Test
    void theLastLineWithoutItsDelimiterIsAMessageAtTheEndOfTheStream() throws IOException {
        FramekitProcess server = server("--last-frame-at-end");
        assertEquals("a\nb\n", exchange(server, "a\nb"), server.transcript());
        FramekitProcess strict = server();
        try (Socket socket = new Socket("127.0.0.1", strict.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("a\nb".getBytes(StandardCharsets.UTF_8));
            assertEquals("a\n", new String(socket.getInputStream().readNBytes(2), StandardCharsets.UTF_8));
            socket.shutdownOutput();
        }
        strict.awaitLine(".*stream ended .*");
    }
}

package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.console.Console;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A handler that closes its peer for misbehaving resets it, and the reason is the connection's closing line. */
@Timeout(30)
class MisbehavingPeerTest {
    @Test
    void aPeerTheHandlerClosesForMisbehavingIsResetAndTheReasonIsLogged() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FramedServer.Handler handler = (connection, stats) -> {
            connection.readString();
            MisbehavingPeer.close(connection, "too far behind; closed it");
            connection.readString(); // fails: the socket is closed
        };
        FramedServer server = new FramedServer(new FramedServer.Settings("echo-server", "127.0.0.1", 0,
                Framers.lengthPrefixed(), Duration.ZERO, null, false), handler,
                new Console(new PrintStream(log, true, StandardCharsets.UTF_8)));
        int port = server.bind();
        Thread.ofVirtual().start(() -> {
            try {
                server.serve();
            } catch (Exception ignored) {
                // Closed at the end of the test.
            }
        });
        try (FramedConnection client = FramedConnection.connector("127.0.0.1", port).framer(Framers.lengthPrefixed())
                .readTimeout(Duration.ofSeconds(10)).connect()) {
            client.send("hello");
            SocketException reset = assertThrows(SocketException.class, client::readString);
            assertTrue(String.valueOf(reset.getMessage()).toLowerCase().contains("reset"), reset.toString());
        } finally {
            server.close(); // waits for every connection's closing line
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().filter(line -> line.endsWith("; too far behind; closed it")).count(), text);
    }
}

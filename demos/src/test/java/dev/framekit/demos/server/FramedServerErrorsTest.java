package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.console.Console;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An {@link Error} in one connection's thread ends that connection with one line; the server carries on. */
@Timeout(30)
class FramedServerErrorsTest {
    /** The JVM may throw one preallocated OutOfMemoryError again and again: the same object from serve and close. */
    private static final OutOfMemoryError SHARED = new OutOfMemoryError("Java heap space");

    @Test
    void anOutOfMemoryErrorClosesThatConnectionInOneLineAndTheNextIsServed() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AtomicInteger calls = new AtomicInteger();
        FramedServer.Handler handler = (connection, stats) -> {
            String message = connection.readString();
            if (calls.incrementAndGet() == 1) {
                throw SHARED;
            }
            connection.send(message);
        };
        FramedServer.Settings settings = new FramedServer.Settings("echo-server", "127.0.0.1", 0,
                Framers.lengthPrefixed(), Duration.ZERO, null, false);
        FramedServer server = new FramedServer(settings, handler, new Console(new PrintStream(log, true, StandardCharsets.UTF_8)));
        int port = server.bind();
        Thread.ofVirtual().start(() -> {
            try {
                server.serve();
            } catch (Exception ignored) {
                // Closed at the end of the test.
            }
        });
        try {
            try (FramedConnection first = FramedConnection.connector("127.0.0.1", port).framer(Framers.lengthPrefixed())
                    .readTimeout(Duration.ofSeconds(10)).connect()) {
                first.send("boom");
                assertEquals(null, first.readString(), "the failing connection is closed");
            }
            try (FramedConnection second = FramedConnection.connector("127.0.0.1", port).framer(Framers.lengthPrefixed())
                    .readTimeout(Duration.ofSeconds(10)).connect()) {
                second.send("still here");
                assertEquals("still here", second.readString());
            }
        } finally {
            server.close();
        }
        // The connection's thread logs its end after closing it: on a busy machine, after the client saw the close.
        String text = log.toString(StandardCharsets.UTF_8);
        for (int i = 0; i < 100 && !text.contains("closed after an internal error"); i++) {
            Thread.sleep(50);
            text = log.toString(StandardCharsets.UTF_8);
        }
        assertTrue(text.contains("closed after an internal error: out of memory (Java heap space)"), text);
        assertFalse(text.contains("Self-suppression") || text.contains("\tat "), text);
    }
}

package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** What every attack test checks afterwards: the server is alive, serves a healthy client at once, and logged no error. */
final class AfterAttack {
    private AfterAttack() {}

    /**
     * Asserts the server is alive and echoes one message on {@code framer}. While the attack's
     * last bytes are still being read the server may be over its budget, and then it refuses a
     * new connection by design (one "refused:" line); so a refused client tries again, for at
     * most 10 s, and each try must be answered within 5 s.
     */
    static void servesAHealthyClient(FramekitProcess server, Framer framer) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            assertTrue(server.isAlive(), server.transcript());
            String reply;
            try (FramedConnection good = FramedConnection.connector("127.0.0.1", server.port()).framer(framer)
                    .readTimeout(Duration.ofSeconds(5)).connect()) {
                good.send("still answering");
                reply = good.readString();
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("the healthy client got no answer within 5 s\n" + server.transcript(), e);
            } catch (IOException refused) {
                reply = null;
            }
            // Refused on send-and-close reads as an empty message: the server ended the stream unanswered.
            if ((reply != null && !reply.isEmpty()) || System.nanoTime() > deadline) {
                assertEquals("still answering", reply, server.transcript());
                return;
            }
            Thread.sleep(200);
        }
    }

    /**
     * Asserts the server's output has no OutOfMemoryError, no stack trace, and no connection
     * closed after an internal error: a contained {@code OutOfMemoryError} is logged as {@code
     * closed after an internal error: out of memory (...)}, without the class name.
     */
    static void loggedNoErrors(FramekitProcess server) {
        String output = String.join("\n", server.stdoutLines()) + "\n" + String.join("\n", server.stderrLines());
        assertFalse(output.contains("OutOfMemoryError"), server.transcript());
        assertFalse(output.contains("closed after an internal error"), server.transcript());
        assertFalse(output.contains("\tat ") || output.contains("Exception in thread"), server.transcript());
    }

    /** How many stdout lines so far contain {@code text}. */
    static long linesContaining(FramekitProcess server, String text) {
        List<String> lines = server.stdoutLines();
        return lines.stream().filter(line -> line.contains(text)).count();
    }

    /** Waits up to {@code timeout} until {@code count} stdout lines contain {@code text}; returns how many did. */
    static long awaitLines(FramekitProcess server, String text, long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen;
        while ((seen = linesContaining(server, text)) < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return seen;
    }
}

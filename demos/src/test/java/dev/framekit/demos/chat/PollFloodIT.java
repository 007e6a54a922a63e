package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --flood-limit} on send-and-close chat, where every post is a connection of its own
 * ({@code SAY TOKEN\nLINE}): a member posting as fast as it can is answered at the limit's pace,
 * so it posts no faster than the limit allows; it is told so once, and every line it posted
 * reaches the room, in order.
 */
@Timeout(60)
class PollFloodIT {
    private static final int LIMIT = 20;
    private static final int LINES = 150;

    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void aPollerPostingFasterThanTheFloodLimitIsSlowedToItAndLosesNothing() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "close", "--flood-limit",
                Integer.toString(LIMIT));
        String flooder = token(exchange(server, "JOIN flooder"));
        String reader = token(exchange(server, "JOIN reader"));

        long start = System.nanoTime();
        for (int i = 0; i < LINES; i++) {
            assertEquals("OK", exchange(server, "SAY " + flooder + "\nline " + i), "post " + i);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // A burst of LIMIT lines, then one every 1/LIMIT s: 6.5 s in all. Without flood control, well under a second.
        double least = 0.8 * (LINES - LIMIT) / LIMIT;
        System.out.printf("send-and-close chat, --flood-limit %d: %d posts took %.1f s%n", LIMIT, LINES, seconds);
        assertTrue(seconds >= least, LINES + " posts at " + LIMIT + " a second (burst " + LIMIT + ") took " + seconds
                + " s, under " + least + " s\n" + server.transcript());

        List<String> said = pollUntil(server, reader, lines -> lines.stream().filter(l -> l.startsWith("<flooder> ")).count()
                >= LINES).stream().filter(line -> line.startsWith("<flooder> ")).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            expected.add("<flooder> line " + i);
        }
        assertEquals(expected, said, "every line reached the room, in order");

        // The reader's last word comes after everything the flooder was sent while it posted.
        assertEquals("OK", exchange(server, "SAY " + reader + "\ndone"));
        List<String> notices = pollUntil(server, flooder, lines -> lines.contains("<reader> done")).stream()
                .filter(line -> line.startsWith("-- you are sending more than " + LIMIT + " lines a second")).toList();
        assertEquals(1, notices.size(), "told once: " + notices);
        assertTrue(notices.get(0).contains("nothing is lost"), notices.get(0));
        assertTrue(server.isAlive(), server.transcript());
    }

    /**
     * Polls as the member with {@code token}, acknowledging each batch, until the lines so far
     * satisfy {@code enough}; a poll that brings nothing (after the server's poll wait) ends it
     * with what came.
     */
    private static List<String> pollUntil(FramekitProcess server, String token, Predicate<List<String>> enough)
            throws IOException {
        List<String> lines = new ArrayList<>();
        long last = 0;
        while (!enough.test(lines)) {
            String reply = exchange(server, "POLL " + token + " " + last + "\n");
            assertTrue(reply.startsWith("OK "), reply);
            String[] parts = reply.split("\n");
            long now = Long.parseLong(parts[0].substring(3));
            if (now == last) {
                return lines;
            }
            lines.addAll(List.of(parts).subList(1, parts.length));
            last = now;
        }
        return lines;
    }

    private static String token(String reply) {
        assertTrue(reply.startsWith("OK "), reply);
        return reply.substring(3);
    }

    private static String exchange(FramekitProcess server, String request) throws IOException {
        try (FramedConnection connection = FramedConnection.connector("127.0.0.1", server.port())
                .framer(Framers.sendAndClose()).readTimeout(Duration.ofSeconds(30)).connect()) {
            return connection.exchange(request);
        }
    }
}

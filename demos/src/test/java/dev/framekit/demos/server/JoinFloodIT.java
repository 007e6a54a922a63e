package dev.framekit.demos.server;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A flood of JOINs on chat's send-and-close port (16 connections at a time, each joining as fast as
 * the server answers, never polling) against the real jar in {@code -Xmx64m}: every member is told of
 * every join, so without a limit the flood's members fill the memory budget within seconds (the
 * server sheds members and refuses connections, a real member's posts among them). With
 * {@code --join-limit} (default 5 a second from one address) the flood is slowed to it, one log
 * line says so, the flood's members are let go for not polling within 20 s of joining, and the real
 * polling member keeps every real line, in order, and stays in the room.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JoinFloodIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void aJoinFloodDoesNotEvictTheRealPollerWhoKeepsEveryLine() throws Exception {
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "chat-server", "--host", "127.0.0.1",
                "--port", "0", "--framing", "close").awaitReady();
        String poller = token(exchange(server, "JOIN poller"));
        String sayer = token(exchange(server, "JOIN sayer"));
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> gone = new CopyOnWriteArrayList<>();
        Thread polls = polling(server, poller, heard, gone);
        Thread sayerPolls = polling(server, sayer, new CopyOnWriteArrayList<>(), gone); // acknowledges what it is told
        long floodStarts = System.nanoTime();
        long floodEnds = floodStarts + Duration.ofSeconds(20).toNanos();
        AtomicInteger joins = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> flooders = new ArrayList<>();
        for (int f = 0; f < 16; f++) {
            flooders.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < floodEnds) {
                    try {
                        String reply = exchange(server, "JOIN");
                        if (reply.startsWith("OK ")) {
                            joins.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        int lines = 0;
        while (System.nanoTime() < floodEnds) {
            assertEquals("OK", exchange(server, "SAY " + sayer + "\n" + lines++));
            Thread.sleep(50);
        }
        for (Thread flooder : flooders) {
            flooder.join();
        }
        double floodSeconds = (System.nanoTime() - floodStarts) / 1e9; // the last JOINs waited their turn past the 20 s
        assertEquals("OK", exchange(server, "SAY " + sayer + "\ndone"));
        polls.join(Duration.ofSeconds(60));
        stopped = true;
        sayerPolls.join(Duration.ofSeconds(30));
        System.out.printf("join flood: %d joins, %d refused; the poller heard %d of %d lines%n", joins.get(),
                refused.get(), heard.size() - 1, lines);
        assertEquals(List.of(), gone, server.transcript());
        assertTrue(joins.get() <= 5 + 5 * floodSeconds + 2, joins.get() + " joins in " + floodSeconds
                + " s, more than --join-limit 5 lets through");
        assertEquals(1, AfterAttack.linesContaining(server, "127.0.0.1 sends more than 5 JOINs a second;"
                + " the replies to them are slowed down (--join-limit)"), server.transcript());
        assertEquals(0, AfterAttack.linesContaining(server, "--max-memory"), server.transcript());
        // The flood's members never poll: each is let go 20 to 25 s after it joined, and holds nothing from then on.
        assertEquals(joins.get(), AfterAttack.awaitLines(server, "left: timed out: no poll within 20 s of joining",
                joins.get(), Duration.ofSeconds(40)), server.transcript());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            expected.add("<sayer> " + i);
        }
        expected.add("<sayer> done");
        assertEquals(expected, heard);
        assertTrue(server.isAlive());
        AfterAttack.loggedNoErrors(server);
    }

    private volatile boolean stopped;

    /** Polls as {@code token} until the sayer's "done" or {@link #stopped}, acknowledging every line; its lines from the sayer go to {@code heard}. */
    private Thread polling(FramekitProcess server, String token, List<String> heard, List<String> gone) {
        return Thread.ofVirtual().start(() -> {
            try {
                for (long last = 0; !heard.contains("<sayer> done") && !stopped; ) {
                    String reply = exchange(server, "POLL " + token + " " + last);
                    if (!reply.startsWith("OK ")) {
                        gone.add(reply);
                        return;
                    }
                    String[] parts = reply.split("\n");
                    last = Long.parseLong(parts[0].substring(3));
                    for (int i = 1; i < parts.length; i++) {
                        if (parts[i].startsWith("<sayer> ")) {
                            heard.add(parts[i]);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                gone.add("failed: " + e);
            }
        });
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

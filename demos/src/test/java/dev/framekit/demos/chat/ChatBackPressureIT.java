package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.SocketStates;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.websocket.WebSocketConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Back-pressure in the real jar's chat-server, in a 64 MiB heap: a member that reads but falls
 * behind (it pauses) slows the sender instead of losing lines, on a stream, by polling and in a
 * browser's WebSocket; a member that never reads is dropped with one line after
 * {@code --write-timeout}, and holds the sender back no longer than that.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ChatBackPressureIT {
    private static final String PADDING = "p".repeat(1_000);
    private static final String STUCK_LEFT = "-- stuck left (disconnected: too far behind, it took no line for 2 s (--write-timeout))";

    @RegisterExtension
    final Framekit framekit = new Framekit();

    private FramekitProcess chatServer(String... options) {
        List<String> args = new ArrayList<>(List.of("chat-server", "--host", "127.0.0.1", "--port", "0",
                "--write-timeout", "2s", "--flood-limit", "0", "--flood-bytes", "0"));
        args.addAll(List.of(options));
        return framekit.startWithJvmOptions(List.of("-Xmx64m"), args.toArray(String[]::new)).awaitReady();
    }

    @Test
    void aStreamMemberThatFallsBehindGetsEveryLineInOrderWhileANeverReaderIsDroppedInOneLine() throws Exception {
        FramekitProcess server = chatServer("--framing", "delimiter", "--max-queue", "256k");
        int lines = 20_000;
        try (Line stuck = Line.joined(server, "stuck", 8 * 1024);
                Line reader = Line.joined(server, "reader", 0);
                Line flooder = Line.joined(server, "flooder", 0)) {
            Thread writer = flooder.flood(lines, PADDING);
            List<String> notices = new ArrayList<>();
            for (int expected = 0; expected < lines; ) {
                String line = reader.readLine(server);
                if (line.startsWith("<flooder> ")) {
                    assertEquals("<flooder> " + expected + " " + PADDING, line, "line " + expected);
                    expected++;
                    pauseNowAndThen(expected, 2_000, 150); // reads, but falls behind a sender that is not slowed
                } else if (line.startsWith("-- stuck")) {
                    notices.add(line);
                }
            }
            writer.join();
            assertEquals(List.of(STUCK_LEFT), notices, "stuck was dropped, once");
        }
        assertEquals(1, count(server, "stuck left"), server.transcript());
        assertTrue(server.isAlive());
    }

    @Test
    @Needs(Capability.SS)
    void aNeverReaderTheRoomDropsIsResetAndLeavesNoFinWait1SocketHoldingItsLines() throws Exception {
        FramekitProcess server = chatServer("--framing", "delimiter");
        String big = "b".repeat(64 * 1024);
        try (Line stuck = Line.joined(server, "stuck", 4096);
                Line flooder = Line.joined(server, "flooder", 0)) {
            Thread writer = flooder.flood(200, big); // 12.8 MB: more than the stuck member's socket and queue hold
            server.awaitLine(".*stuck left: disconnected: too far behind.*");
            Thread.sleep(1000);

            List<String> held = SocketStates.finWait1WithBytesQueued(server.port());
            assertTrue(held.isEmpty(), "sockets still holding lines for the dropped member:\n" + String.join("\n", held));
            assertEquals("reset", SocketStates.readUntilTheEnd(stuck.socket), server.transcript());
            writer.join();
        }
        assertTrue(server.isAlive());
    }

    @Test
    void halfMebibyteLinesAllReachAReaderInA64MibHeap() throws Exception {
        FramekitProcess server = chatServer("--framing", "delimiter");
        int lines = 120;
        String big = "b".repeat(512 * 1024 - 20);
        try (Line stuck = Line.joined(server, "stuck", 8 * 1024);
                Line reader = Line.joined(server, "reader", 0);
                Line flooder = Line.joined(server, "flooder", 0)) {
            Thread writer = flooder.flood(lines, big);
            for (int expected = 0; expected < lines; ) {
                String line = reader.readLine(server);
                if (line.startsWith("<flooder> ")) {
                    assertEquals("<flooder> " + expected + " " + big, line, "line " + expected);
                    expected++;
                    pauseNowAndThen(expected, 10, 300);
                }
            }
            writer.join();
        }
        assertEquals(1, count(server, "stuck left: disconnected: too far behind, it took no line for 2 s"),
                server.transcript());
        assertTrue(server.isAlive());
        assertEquals(0, count(server, "OutOfMemoryError|shed"), server.transcript());
    }

    @Test
    void aPollingMemberThatFallsBehindGetsEveryLineInOrderWhileANeverPollerIsDropped() throws Exception {
        FramekitProcess server = chatServer("--framing", "close", "--max-queue", "64k");
        int lines = 2_000;
        String stuck = token(exchange(server, "JOIN stuck"));
        String reader = token(exchange(server, "JOIN reader"));
        String flooder = token(exchange(server, "JOIN flooder"));
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < lines; i++) {
                    assertEquals("OK", exchange(server, "SAY " + flooder + "\n" + i + " " + PADDING));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> notices = new ArrayList<>();
        long last = 0;
        for (int expected = 0; expected < lines; ) {
            String reply = exchange(server, "POLL " + reader + " " + last);
            String[] parts = reply.split("\n");
            assertTrue(parts[0].startsWith("OK "), reply.substring(0, Math.min(200, reply.length())));
            last = Long.parseLong(parts[0].substring(3));
            for (String line : List.of(parts).subList(1, parts.length)) {
                if (line.startsWith("<flooder> ")) {
                    assertEquals("<flooder> " + expected + " " + PADDING, line, "line " + expected);
                    expected++;
                } else if (line.startsWith("-- stuck")) {
                    notices.add(line);
                }
            }
            Thread.sleep(150); // polls, but falls behind a sender that is not slowed
        }
        writer.join();
        assertEquals(List.of(STUCK_LEFT), notices);
        assertTrue(exchange(server, "POLL " + stuck + " 0").startsWith("GONE disconnected: too far behind"));
        assertEquals(1, count(server, "stuck left"), server.transcript());
    }

    @Test
    void aPollingChatClientWhosePostIsHeldBackPostsItOnce() throws Exception {
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "chat-server", "--host", "127.0.0.1",
                "--port", "0", "--framing", "close", "--max-queue", "4k", "--write-timeout", "5s").awaitReady();
        String reader = token(exchange(server, "JOIN reader"));
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread polls = Thread.ofVirtual().start(() -> { // the reader polls all along
            try {
                for (long last = 0; !said.contains("<pusher> done"); ) {
                    String[] parts = exchange(server, "POLL " + reader + " " + last).split("\n");
                    last = Long.parseLong(parts[0].substring(3));
                    said.addAll(List.of(parts).subList(1, parts.length));
                }
            } catch (IOException | RuntimeException e) {
                said.add("failed: " + e);
            }
        });
        FramekitProcess alice = framekit.start("chat-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--framing", "close", "--name", "alice", "--timeout", "1s");
        alice.awaitLine("^-- you are now alice$");
        token(exchange(server, "JOIN stuck")); // never polls
        String pusher = token(exchange(server, "JOIN pusher"));
        assertEquals("OK", exchange(server, "SAY " + pusher + "\n" + "x".repeat(5_000))); // stuck is behind now
        alice.send("hello"); // held back until stuck is dropped, about 5 s: longer than alice's --timeout
        server.awaitLine("stuck left: disconnected: too far behind");
        Thread.sleep(1_000); // a post alice sent again meanwhile would be in the room by now
        assertEquals("OK", exchange(server, "SAY " + pusher + "\ndone"));
        polls.join(Duration.ofSeconds(30));
        assertEquals(List.of("<alice> hello"), said.stream().filter(line -> line.startsWith("<alice>")).toList(),
                said.stream().map(line -> line.length() > 80 ? line.substring(0, 80) + "..." : line).toList().toString());
        alice.closeStdin();
    }

    @Test
    void aWebMemberThatFallsBehindGetsEveryLineInOrderWhileANeverReaderIsDropped() throws Exception {
        FramekitProcess server = chatServer("--framing", "delimiter", "--max-queue", "256k", "--web-port", "0", "--no-qr");
        Matcher web = Pattern.compile(":(\\d+) ").matcher(server.awaitLine("^chat-server-web listening on "));
        assertTrue(web.find());
        int lines = 5_000;
        try (Line stuck = Line.joined(server, "stuck", 8 * 1024);
                WebSocketConnection reader = WebSocketConnection.connect("127.0.0.1", Integer.parseInt(web.group(1)), "/chat");
                Line flooder = Line.joined(server, "flooder", 0)) {
            reader.sendText("/nick reader");
            while (!reader.readText().equals("-- you are now reader")) {
                // The welcome and the roster first.
            }
            Thread writer = flooder.flood(lines, PADDING);
            List<String> notices = new ArrayList<>();
            for (int expected = 0; expected < lines; ) {
                String line = reader.readText();
                if (line.startsWith("<flooder> ")) {
                    assertEquals("<flooder> " + expected + " " + PADDING, line, "line " + expected);
                    expected++;
                    pauseNowAndThen(expected, 1_000, 150);
                } else if (line.startsWith("-- stuck")) {
                    notices.add(line);
                }
            }
            writer.join();
            assertEquals(List.of(STUCK_LEFT), notices);
        }
        assertEquals(1, count(server, "stuck left"), server.transcript());
    }

    @Test
    void aNeverReaderHoldsTheSenderBackForAboutTheWriteTimeoutAndNoLonger() throws Exception {
        FramekitProcess server = chatServer("--framing", "delimiter", "--max-queue", "64k");
        int lines = 10_000; // more than the kernel's buffers on loopback take (they grow to some MiB)
        try (Line stuck = Line.joined(server, "stuck", 8 * 1024);
                Line watcher = Line.joined(server, "watcher", 0);
                Line flooder = Line.joined(server, "flooder", 0)) {
            Thread writer = flooder.flood(lines, PADDING);
            long longestGap = 0;
            long previous = System.nanoTime();
            for (int seen = 0; seen < lines; ) {
                String line = watcher.readLine(server);
                long now = System.nanoTime();
                if (line.startsWith("<flooder> ")) {
                    seen++;
                    longestGap = Math.max(longestGap, now - previous);
                    previous = now;
                }
            }
            writer.join();
            double held = longestGap / 1e9;
            System.out.printf("chat back-pressure: a never-reader held the sender back %.2f s (--write-timeout 2s)%n", held);
            assertTrue(held >= 1.5, "the sender was not held back for the member behind: " + held + " s");
            assertTrue(held < 4.5, "held back " + held + " s, well past the write timeout of 2 s");
        }
        assertEquals(1, count(server, "stuck left: disconnected: too far behind, it took no line for 2 s"),
                server.transcript());
    }

    /** Pauses {@code millis} after every {@code every} lines: a member that reads, but slower than the sender posts. */
    private static void pauseNowAndThen(int count, int every, long millis) throws InterruptedException {
        if (count % every == 0) {
            Thread.sleep(millis);
        }
    }

    private static long count(FramekitProcess server, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return server.stdoutLines().stream().filter(line -> pattern.matcher(line).find()).count();
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

    /** A member on the \n framing, as nc speaks, with the name it took. */
    private static final class Line implements AutoCloseable {
        private final Socket socket = new Socket();
        private final BufferedReader in;
        private final OutputStream out;

        /** Joins as {@code name}; a {@code receiveBuffer} of 0 leaves the system's (which grows). */
        static Line joined(FramekitProcess server, String name, int receiveBuffer) throws IOException {
            Line member = new Line(server.port(), receiveBuffer);
            member.out.write(("/nick " + name + "\n").getBytes(StandardCharsets.UTF_8));
            member.out.flush();
            while (!member.readLine(server).equals("-- you are now " + name)) {
                // The welcome first.
            }
            return member;
        }

        private Line(int port, int receiveBuffer) throws IOException {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        String readLine(FramekitProcess server) throws IOException {
            String line = in.readLine();
            assertTrue(line != null, () -> "the server closed the connection\n" + server.transcript());
            return line;
        }

        /** Posts {@code lines} lines ({@code "N text"}) as fast as the socket takes them, on a thread of its own. */
        Thread flood(int lines, String text) {
            return Thread.ofVirtual().start(() -> {
                StringBuilder batch = new StringBuilder();
                try {
                    for (int i = 0; i < lines; i++) {
                        batch.append(i).append(' ').append(text).append('\n');
                        if (batch.length() > 256 * 1024 || i == lines - 1) {
                            out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                            batch.setLength(0);
                        }
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chat demo end to end: the real jar's server, real clients, raw line clients the way nc speaks. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @ParameterizedTest
    @EnumSource(Framings.class)
    void twoChatClientsTalkBothWays(Framings framing) {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        List<String> client = List.of("chat-client", "--host", "127.0.0.1", "--port", Integer.toString(server.port()));
        FramekitProcess alice = framekit.start(framing.args(client, "--name", "alice"));
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = framekit.start(framing.args(client, "--name", "bob"));
        bob.awaitLine("-- you are now bob");
        alice.awaitLine("^-- bob joined$");

        alice.send("hello bob");
        bob.awaitLine("^<alice> hello bob$");
        bob.send("hi alice ✓");
        alice.awaitLine("^<bob> hi alice ✓$");
        bob.send("/me waves");
        alice.awaitLine("^\\* bob waves$");
        alice.send("/who");
        alice.awaitLine("^-- in the room \\(2\\): ");

        bob.send("/quit");
        alice.awaitLine("^-- bob left");
        assertEquals(0, bob.awaitExit(Duration.ofSeconds(15)), bob.transcript());
        alice.closeStdin();
        assertEquals(0, alice.awaitExit(Duration.ofSeconds(15)), alice.transcript());
        server.awaitLine("alice left");
    }

    @Test
    void rawLineClientsSpeakingLikeNcAndTelnetAreFullMembers() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter");
        try (LineClient telnet = new LineClient(server.port()); LineClient nc = new LineClient(server.port())) {
            telnet.awaitLineStartingWith("-- welcome, ");
            nc.awaitLineStartingWith("-- welcome, ");
            telnet.send("/nick alice\r\n");
            telnet.awaitLineStartingWith("-- you are now alice");
            nc.send("/nick bob\n");
            nc.awaitLineStartingWith("-- you are now bob");

            telnet.send("hello from telnet\r\n");
            assertEquals("<alice> hello from telnet", nc.awaitLineStartingWith("<alice>"));
            nc.send("hello from nc\n");
            assertEquals("<bob> hello from nc", telnet.awaitLineStartingWith("<bob>"));
            nc.send("/msg alice psst\n");
            assertEquals("*bob* psst", telnet.awaitLineStartingWith("*bob*"));

            telnet.send("/quit\r\n");
            assertEquals("-- bye, alice", telnet.awaitLineStartingWith("-- bye"));
            assertEquals(null, telnet.readLineOrEnd(), "the server closes the connection after /quit");
            assertEquals("-- alice left (quit)", nc.awaitLineStartingWith("-- alice left"));
        }
        server.awaitLine("ended cleanly$");
        assertTrue(server.isAlive());
    }

    @Test
    void aLineMemberIsNotSentItsOwnLinesBack() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter", "--web-port", "0", "--no-qr");
        try (LineClient alice = joined(new LineClient(server.port()), "alice");
                LineClient bob = joined(new LineClient(server.port()), "bob")) {
            alice.send("hello\n");
            alice.send("/me waves\n");
            alice.send("/who\n");
            assertEquals("<alice> hello", bob.awaitLineStartingWith("<alice>"));
            List<String> seen = new java.util.ArrayList<>();
            for (String line = alice.readLine(); !line.startsWith("-- in the room"); line = alice.readLine()) {
                seen.add(line);
            }
            assertEquals(List.of("-- bob joined"), seen, "no echo, no roster, before the /who reply");
        }
    }

    @Test
    void onShutdownEveryMemberIsToldIncludingNcUsers() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter");
        FramekitProcess alice = framekit.start("chat-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--framing", "delimiter", "--name", "alice", "--reconnect-for", "0");
        alice.awaitLine("^-- you are now alice$");
        try (LineClient nc = joined(new LineClient(server.port()), "bob")) {
            server.close(); // SIGTERM, as Ctrl-C
            assertEquals("-- server shutting down", nc.awaitLineStartingWith("-- server"));
            alice.awaitLine("^-- server shutting down$");
        }
    }

    @Test
    void anOverlongLineGetsANoticeAndTheMemberStays() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter", "--max-frame", "1k");
        try (LineClient alice = new LineClient(server.port()); LineClient bob = new LineClient(server.port())) {
            alice.awaitLineStartingWith("-- welcome, ");
            bob.awaitLineStartingWith("-- welcome, ");
            alice.send("x".repeat(50_000) + "\n");
            assertTrue(alice.awaitLineStartingWith("-- not sent:").contains("longer than 1024 bytes"));
            alice.send("still here\n");
            assertTrue(bob.awaitLineStartingWith("<guest").endsWith("> still here"));
        }
    }

    @Test
    void aMemberThatNeverReadsDoesNotStallTheRoom() throws Exception {
        // Flood control paces the flooder at 5,000 lines a second (5 MB a second: --flood-bytes lets
        // that through); once the stuck member's queue passes 2 MiB the flooder is held back until
        // stuck is dropped, 3 s later (--write-timeout), and a reader that lags slows it the same way.
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter", "--flood-limit", "5000",
                "--flood-bytes", "8m", "--max-queue", "2m", "--write-timeout", "3s");
        int messages = 20_000;
        String padding = "p".repeat(1_000);
        // A small, fixed receive buffer: loopback buffers may otherwise grow to hold all 20 MB.
        // Each joins and takes its name before the next connects, so all three are in the room.
        try (LineClient stuck = joined(new LineClient(server.port(), 8 * 1024), "stuck");
                LineClient healthy = joined(new LineClient(server.port()), "healthy");
                LineClient flooder = joined(new LineClient(server.port()), "flooder")) {

            // 20 MB from one member, written as fast as the socket takes it; "stuck" never reads.
            Thread writer = Thread.ofVirtual().start(() -> {
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < messages; i++) {
                    batch.append(i).append(' ').append(padding).append('\n');
                    if (batch.length() > 256 * 1024 || i == messages - 1) {
                        flooder.sendQuietly(batch.toString());
                        batch.setLength(0);
                    }
                }
            });
            int expected = 0;
            boolean sawStuckLeave = false;
            while (expected < messages) {
                String line = healthy.readLine(server);
                if (line.startsWith("<flooder> ")) {
                    assertEquals("<flooder> " + expected + " " + padding, line, "message " + expected);
                    expected++;
                } else if (line.startsWith("-- stuck left (disconnected: too far behind")) {
                    sawStuckLeave = true;
                }
            }
            writer.join();
            assertTrue(sawStuckLeave, "the stuck member was never disconnected");
        }
        server.awaitLine("stuck left: disconnected: too far behind");
        assertTrue(server.isAlive());
    }

    @Test
    void floodControlSlowsAFastPosterButLosesNothing() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter", "--flood-limit", "100");
        try (LineClient listener = joined(new LineClient(server.port()), "listener");
                LineClient fast = joined(new LineClient(server.port()), "fast")) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 250; i++) {
                burst.append("line ").append(i).append('\n');
            }
            long start = System.nanoTime();
            fast.send(burst.toString());
            for (int i = 0; i < 250; i++) {
                assertEquals("<fast> line " + i, listener.awaitLineStartingWith("<fast>"));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 1_000, "250 lines at 100 a second (burst 100) arrived in " + millis + " ms");
            assertTrue(fast.awaitLineStartingWith("-- you are sending more than 100 lines a second")
                    .contains("nothing is lost"));
        }
    }

    /** Takes {@code name} and waits until the server confirms it: the member is in the room. */
    private static LineClient joined(LineClient client, String name) throws Exception {
        client.send("/nick " + name + "\n");
        client.awaitLineStartingWith("-- you are now " + name);
        return client;
    }

    /** A raw TCP line client, the way nc speaks. */
    static final class LineClient implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        LineClient(int port) throws Exception {
            this(port, 0);
        }

        /** A client whose receive buffer is fixed at {@code receiveBuffer} bytes (0: the system's, which grows). */
        LineClient(int port, int receiveBuffer) throws Exception {
            socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        void send(String text) throws Exception {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void sendQuietly(String text) {
            try {
                send(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The next line, or null once the server has closed the connection. */
        String readLineOrEnd() throws Exception {
            return in.readLine();
        }

        String readLine() throws Exception {
            String line = in.readLine();
            assertFalse(line == null, "the server closed the connection");
            return line;
        }

        /** Reads a line; if the server closed the connection, the failure shows the server's log. */
        String readLine(FramekitProcess server) throws Exception {
            String line = in.readLine();
            assertFalse(line == null, () -> "the server closed the connection\n" + server.transcript());
            return line;
        }

        String awaitLineStartingWith(String prefix) throws Exception {
            while (true) {
                String line = readLine();
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}

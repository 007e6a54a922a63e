package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.RawSockets;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real echo-server at its connection limits: past {@code --max-connections} a new connection
 * is closed at once with a log line; under a low open-file limit the server says so at start-up
 * and refuses connections past it, and running out of descriptors altogether neither stops nor
 * breaks it.
 */
@Needs(Capability.PRLIMIT)
@Timeout(90)
class ConnectionLimitIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final RawSockets sockets = new RawSockets();

    @AfterEach
    void stop() throws IOException {
        sockets.close();
    }

    private Socket connect(FramekitProcess server) throws IOException {
        return sockets.open(server.port());
    }

    /** Starts echo-server with the open-file limit set to {@code files} (soft and hard) by prlimit. */
    private FramekitProcess startWithFileLimit(int files, String... options) {
        List<String> args = new ArrayList<>(List.of("echo-server", "--host", "127.0.0.1", "--port", "0"));
        args.addAll(List.of(options));
        return framekit.startPrefixed(List.of("/usr/bin/prlimit", "--nofile=" + files + ":" + files),
                args.toArray(String[]::new)).awaitReady();
    }

    /** A new connection is served once the server has room again; retried for a few seconds while closes land. */
    private void assertAFreshConnectionIsServed(FramekitProcess server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket fresh = new Socket("127.0.0.1", server.port())) {
                if ("fresh".equals(Peers.echo(fresh, "fresh"))) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < deadline, "no fresh connection served\n" + server.transcript());
            Thread.sleep(200);
        }
    }

    private static void assertNoStackTrace(FramekitProcess server) {
        for (String line : server.stdoutLines()) {
            assertFalse(line.contains("Exception") || line.startsWith("\tat "), server.transcript());
        }
        for (String line : server.stderrLines()) {
            assertFalse(line.contains("Exception") || line.startsWith("\tat "), server.transcript());
        }
    }

    @Test
    void pastMaxConnectionsANewConnectionIsClosedAtOnceWithALogLine() throws Exception {
        FramekitProcess server = framekit.startServer("echo-server", "--max-connections", "5");
        for (int i = 0; i < 5; i++) {
            assertEquals("hello " + i, Peers.echo(connect(server), "hello " + i), server.transcript());
        }
        Socket sixth = connect(server);
        assertTrue(Peers.closedWithin(sixth, 2000), "the sixth connection was not closed\n" + server.transcript());
        String refused = server.awaitLine("127\\.0\\.0\\.1:" + sixth.getLocalPort() + " refused: ");
        assertTrue(refused.endsWith("refused: 5 connections open, the most --max-connections allows (1 refused so far)"),
                refused);

        sockets.get(0).close();
        assertAFreshConnectionIsServed(server);
        assertEquals("still here", Peers.echo(sockets.get(1), "still here"), server.transcript());
        assertNoStackTrace(server);
    }

    @Test
    void aLowOpenFileLimitIsSaidAtStartUpAndConnectionsPastItAreRefused() throws Exception {
        FramekitProcess server = startWithFileLimit(256);
        String said = server.awaitLine("the open-file limit is");
        Matcher room = Pattern.compile("^echo-server: the open-file limit is 256, room for about (\\d+) connections; "
                + "more are refused; it is also the hard limit, so only root can raise it").matcher(said);
        assertTrue(room.find(), said);
        int allowed = Integer.parseInt(room.group(1));
        assertTrue(allowed > 100 && allowed < 256, said);

        int served = 0;
        int refused = 0;
        for (int i = 0; i < allowed + 20; i++) {
            Socket socket = connect(server);
            if (Peers.echo(socket, "n" + i) != null) {
                served++;
            } else {
                refused++;
            }
        }
        assertEquals(allowed, served, server.transcript());
        assertEquals(20, refused, server.transcript());
        server.awaitLine("refused: " + allowed + " connections open, the most the open-file limit leaves room for");

        for (Socket socket : sockets) {
            socket.close();
        }
        assertAFreshConnectionIsServed(server);
        assertNoStackTrace(server);
    }

    @Test
    void runningOutOfFileDescriptorsNeitherStopsNorBreaksTheServer() throws Exception {
        FramekitProcess server = startWithFileLimit(128, "--max-connections", "1000");
        server.awaitLine("--max-connections 1000 is more than the open-file limit \\(128\\) leaves room for");
        List<Socket> served = new ArrayList<>();
        int closed = 0;
        for (int i = 0; i < 200; i++) {
            Socket socket = connect(server);
            if (Peers.echo(socket, "n" + i) != null) {
                served.add(socket);
            } else {
                closed++;
            }
        }
        assertTrue(closed > 0, "every connection was served under a 128-file limit?\n" + server.transcript());
        server.awaitLine("refused: out of file descriptors \\(too many open files; the open-file limit is 128\\)");
        for (Socket socket : served) {
            assertEquals("again", Peers.echo(socket, "again"), server.transcript());
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        assertAFreshConnectionIsServed(server);
        assertTrue(server.isAlive(), server.transcript());
        assertNoStackTrace(server);
    }
}

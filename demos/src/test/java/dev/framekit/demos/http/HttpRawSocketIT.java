package dev.framekit.demos.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.RawSockets;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code http-server} against hand-written bytes: the socket tutorials' client, pipelining, and
 * hostile input (slowloris, path traversal, an overflowing chunk size, a thousand idle
 * keep-alive connections in a small heap).
 */
@Timeout(120)
class HttpRawSocketIT {
    private static final String GET = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @RegisterExtension
    final Framekit framekit = new Framekit();

    @TempDir
    Path dir;

    @Test
    void theTutorialClientReadsTheHeadThenContentLengthBytes() throws IOException {
        FramekitProcess server = framekit.startServer("http-server");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            Peers.write(socket, GET);
            String[] response = Peers.tutorialResponse(socket.getInputStream());
            assertTrue(response[0].startsWith("HTTP/1.1 200 OK\r\n"), response[0]);
            assertTrue(response[1].contains("Hello from framekit") && response[1].endsWith("</html>\n"), response[1]);
        }
    }

    @Test
    void pipelinedRequestsInOneWriteAreAnsweredInOrder() throws IOException {
        FramekitProcess server = framekit.startServer("http-server");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            Peers.write(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nfirst"
                    + "POST /reverse HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nsec\r\n3\r\nond\r\n0\r\n\r\n"
                    + "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = socket.getInputStream();
            assertEquals("first", Peers.tutorialResponse(in)[1]);
            assertEquals("dnoces", Peers.tutorialResponse(in)[1]);
            assertTrue(Peers.tutorialResponse(in)[0].startsWith("HTTP/1.1 404 Not Found"));
        }
    }

    @Test
    void aHeadTrickledSlowerThanTheHeaderTimeoutIsAnswered408() throws Exception {
        FramekitProcess server = framekit.startServer("http-server", "--header-timeout", "1s");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            String response = "";
            try {
                for (char c : "GET / HTTP/1.1\r\nHost: slow\r\nX-Slow: ".toCharArray()) {
                    Peers.write(socket, String.valueOf(c));
                    Thread.sleep(100);
                }
            } catch (IOException closed) {
                // the server answered and closed while we were still trickling
            }
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 408 Request Timeout\r\n"), response);
            assertTrue(System.nanoTime() - start < 8_000_000_000L, "answered within the timeout, not the idle timeout");
        }
        server.awaitLine("closed: answered 408 Request Timeout \\(head not complete within --header-timeout 1000 ms\\)");
    }

    @Test
    void aPostFollowedByAStrayCrlfIsAnsweredAtOnceAndTheConnectionGoesOn() throws IOException {
        FramekitProcess server = framekit.startServer("http-server");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            // Under the 10 s header timeout: an answer held back for a next request would come after it.
            socket.setSoTimeout(5_000);
            Peers.write(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello\r\n");
            InputStream in = socket.getInputStream();
            assertEquals("hello", Peers.tutorialResponse(in)[1]);
            Peers.write(socket, "\r\n" + GET); // RFC 9112 2.2: empty lines before a request line are ignored
            assertTrue(Peers.tutorialResponse(in)[0].startsWith("HTTP/1.1 200 OK\r\n"));
        }
    }

    @Test
    void aChunkedBodyTrickledAChunkAtATimeIsAnswered408WhenTheBodyTimeoutRunsOut() throws Exception {
        FramekitProcess server = framekit.startServer("http-server", "--body-timeout", "2s", "--header-timeout", "1s");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            Peers.write(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            try {
                for (int i = 0; i < 20; i++) { // each chunk whole within the header timeout, 10 s in all
                    Peers.write(socket, "1\r\nx\r\n");
                    Thread.sleep(500);
                }
            } catch (IOException closed) {
                // the server answered and closed while we were still sending
            }
            String response = Peers.tutorialResponse(socket.getInputStream())[0];
            assertTrue(response.startsWith("HTTP/1.1 408 Request Timeout\r\n"), response);
            assertTrue(System.nanoTime() - start < 8_000_000_000L, "answered when the body's 2 s were up");
        }
        server.awaitLine("closed: answered 408 Request Timeout \\(body not complete within --body-timeout 2000 ms \\(\\d+ bytes");
    }

    @Test
    void nothingOutsideTheRootIsServed() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<p>inside</p>");
        Files.writeString(dir.resolve("secret.txt"), "SECRET");
        Files.createSymbolicLink(site.resolve("link.txt"), dir.resolve("secret.txt"));
        FramekitProcess server = framekit.startServer("http-server", "--root", site.toString());
        for (String target : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2fsecret.txt", "/link.txt",
                "/..%2f..%2f..%2fetc%2fpasswd", "http://x/../secret.txt", "/%00secret")) {
            String response = Peers.exchangeUntilClose(server.port(),
                    "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 403 ") || response.startsWith("HTTP/1.1 404 "), target + ": " + response);
            assertFalse(response.contains("SECRET") || response.contains("root:"), target + ": " + response);
        }
        String index = Peers.exchangeUntilClose(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(index.startsWith("HTTP/1.1 200 OK") && index.endsWith("<p>inside</p>"), index);
    }

    @Test
    void aChunkSizeThatOverflows64BitsIsAnswered400AndClosed() throws IOException {
        FramekitProcess server = framekit.startServer("http-server");
        String response = Peers.exchangeUntilClose(server.port(), "POST /echo HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n") && response.contains("Connection: close"), response);
        server.awaitLine("closed: answered 400 Bad Request \\(bad chunked body: chunked: chunk size of 17 hex digits"
                + " does not fit in 64 bits");
        assertFalse(server.transcript().contains("Exception\n\tat "), "no stack trace: " + server.transcript());
    }

    @Test
    void aThousandIdleKeepAliveConnectionsAreServedInA64MibHeap() throws IOException {
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "http-server", "--host", "127.0.0.1",
                "--port", "0").awaitReady();
        try (RawSockets sockets = new RawSockets()) {
            for (int i = 0; i < 1000; i++) {
                Socket socket = sockets.open(server.port());
                socket.setSoTimeout(20_000);
                Peers.write(socket, GET);
            }
            for (Socket socket : sockets) {
                assertTrue(Peers.tutorialResponse(socket.getInputStream())[0].startsWith("HTTP/1.1 200 OK"));
            }
            for (Socket socket : sockets) {
                Peers.write(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nidle");
            }
            for (Socket socket : sockets) {
                assertEquals("idle", Peers.tutorialResponse(socket.getInputStream())[1], "every idle connection still served");
            }
        }
        assertTrue(server.isAlive(), server.transcript());
        assertFalse(server.transcript().contains("OutOfMemoryError"), server.transcript());
    }
}

package dev.framekit.framing.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** framekit's WebSocket connection at both ends: the closing handshake each way, text-only reading, many senders. */
class WebSocketConnectionTest {
    /** A thread per task: the common pool may have one worker, which a blocking server task would hold. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "websocket-test");
        thread.setDaemon(true);
        return thread;
    });

    /** One accepted connection, handshake done, handed to {@code serve} on its own thread. */
    private interface Serve {
        void serve(WebSocketConnection ws) throws IOException;
    }

    private static CompletableFuture<Void> serveOnce(ServerSocket server, Serve serve) {
        return CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept();
                    FramedConnection connection = FramedConnection.of(socket, Framers.delimiter("\r\n"))) {
                RequestHead head = RequestHead.read(connection.reader());
                socket.getOutputStream().write(WebSocketHandshake.sameOrigin().respond(head.request()).toBytes());
                serve.serve(WebSocketConnection.over(connection, WebSocketFramer.server()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, THREADS);
    }

    @Test
    void theServerBeginsTheClosingHandshakeAndTheClientSeesItsCode() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = serveOnce(server, ws -> {
                ws.sendText("going");
                ws.close(WebSocketCloseCodes.GOING_AWAY, "server shutting down");
                assertEquals(WebSocketCloseCodes.GOING_AWAY, ws.peerCloseCode(), "the client echoed the code");
            });
            try (WebSocketConnection client = WebSocketConnection.connect("127.0.0.1", server.getLocalPort(), "/")) {
                assertEquals("going", client.readText());
                assertNull(client.read(), "the server closed");
                assertEquals(WebSocketCloseCodes.GOING_AWAY, client.peerCloseCode());
                assertEquals("server shutting down", client.peerCloseReason());
                IOException late = assertThrows(IOException.class, () -> client.sendText("too late"));
                assertTrue(late.getMessage().contains("closing"), late.getMessage());
            }
            served.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTextOnlyReaderClosesABinaryMessageWith1003() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = serveOnce(server, ws -> {
                WebSocketProtocolException binary = assertThrows(WebSocketProtocolException.class, ws::readText);
                assertEquals(WebSocketCloseCodes.UNSUPPORTED_DATA, binary.closeCode());
            });
            try (WebSocketConnection client = WebSocketConnection.connect("127.0.0.1", server.getLocalPort(), "/")) {
                client.sendBinary(new byte[] {1, 2, 3});
                assertNull(client.read());
                assertEquals(WebSocketCloseCodes.UNSUPPORTED_DATA, client.peerCloseCode());
            }
            served.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void manyThreadsSendWhileTheReaderAnswersPings() throws Exception {
        int perThread = 100;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = serveOnce(server, ws -> {
                int received = 0;
                while (ws.read() != null) {
                    received++;
                }
                assertEquals(4 * perThread, received);
            });
            try (WebSocketConnection client = WebSocketConnection.connect("127.0.0.1", server.getLocalPort(), "/")) {
                // The client reads too, as a peer must: the server's pongs would otherwise fill the
                // socket buffers, block the server's reading thread in its pong, and so the senders.
                CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                    try {
                        assertNull(client.read(), "the server sends nothing but pongs and its close");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, THREADS);
                CompletableFuture<?>[] senders = new CompletableFuture<?>[4];
                for (int t = 0; t < senders.length; t++) {
                    int thread = t;
                    senders[t] = CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < perThread; i++) {
                            try {
                                client.sendText("thread " + thread + " message " + i);
                                client.ping(new byte[] {(byte) i});
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }, THREADS);
                }
                CompletableFuture.allOf(senders).get(20, TimeUnit.SECONDS);
                client.close(WebSocketCloseCodes.NORMAL, "all sent"); // the reading thread sees the answer
                reader.get(10, TimeUnit.SECONDS);
                assertEquals(WebSocketCloseCodes.NORMAL, client.peerCloseCode());
            }
            served.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void cutsALongCloseReasonWithoutSplittingACharacter() {
        byte[] payload = WebSocketSender.closePayload(1000, "é".repeat(100));
        assertEquals(2 + 122, payload.length, "61 two-byte characters fit in 123 bytes");
        assertArrayEquals("é".repeat(61).getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOfRange(payload, 2, payload.length));
        assertEquals(0, WebSocketSender.closePayload(WebSocketCloseCodes.NO_STATUS, "ignored").length);
    }
}

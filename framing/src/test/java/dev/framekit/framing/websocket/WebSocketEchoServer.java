package dev.framekit.framing.websocket;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket echo server on a real loopback socket, built from the library's pieces only: the
 * request head read off the connection's reader, {@link WebSocketHandshake}, then a
 * {@link WebSocketConnection} that echoes each message with its type. Each connection ends with
 * one line in {@link #nextOutcome()}: {@code refused 403 Forbidden: ...}, {@code closed 1000 bye}
 * (the peer's close), or {@code failed 1002: ...} (the close code the server sent).
 */
final class WebSocketEchoServer implements AutoCloseable {
    private final ServerSocket server;
    private final WebSocketFramer framer;
    private final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();

    private WebSocketEchoServer(WebSocketFramer framer) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.framer = framer;
        Thread acceptor = new Thread(this::acceptAll, "websocket-echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static WebSocketEchoServer start(WebSocketFramer framer) throws IOException {
        return new WebSocketEchoServer(framer);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next connection's outcome line, waiting up to 10 s. */
    String nextOutcome() throws InterruptedException {
        String outcome = outcomes.poll(10, TimeUnit.SECONDS);
        return outcome == null ? "no outcome within 10 s" : outcome;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread serving = new Thread(() -> serve(socket), "websocket-echo");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (FramedConnection connection = FramedConnection.of(socket, Framers.delimiter("\r\n").withMaxFrameLength(8192))) {
            connection.readTimeout(java.time.Duration.ofSeconds(20));
            RequestHead head = RequestHead.read(connection.reader());
            if (head == null) {
                outcomes.add("no request");
                return;
            }
            HandshakeResponse response = WebSocketHandshake.sameOrigin().respond(head.request());
            socket.getOutputStream().write(response.toBytes());
            socket.getOutputStream().flush();
            if (!response.accepted()) {
                outcomes.add("refused " + response);
                return;
            }
            WebSocketConnection ws = WebSocketConnection.over(connection, framer);
            echo(ws);
        } catch (IOException e) {
            outcomes.add("error " + e);
        }
    }

    private void echo(WebSocketConnection ws) throws IOException {
        try {
            WebSocketMessage message;
            while ((message = ws.read()) != null) {
                if (message.isText()) {
                    ws.sendText(message.text());
                } else {
                    ws.sendBinary(message.bytes());
                }
            }
            outcomes.add("closed " + ws.peerCloseCode() + " " + ws.peerCloseReason());
        } catch (FramingException e) {
            outcomes.add("failed " + WebSocketCloseCodes.forFailure(e) + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

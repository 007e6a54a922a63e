package dev.framekit.demos.chat.web;

import dev.framekit.demos.chat.room.ChatRoom;
import dev.framekit.demos.chat.room.FloodControl;
import dev.framekit.demos.chat.room.Intake;
import dev.framekit.demos.chat.room.Outbound;
import dev.framekit.demos.chat.room.QueuedMember;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.http.Headers;
import dev.framekit.demos.http.HttpError;
import dev.framekit.demos.http.MessageReader;
import dev.framekit.demos.http.RequestHead;
import dev.framekit.demos.http.Status;
import dev.framekit.demos.http.WireTap;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.MisbehavingPeer;
import dev.framekit.demos.server.PeerMemory;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.framing.FrameTimeoutException;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.websocket.HandshakeResponse;
import dev.framekit.framing.websocket.UpgradeRequest;
import dev.framekit.framing.websocket.WebSocketConnection;
import dev.framekit.framing.websocket.WebSocketFramer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves {@code chat-server --web-port}: {@code GET /} is the chat page ({@code chat.html} next to
 * this class: inline CSS and script, nothing from the internet), {@code /chat} the WebSocket
 * upgrade (from a page at the server's own names and addresses only: {@link PageOrigins}), after
 * which the connection is a {@link WebMember} of the same room; {@code /favicon.ico} is 204 (no
 * icon, and no error in the log); any other path is 404. Every refusal is answered with its
 * status and a one-line reason, and logged once by the server. A connection that is silent for
 * {@code --header-timeout}, or whose request head is not complete that long after its first byte,
 * is closed (reset) with one log line: until the upgrade, the room's own timeouts (a member may be
 * quiet for ever) do not apply.
 */
public final class WebChatHandler implements FramedServer.Handler {
    /** The largest request head read. */
    static final int MAX_HEAD = 8192;
    private static final byte[] PAGE = page();

    private final ChatRoom room;
    private final FloodControl.Limits flood;
    private final int maxLine;
    private final WireLog wire;
    private final Duration headerTimeout;
    private final PageOrigins origins;

    /**
     * @param maxLine the longest chat line, in UTF-8 bytes, as on the room's own framing
     * @param headerTimeout how long a request head may take: silent, or from its first byte; zero for no limit
     * @param origins the origins a page may join from
     */
    public WebChatHandler(ChatRoom room, FloodControl.Limits flood, int maxLine, WireLog wire, Duration headerTimeout,
            PageOrigins origins) {
        this.room = room;
        this.flood = flood;
        this.headerTimeout = headerTimeout;
        this.origins = origins;
        this.maxLine = maxLine;
        this.wire = wire;
    }

    @Override
    public void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        MessageReader in = new MessageReader(connection.reader(), MAX_HEAD, WireTap.OFF);
        Duration idle = connection.reader().readTimeout();
        Duration frame = connection.reader().frameDeadline();
        byte[] bytes;
        try {
            if (!headerTimeout.isZero()) {
                connection.readTimeout(headerTimeout).frameDeadline(headerTimeout);
            }
            bytes = in.readHead();
        } catch (FrameTooLongException e) {
            throw refuse(connection, 431, "request head over " + MAX_HEAD + " bytes");
        } catch (SocketTimeoutException | FrameTimeoutException e) {
            MisbehavingPeer.close(connection, "no complete request head within " + headerTimeout.toMillis()
                    + " ms; closed it (--header-timeout)");
            return;
        }
        if (bytes == null) {
            return;
        }
        connection.readTimeout(idle).frameDeadline(frame); // from here on, the room's timeouts
        RequestHead head;
        try {
            head = RequestHead.parse(bytes);
        } catch (HttpError e) {
            throw refuse(connection, e.status(), e.getMessage());
        }
        stats.received(head.method() + " " + head.path());
        switch (head.path()) {
            case "/", "/index.html" -> page(connection, head);
            case "/chat" -> chat(connection, head, stats);
            // Browsers ask for it unprompted (the page declares none); no icon is no error.
            case "/favicon.ico" -> answer(connection, true,
                    "HTTP/1.1 204 No Content\r\nCache-Control: max-age=86400\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
            default -> throw refuse(connection, 404, "no such page: " + head.path() + " (the chat is at /)");
        }
    }

    private void page(FramedConnection connection, RequestHead head) throws IOException {
        if (!head.method().equals("GET") && !head.method().equals("HEAD")) {
            throw refuse(connection, 405, head.method() + " " + head.path() + "; the page takes GET");
        }
        String response = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + PAGE.length
                + "\r\nCache-Control: no-store\r\nContent-Security-Policy: default-src 'self'; connect-src 'self' ws: wss:;"
                + " style-src 'unsafe-inline'; script-src 'unsafe-inline'\r\nConnection: close\r\n\r\n";
        answer(connection, true, response.getBytes(StandardCharsets.ISO_8859_1), head.method().equals("GET") ? PAGE : new byte[0]);
    }

    /** Writes {@code parts} and, with {@code last}, ends the output. */
    private static void answer(FramedConnection connection, boolean last, byte[]... parts) throws IOException {
        OutputStream out = connection.socket().getOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        out.flush();
        if (last) {
            connection.shutdownOutput();
        }
    }

    private void chat(FramedConnection connection, RequestHead head, ConnectionStats stats) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Headers.Field field : head.headers().fields()) {
            fields.merge(field.name().toLowerCase(Locale.ROOT), field.value(), (a, b) -> a + ", " + b);
        }
        Socket socket = connection.socket();
        HandshakeResponse response = origins.handshake(socket.getLocalAddress(), socket.getLocalPort())
                .respond(new UpgradeRequest(head.method(), head.version(), fields));
        answer(connection, !response.accepted(), response.toBytes());
        if (response.status() == 403) {
            String origin = fields.get("origin");
            throw new WebRefusal("answered the WebSocket upgrade with 403 Forbidden: the Origin " + origin
                    + " is not one of this server's names and addresses with the web port (a page from elsewhere,"
                    + " or a name the server does not know it has: allow it with --web-origin " + origin + ")");
        }
        if (!response.accepted()) {
            throw new WebRefusal("answered the WebSocket upgrade with " + response);
        }
        int limit = Math.max(125, maxLine);
        WebSocketConnection ws = WebSocketConnection.over(connection,
                WebSocketFramer.server().withMaxFrameLength(limit).withMaxMessageLength(limit));
        InetSocketAddress remote = (InetSocketAddress) connection.socket().getRemoteSocketAddress();
        WebMember member = new WebMember(ws, connection, PeerMemory.of(connection),
                remote.getAddress().getHostAddress() + ":" + remote.getPort() + " (web)", stats, wire);
        member.start();
        ArrayDeque<String> pending = new ArrayDeque<>(); // a message with several lines is that many chat lines
        member.serve(room, new Intake(room, member, flood), () -> {
            while (pending.isEmpty()) {
                String text = ws.readText();
                if (text == null) {
                    return null;
                }
                pending.addAll(List.of(text.split("\r?\n")));
            }
            return pending.poll();
        });
    }

    private static byte[] page() {
        try (InputStream in = WebChatHandler.class.getResourceAsStream("chat.html")) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("chat.html is missing from the jar", e);
        }
    }

    /** Sends {@code status} with {@code why} as its body, and returns the error the server logs. */
    private static WebRefusal refuse(FramedConnection connection, int status, String why) throws IOException {
        HandshakeResponse response = new HandshakeResponse(status, Status.reason(status), Map.of(), why);
        answer(connection, true, response.toBytes());
        return new WebRefusal("answered " + response);
    }

    /**
     * A request answered with a refusal: an expected end, logged in one line without a trace
     * (a {@link java.net.SocketException}, so the log shows its message alone).
     */
    static final class WebRefusal extends java.net.SocketException {
        WebRefusal(String message) {
            super(message);
        }
    }

    /**
     * A member in a browser, on a WebSocket: one text message per chat line. It ends with a close
     * frame carrying the {@link Outbound.Close}'s code: 1000 after {@code /quit}, 1001 when the server
     * shuts down, 1008 when the room drops it for taking nothing for {@code --write-timeout} while
     * behind (its socket is closed if it has not taken that frame within two seconds).
     */
    static final class WebMember extends QueuedMember {
        private final WebSocketConnection ws;

        private final FramedConnection connection;

        WebMember(WebSocketConnection ws, FramedConnection connection, PeerMemory memory, String peer,
                ConnectionStats stats, WireLog wire) {
            super(ws::close, peer, memory, stats, wire, Duration.ofSeconds(2));
            this.ws = ws;
            this.connection = connection;
        }

        @Override
        protected void cut(String reason) {
            MisbehavingPeer.close(connection, reason);
        }

        @Override
        protected boolean isPage() {
            return true;
        }

        @Override
        protected void send(String line) throws IOException {
            ws.sendText(line);
        }

        @Override
        protected void closeWith(Outbound.Close how) throws IOException {
            ws.close(how.code(), how.reason());
        }
    }
}

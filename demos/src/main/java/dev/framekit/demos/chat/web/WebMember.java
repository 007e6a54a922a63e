package dev.framekit.demos.chat.web;

import dev.framekit.demos.chat.room.Outbound;
import dev.framekit.demos.chat.room.QueuedMember;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.PeerMemory;
import dev.framekit.framing.websocket.WebSocketConnection;
import java.io.IOException;
import java.time.Duration;

/**
 * A member in a browser, on a WebSocket: one text message per chat line. It ends with a close
 * frame carrying the {@link Outbound.Close}'s code: 1000 after {@code /quit}, 1001 when the server
 * shuts down, 1008 when the room disconnects it for falling too far behind (its socket is closed
 * if it has not taken that frame within two seconds).
 */
final class WebMember extends QueuedMember {
    private final WebSocketConnection ws;

    WebMember(WebSocketConnection ws, long maxQueueBytes, PeerMemory memory, String peer, ConnectionStats stats,
            WireLog wire) {
        super(peer, maxQueueBytes, memory, stats, wire, Duration.ofSeconds(2));
        this.ws = ws;
    }

    @Override
    protected void send(String line) throws IOException {
        ws.sendText(line);
    }

    @Override
    protected void flush() {
        // sendText sends at once.
    }

    @Override
    protected void closeWith(Outbound.Close how) throws IOException {
        ws.close(how.code(), how.reason());
    }

    @Override
    protected void abort() {
        try {
            ws.close();
        } catch (IOException ignored) {
            // Already closing.
        }
    }
}

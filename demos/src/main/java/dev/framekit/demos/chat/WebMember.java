package dev.framekit.demos.chat;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.framing.websocket.WebSocketCloseCodes;
import dev.framekit.framing.websocket.WebSocketConnection;
import java.io.IOException;
import java.time.Duration;
import dev.framekit.demos.server.PeerMemory;


/**
 * A member in a browser, on a WebSocket: one text message per chat line. Lines wait in a queue
 * bounded in bytes ({@code --max-queue}, counted in the server's memory budget, allocated as lines
 * arrive) that its own virtual thread writes. It ends with a close frame: 1000 after
 * {@code /quit}, 1001 when the server shuts down (after {@link ChatRoom#SHUTTING_DOWN}), 1008
 * when the room disconnects it for falling too far behind.
 */
final class WebMember extends Member {
    private static final String QUIT = new String("quit");
    private static final String GOING_AWAY = new String("going away");
    private static final String TOO_FAR_BEHIND = new String("too far behind");
    private static final String STOP = new String("stop");

    /** How long a member that is too far behind has to take its close frame before its socket is closed. */
    private static final Duration POLICY_GRACE = Duration.ofSeconds(2);

    private final WebSocketConnection ws;
    private final ConnectionStats stats;
    private final WireLog wire;
    private final LineQueue outbound;
    private Thread writer;

    /** @param maxQueueBytes the most bytes of unsent lines; past it the member is too far behind */
    WebMember(WebSocketConnection ws, long maxQueueBytes, PeerMemory memory, String peer, ConnectionStats stats,
            WireLog wire) {
        super(peer);
        this.ws = ws;
        this.stats = stats;
        this.wire = wire;
        this.outbound = new LineQueue(maxQueueBytes, memory);
    }

    /** Starts the thread that sends queued lines. */
    void start() {
        writer = Thread.ofVirtual().name("web-writer-" + peer()).start(this::writeLoop);
    }

    @Override
    boolean deliver(String line) {
        if (!outbound.offer(line)) {
            return false; // too far behind, or shed to keep the memory budget
        }
        if (line.equals(ChatRoom.SHUTTING_DOWN)) {
            outbound.mark(GOING_AWAY);
        }
        return true;
    }

    @Override
    void finish() {
        outbound.mark(QUIT);
    }

    @Override
    void disconnect() {
        outbound.clear();
        outbound.mark(TOO_FAR_BEHIND);
        Thread.ofVirtual().name("web-policy-" + peer()).start(() -> {
            try {
                Thread.sleep(POLICY_GRACE);
            } catch (InterruptedException e) {
                return;
            }
            closeQuietly();
        });
    }

    /** The connection has ended: the writer thread stops. */
    void stop() {
        outbound.clear();
        outbound.mark(STOP);
    }

    /** Waits until everything queued before {@link #finish()} has been sent. */
    void awaitWriter() throws InterruptedException {
        if (writer != null) {
            writer.join();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                String line = outbound.take();
                if (line == STOP) {
                    return;
                } else if (line == QUIT) {
                    ws.close(WebSocketCloseCodes.NORMAL, "bye");
                    return;
                } else if (line == GOING_AWAY) {
                    ws.close(WebSocketCloseCodes.GOING_AWAY, "server shutting down");
                    return;
                } else if (line == TOO_FAR_BEHIND) {
                    ws.close(WebSocketCloseCodes.POLICY_VIOLATION, "too far behind: your queue of unread messages was full");
                    return;
                }
                ws.sendText(line);
                stats.sent(line);
                wire.show("sent to " + name(), line);
            }
        } catch (IOException | InterruptedException e) {
            // The reading side notices the broken connection and leaves the room.
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            ws.close();
        } catch (IOException ignored) {
            // Already closing.
        }
    }
}

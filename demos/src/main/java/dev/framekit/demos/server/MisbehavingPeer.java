package dev.framekit.demos.server;

import dev.framekit.framing.FramedConnection;
import java.io.IOException;

/**
 * How a handler closes a peer that misbehaved in a way only the handler sees (a chat member that
 * stopped reading its queue, say): with a reset, as the server closes those it sees itself
 * ({@link ConnectionEnd}), and with {@code reason} as the connection's closing log line.
 */
public final class MisbehavingPeer {
    private MisbehavingPeer() {}

    /**
     * Closes {@code connection} with a reset (SO_LINGER 0): what is queued for the peer is dropped
     * at once, and its next read fails. Safe from any thread; the connection's own thread, whose
     * read or write then fails, logs {@code reason} as its end. A connection not accepted by a
     * {@link FramedServer} is simply closed.
     */
    public static void close(FramedConnection connection, String reason) {
        PeerSocket socket = PeerSocket.beneath(connection.socket());
        if (socket != null) {
            socket.closeFor(reason);
        }
        try {
            connection.close();
        } catch (IOException ignored) {
            // Closed already.
        }
    }
}

package dev.framekit.demos.chat.room;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.PeerMemory;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.MessageRefusedException;
import java.io.IOException;
import java.time.Duration;

/**
 * A member on a persistent framed connection. A line too long for one frame, which the room let
 * through as it {@linkplain FrameSplitter#splittable splits}, goes in pieces; a piece the framing
 * still refuses (one ending in the pad byte) is left out.
 */
final class StreamMember extends QueuedMember {
    private final FramedConnection connection;

    StreamMember(FramedConnection connection, long maxQueueBytes, String peer, ConnectionStats stats, WireLog wire) {
        super(peer, maxQueueBytes, PeerMemory.of(connection), stats, wire, Duration.ZERO);
        this.connection = connection;
    }

    @Override
    protected void send(String line) throws IOException {
        for (String piece : FrameSplitter.split(line, connection.writer().framer().maxFrameLength())) {
            try {
                connection.write(piece);
            } catch (MessageRefusedException refused) {
                // Left out; the rest of the line still goes.
            }
        }
    }

    @Override
    protected void flush() throws IOException {
        connection.flush();
    }

    @Override
    protected void closeWith(Outbound.Close how) throws IOException {
        connection.flush();
        connection.shutdownOutput();
    }

    @Override
    protected void abort() {
        try {
            connection.close();
        } catch (IOException ignored) {
            // Already closing.
        }
    }

    /** Sends {@code reply} unframed (in the peer's own protocol), then closes; for a peer refused before it joined. */
    void refuse(byte[] reply) {
        stop();
        try {
            connection.socket().getOutputStream().write(reply);
            connection.socket().shutdownOutput();
            SocketWaits.drain(connection.socket());
        } catch (IOException e) {
            // The peer is gone already.
        }
        abort();
    }
}

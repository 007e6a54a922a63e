package dev.framekit.demos.server;

import dev.framekit.framing.FramedConnection;

/**
 * What a handler holds for its peer beyond the connection's own buffers (a chat member's queue
 * of unsent lines), counted against the server's {@link MemoryBudget} with that connection.
 */
public interface PeerMemory {
    /** For connections not accepted by a {@link FramedServer}: counts nothing, refuses nothing. */
    PeerMemory NONE = delta -> true;

    /**
     * Adds {@code delta} bytes held for the peer (negative gives them back).
     *
     * @return false if the peer has been shed to keep the budget: hold nothing more for it
     */
    boolean add(long delta);

    /** The budget account of {@code connection}'s peer, or {@link #NONE}. */
    static PeerMemory of(FramedConnection connection) {
        PeerSocket socket = PeerSocket.beneath(connection.socket());
        return socket != null ? socket : NONE;
    }
}

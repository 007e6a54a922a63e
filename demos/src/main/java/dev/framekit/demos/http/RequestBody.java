package dev.framekit.demos.http;

import dev.framekit.demos.server.MemoryBudget;
import dev.framekit.demos.server.PeerMemory;
import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body as it arrives, counted against the server's memory budget ({@link PeerMemory})
 * before each piece is kept, so that many large uploads at once shed the peer that holds most
 * (one log line, {@code --max-memory}) instead of running the server out of memory. It grows
 * with the bytes that arrived, never with the declared {@code Content-Length}, and keeps the
 * pieces the reader hands over (no buffer that doubles and copies as it grows) until
 * {@link #bytes()} joins them once for the routes. {@link #close()} gives everything back.
 */
final class RequestBody implements MessageReader.BodySink, AutoCloseable {
    private final PeerMemory memory;
    private final List<byte[]> pieces = new ArrayList<>();
    private long length;
    private long held;

    /** A body counted against {@code memory}, the connection's share of the budget. */
    RequestBody(PeerMemory memory) {
        this.memory = memory;
    }

    @Override
    public void accept(byte[] piece) throws IOException {
        hold(piece.length);
        pieces.add(piece);
        length += piece.length;
    }

    /** The body's length so far. */
    long length() {
        return length;
    }

    /**
     * The whole body in one array. Several pieces are joined once: the joined copy is counted
     * while the pieces still are, then the pieces are let go.
     */
    byte[] bytes() throws IOException {
        if (pieces.isEmpty()) {
            return new byte[0];
        }
        if (pieces.size() > 1) {
            long piecesHeld = length;
            hold(MemoryBudget.heapCost(length));
            byte[] whole = new byte[Math.toIntExact(length)];
            int at = 0;
            for (byte[] piece : pieces) {
                System.arraycopy(piece, 0, whole, at, piece.length);
                at += piece.length;
            }
            pieces.clear();
            pieces.add(whole);
            release(piecesHeld);
        }
        return pieces.get(0);
    }

    /**
     * Counts {@code bytes} more held on behalf of this request until {@link #close()}, such as
     * a response made from the body.
     *
     * @throws SocketException if the budget shed this peer (its connection is closed, and the
     *     server logs the budget's reason as its end)
     */
    void hold(long bytes) throws SocketException {
        held += bytes;
        if (!memory.add(bytes)) {
            throw new SocketException("Socket closed");
        }
    }

    private void release(long bytes) {
        held -= bytes;
        memory.add(-bytes);
    }

    /** Lets the body go and gives back everything it counted. */
    @Override
    public void close() {
        pieces.clear();
        release(held);
    }
}

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
 *
 * <p>Everything is counted at what it takes in the heap: an array's header and padding, and the
 * list entry that keeps it ({@link #cost(int)}). Pieces shorter than {@value #SMALL_PIECE} bytes
 * (a chunked body of 1-byte chunks) are copied into blocks of the body's, so that such a body
 * costs about a byte of heap per byte, not the ~30 an array per byte would.
 */
final class RequestBody implements MessageReader.BodySink, AutoCloseable {
    /** Pieces shorter than this are gathered into blocks rather than kept as an array each. */
    static final int SMALL_PIECE = 1024;
    /** The first block small pieces are gathered in; each next one doubles, up to {@link #MAX_BLOCK}. */
    static final int FIRST_BLOCK = 256;
    /** The largest block. */
    static final int MAX_BLOCK = 16 * 1024;
    /** What keeping one piece costs besides its array: the record that keeps it and the list's reference. */
    static final int PER_PIECE = 32;

    private record Piece(byte[] array, int length) {}

    private final PeerMemory memory;
    private final List<Piece> pieces = new ArrayList<>();
    /** The block small pieces are copied into now, not yet in {@link #pieces}; null if none. */
    private byte[] block;
    private int blockUsed;
    private int nextBlock = FIRST_BLOCK;
    private long length;
    private long held;
    /** What {@link #pieces} and {@link #block} are counted at: given back when they are joined. */
    private long piecesCost;

    /** A body counted against {@code memory}, the connection's share of the budget. */
    RequestBody(PeerMemory memory) {
        this.memory = memory;
    }

    /** What keeping an array of {@code bytes} bytes costs in the heap. */
    static long cost(int bytes) {
        return MemoryBudget.arrayCost(bytes) + PER_PIECE;
    }

    @Override
    public void accept(byte[] piece) throws IOException {
        if (piece.length >= SMALL_PIECE) {
            keepPiece(piece.length);
            sealBlock();
            pieces.add(new Piece(piece, piece.length));
        } else {
            gather(piece);
        }
        length += piece.length;
    }

    /** Copies a small piece into blocks, starting a new (larger) block when the current one is full. */
    private void gather(byte[] piece) throws SocketException {
        int done = 0;
        while (done < piece.length) {
            if (block == null || blockUsed == block.length) {
                int size = nextBlock;
                keepPiece(size);
                nextBlock = Math.min(MAX_BLOCK, 2 * size);
                sealBlock();
                block = new byte[size];
            }
            int n = Math.min(piece.length - done, block.length - blockUsed);
            System.arraycopy(piece, done, block, blockUsed, n);
            blockUsed += n;
            done += n;
        }
    }

    private void keepPiece(int arrayLength) throws SocketException {
        long cost = cost(arrayLength);
        hold(cost);
        piecesCost += cost;
    }

    private void sealBlock() {
        if (block != null) {
            pieces.add(new Piece(block, blockUsed));
            block = null;
            blockUsed = 0;
        }
    }

    /** The body's length so far. */
    long length() {
        return length;
    }

    /**
     * The whole body in one array. Several pieces (or a block not full) are joined once: the
     * joined copy is counted while the pieces still are, then the pieces are let go.
     */
    byte[] bytes() throws IOException {
        sealBlock();
        if (pieces.isEmpty()) {
            return new byte[0];
        }
        Piece first = pieces.get(0);
        if (pieces.size() > 1 || first.length() != first.array().length) {
            long wholeCost = cost(Math.toIntExact(length));
            hold(wholeCost);
            byte[] whole = new byte[Math.toIntExact(length)];
            int at = 0;
            for (Piece piece : pieces) {
                System.arraycopy(piece.array(), 0, whole, at, piece.length());
                at += piece.length();
            }
            pieces.clear();
            pieces.add(new Piece(whole, whole.length));
            release(piecesCost);
            piecesCost = wholeCost;
        }
        return pieces.get(0).array();
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
        block = null;
        release(held);
    }
}

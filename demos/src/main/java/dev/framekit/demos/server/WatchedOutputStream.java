package dev.framekit.demos.server;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.util.function.BooleanSupplier;

/**
 * A socket's output stream that lets a watchdog see a peer that stopped reading. It writes in
 * pieces of at most {@value #PIECE} bytes and notes, while a piece is being written, since when
 * and how many bytes of the write are still unsent: a peer that takes bytes slowly but steadily
 * keeps finishing pieces, one that takes none leaves a piece in progress for ever. Blocking socket
 * writes have no timeout in Java; the watchdog closes the socket instead (see {@link Watchdog}).
 * One thread writes at a time; the watchdog only reads the two fields.
 */
final class WatchedOutputStream extends FilterOutputStream {
    /** The most bytes handed to the socket in one call, so that progress is seen at this granularity. */
    static final int PIECE = 16 * 1024;

    /** {@link #pieceSince} when no write is in progress. */
    static final long NOT_WRITING = Long.MIN_VALUE;

    private volatile long pieceSince = NOT_WRITING;
    private volatile long unsent;
    private volatile long written;
    private final BooleanSupplier recount;

    /** @param recount tells the memory budget about a write about to start; false if the peer was shed */
    WatchedOutputStream(OutputStream out, BooleanSupplier recount) {
        super(out);
        this.recount = recount;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            unsent = len;
            if (!recount.getAsBoolean()) {
                throw new SocketException("Socket closed");
            }
            int done = 0;
            while (done < len) {
                int piece = Math.min(PIECE, len - done);
                unsent = len - done;
                pieceSince = System.nanoTime();
                out.write(b, off + done, piece);
                done += piece;
                written += piece; // one thread writes

            }
        } finally {
            pieceSince = NOT_WRITING;
            unsent = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** How long the piece being written has waited for the peer at {@code now}, in nanoseconds; 0 if none is. */
    long stalledNanos(long now) {
        long since = pieceSince;
        return since == NOT_WRITING ? 0 : now - since;
    }

    /** Bytes the socket has taken so far, in all. */
    long written() {
        return written;
    }

    /** Bytes of the write in progress not yet taken by the socket (at most; the last piece may be partly taken). */
    long unsent() {
        return unsent;
    }
}

package dev.framekit.demos.server;

import dev.framekit.framing.FrameReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A socket's input stream that enforces two limits on each read a {@link FrameReader} makes:
 *
 * <ul>
 *   <li><b>idle timeout</b>: between frames, a peer may send nothing for at most this long;
 *   <li><b>frame timeout</b>: once the first byte of a frame has arrived, the whole frame must
 *       arrive within this long. A read timeout alone cannot stop a slowloris peer, since each
 *       trickled byte starts it afresh.
 * </ul>
 *
 * <p>It tells "between frames" from "inside a frame" by asking the attached reader how many
 * bytes it holds when it asks for more: none means the next frame has not begun; some means a
 * frame is partly here. If fewer bytes are held than after the last read, frames were taken in
 * between, so the partial frame now held began with the last bytes that arrived. The socket's
 * read timeout is set before each read to whichever limit ends first. Used only by the thread
 * that reads the connection.
 */
final class FrameDeadlineInputStream extends FilterInputStream {
    private final Socket socket;
    private final Duration idleTimeout;
    private final Duration frameTimeout;
    private FrameReader reader;
    private long partialSince = -1;
    private long lastDataAt;
    private int bufferedAfterLastRead;

    FrameDeadlineInputStream(InputStream in, Socket socket, Duration idleTimeout, Duration frameTimeout) {
        super(in);
        this.socket = socket;
        this.idleTimeout = idleTimeout;
        this.frameTimeout = frameTimeout;
    }

    /** The reader whose buffer tells whether a frame is partly here; until attached, only the idle timeout applies. */
    void attach(FrameReader frameReader) {
        this.reader = frameReader;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int buffered = reader == null ? 0 : reader.buffered();
        long now = System.nanoTime();
        if (buffered == 0) {
            partialSince = -1;
        } else if (partialSince < 0 || buffered < bufferedAfterLastRead) {
            partialSince = lastDataAt;
        }
        long timeoutMillis = idleTimeout.toMillis();
        boolean frameBound = false;
        if (partialSince >= 0 && !frameTimeout.isZero()) {
            long left = partialSince + frameTimeout.toNanos() - now;
            if (left <= 0) {
                throw new FrameTimeoutException(frameTimeout, buffered);
            }
            long leftMillis = Math.max(1, (left + 999_999) / 1_000_000);
            if (timeoutMillis == 0 || leftMillis < timeoutMillis) {
                timeoutMillis = leftMillis;
                frameBound = true;
            }
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
        int n;
        try {
            n = super.read(b, off, len);
        } catch (SocketTimeoutException e) {
            if (frameBound) {
                throw new FrameTimeoutException(frameTimeout, buffered);
            }
            throw e;
        }
        if (n > 0) {
            lastDataAt = System.nanoTime();
            bufferedAfterLastRead = buffered + n;
        }
        return n;
    }
}

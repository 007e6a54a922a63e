package dev.framekit.framing;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * How long a reader waits for the peer: over a socket, the socket's read timeout, which this
 * alone sets (from the reader's {@code readTimeout}, cut shorter for a frame deadline or the idle
 * grace), and only when the value changes. Over a plain stream a read cannot be cut short, and
 * every wait is the stream's own.
 */
final class ReadWait {
    /** {@link #applied} before anything was set. */
    private static final int UNSET = -1;

    /** The socket whose read timeout this sets; null over a plain stream. */
    private final Socket socket;
    /** How long a read waits for the peer's next bytes, in milliseconds; 0 for as long as it takes. */
    private int timeoutMillis;
    /** The read timeout last set on the socket. */
    private int applied = UNSET;

    ReadWait(Socket socket) {
        this.socket = socket;
        if (socket != null) {
            try {
                timeoutMillis = socket.getSoTimeout(); // what the socket's owner set before handing it over
                applied = timeoutMillis;
            } catch (SocketException closed) {
                // the first read says so
            }
        }
    }

    /** A read that may block on the socket. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException;
    }

    boolean overSocket() {
        return socket != null;
    }

    int timeoutMillis() {
        return timeoutMillis;
    }

    /**
     * Sets how long a read waits for the peer's next bytes (zero: as long as it takes); a
     * positive wait under a millisecond waits one.
     */
    void timeout(Duration timeout) {
        checkTimeout(timeout);
        if (socket == null) {
            throw new IllegalStateException("readTimeout needs a reader over a socket (FrameReader.over)");
        }
        long millis = timeout.toMillis();
        this.timeoutMillis = millis == 0 && !timeout.isZero() ? 1 : (int) Math.min(Integer.MAX_VALUE, millis);
    }

    /** Refuses a negative read timeout, in the words every setter of one uses. */
    static Duration checkTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("readTimeout must not be negative, got " + timeout);
        }
        return timeout;
    }

    /**
     * Runs {@code step} waiting at most {@code limitMillis} (0: no limit) or the read timeout,
     * the shorter. Returns false if the limit expired; the read timeout is thrown as it came.
     */
    boolean within(int limitMillis, Step step) throws IOException {
        boolean limited = limitMillis != 0 && (timeoutMillis == 0 || limitMillis < timeoutMillis);
        if (!limited) {
            apply(timeoutMillis);
            step.run();
            return true;
        }
        return withinOrTimeout(limitMillis, step);
    }

    /** Runs {@code step} waiting at most {@code millis}; false if that wait expired. */
    boolean withinOrTimeout(int millis, Step step) throws IOException {
        apply(millis);
        try {
            step.run();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Sets the socket's read timeout, when there is a socket and the value changed. */
    void apply(int millis) throws IOException {
        if (socket != null && millis != applied && !socket.isClosed()) {
            socket.setSoTimeout(millis);
            applied = millis;
        }
    }
}

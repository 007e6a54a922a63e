package dev.framekit.demos.http;

import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameTimeoutException;
import dev.framekit.framing.FramingException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Bounds the time one request body takes in all ({@code --body-timeout}). The frame deadline
 * bounds each piece or chunk from its first byte, and the read timeout each wait between them,
 * but a peer that sends a small chunk every few seconds meets both for ever. So before each piece
 * the reader's two timeouts are cut to the body's time left, and a timeout once that is up is the
 * body's: {@link Expired}. Afterwards {@link #close()} puts the reader's own timeouts back.
 */
final class BodyClock implements AutoCloseable {
    /** The body's time ran out; the server answers 408 and closes the connection. */
    static final class Expired extends FramingException {
        private static final long serialVersionUID = 1L;

        Expired(Duration limit, long bytes) {
            super("body not complete within --body-timeout " + limit.toMillis() + " ms (" + bytes + " bytes of it arrived)");
        }
    }

    private final FrameReader reader;
    private final Duration limit;
    private final long deadline;
    private final Duration readTimeout;
    private final Duration frameDeadline;

    /** Starts the clock for a body read from {@code reader}; a zero {@code limit} bounds nothing. */
    BodyClock(FrameReader reader, Duration limit) {
        this.reader = reader;
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
        this.readTimeout = limit.isZero() ? null : reader.readTimeout();
        this.frameDeadline = reader.frameDeadline();
    }

    /**
     * Before reading the next piece: lets it wait no longer than the body's time left.
     *
     * @throws Expired if the body's time is up
     */
    void beforePiece(long bytesSoFar) throws Expired {
        if (limit.isZero()) {
            return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new Expired(limit, bytesSoFar);
        }
        Duration leftRoundedUp = Duration.ofMillis((left + 999_999) / 1_000_000); // a read timeout of 0 ms would be none
        reader.readTimeout(shorter(readTimeout, leftRoundedUp));
        reader.frameDeadline(shorter(frameDeadline, leftRoundedUp));
    }

    /** {@code e}, a read's failure, or {@link Expired} if it is a timeout that came because the body's time is up. */
    IOException failure(IOException e, long bytesSoFar) {
        boolean timeout = e instanceof SocketTimeoutException || e instanceof FrameTimeoutException;
        return timeout && !limit.isZero() && System.nanoTime() - deadline >= 0 ? new Expired(limit, bytesSoFar) : e;
    }

    /** Puts the reader's own timeouts back. */
    @Override
    public void close() {
        if (!limit.isZero()) {
            reader.readTimeout(readTimeout);
            reader.frameDeadline(frameDeadline);
        }
    }

    /** The shorter of two limits, where zero is none. */
    private static Duration shorter(Duration own, Duration left) {
        return own.isZero() || left.compareTo(own) < 0 ? left : own;
    }
}

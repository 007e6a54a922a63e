package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.time.Duration;

/**
 * A reader's frame deadline: how long a frame may take from its first byte to its last, which a
 * read timeout cannot bound against a peer that trickles bytes. It knows when a frame began (bytes
 * are buffered that no frame has taken), and fills the buffer waiting no longer than the time
 * left: over a socket the wait is cut short; over a plain stream, whose read cannot be, the bytes
 * a read brings are judged by when they came.
 */
final class FrameDeadline {
    /** {@link #partialSince} when no frame is partly buffered. */
    private static final long NO_PARTIAL_FRAME = Long.MIN_VALUE;

    private final InboundBuffer inbound;
    /** The deadline in nanoseconds, or 0 for none. */
    private long nanos;
    /** When the first byte of the partly buffered frame arrived ({@link System#nanoTime()}). */
    private long partialSince = NO_PARTIAL_FRAME;

    FrameDeadline(InboundBuffer inbound) {
        this.inbound = inbound;
    }

    void set(Duration deadline) {
        this.nanos = check(deadline).toNanos();
    }

    /** Refuses a negative frame deadline, in the words every setter of one uses. */
    static Duration check(Duration deadline) {
        if (deadline.isNegative()) {
            throw new IllegalArgumentException("frameDeadline must not be negative, got " + deadline);
        }
        return deadline;
    }

    Duration get() {
        return Duration.ofNanos(nanos);
    }

    /** A frame was handed out (or the frames ended): no frame is partly buffered now. */
    void frameTaken() {
        partialSince = NO_PARTIAL_FRAME;
    }

    /**
     * Fills the buffer, keeping the deadline: fails if the partly buffered frame is already late;
     * over a socket lets the read wait no longer than the time left.
     */
    void fill(Framer framer) throws IOException {
        ByteBuf buffer = inbound.bytes();
        if (buffer.isReadable() && partialSince == NO_PARTIAL_FRAME) {
            partialSince = inbound.lastArrival(); // leftovers of the last read begin the next frame
        } else if (!buffer.isReadable()) {
            partialSince = NO_PARTIAL_FRAME;
        }
        if (nanos == 0 || partialSince == NO_PARTIAL_FRAME) {
            inbound.fill(0);
            return;
        }
        long left = partialSince + nanos - System.nanoTime();
        if (left <= 0) {
            throw late(framer);
        }
        if (!inbound.readWait().overSocket()) {
            inbound.fill(0);
            if (System.nanoTime() - partialSince > nanos) {
                throw late(framer);
            }
            return;
        }
        int leftMillis = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(1, (left + 999_999) / 1_000_000));
        if (!inbound.fill(leftMillis)) {
            throw late(framer);
        }
    }

    private FrameTimeoutException late(Framer framer) {
        ByteBuf buffer = inbound.bytes();
        int received = buffer.readableBytes();
        return new FrameTimeoutException("frame deadline: a frame was not complete within "
                + get().toMillis() + " ms of its first byte; " + received + " bytes of it arrived ("
                + framer + "; raise it with frameDeadline(duration) if the peer is legitimately slow): "
                + HexPreview.of(buffer, buffer.readerIndex(), received), get(), received);
    }
}

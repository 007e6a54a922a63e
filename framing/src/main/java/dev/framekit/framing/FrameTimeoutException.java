package dev.framekit.framing;

import java.time.Duration;

/**
 * A frame was not complete within the reader's frame deadline after its first byte arrived (see
 * {@link FrameReader#frameDeadline(Duration)}).
 *
 * <p>A read timeout alone cannot stop a peer that trickles a frame one byte at a time ("slowloris"),
 * since each byte starts the timeout afresh; the frame deadline counts from the frame's first
 * byte. The frame's bytes so far stay unread, and the reader throws this exception again from
 * every later read: close the connection.
 */
public final class FrameTimeoutException extends FramingException {
    private static final long serialVersionUID = 1L;

    /** The deadline that passed. */
    private final Duration deadline;
    /** Bytes of the unfinished frame that had arrived. */
    private final long bytesReceived;

    /**
     * Creates a frame-deadline error with the numbers it reports.
     *
     * @param message the complete, human-readable description
     * @param deadline the frame deadline that passed
     * @param bytesReceived bytes of the unfinished frame that had arrived
     */
    public FrameTimeoutException(String message, Duration deadline, long bytesReceived) {
        super(message);
        this.deadline = deadline;
        this.bytesReceived = bytesReceived;
    }

    /**
     * Returns the frame deadline that passed.
     *
     * @return the time a frame may take from its first byte to its last
     */
    public Duration deadline() {
        return deadline;
    }

    /**
     * Returns how many bytes of the unfinished frame had arrived.
     *
     * @return the buffered bytes of the late frame
     */
    public long bytesReceived() {
        return bytesReceived;
    }
}

package dev.framekit.framing;

/**
 * An inbound frame is longer than the framer's maximum frame length.
 *
 * <p>It is raised as soon as the excess is known and <b>before the frame is buffered or any
 * memory is allocated for it</b>: a length prefix of {@code 0xFFFFFFFF} fails after its four
 * header bytes, a delimited frame fails once more than the maximum has arrived without a
 * delimiter. This is the framer's defence against a peer that would make the receiver buffer
 * without bound.
 *
 * <p>If the peer is legitimate, raise the limit with the framer's {@code maxFrameLength(int)}
 * (for example {@code Framers.lengthPrefixed().maxFrameLength(16 << 20)}).
 *
 * <p><b>Resuming.</b> Where the framing rule can find the start of the next frame without the
 * oversized one (the delimiter framer: the next frame starts after the next delimiter; a
 * length-prefixed framer under {@link OversizePolicy#SKIP}: after the declared length), the
 * exception is {@link #resumable()}: reading again discards the rest of the oversized frame as it
 * arrives, without buffering it, and carries on with the next frame. Otherwise the stream is out
 * of step with the framing rule and the connection should be closed.
 */
public final class FrameTooLongException extends FramingException {
    private static final long serialVersionUID = 1L;

    /** The declared frame length, or its lower bound {@code max + 1}. */
    private final long frameLength;
    /** The limit that was exceeded. */
    private final int maxFrameLength;
    /** Whether a later read skips the oversized frame and carries on. */
    private final boolean resumable;

    /**
     * Creates a frame-too-long error after which the stream cannot be resumed.
     *
     * @param message the complete, human-readable description
     * @param frameLength the declared frame length, or a lower bound of it ({@code max + 1})
     *     when the framing rule does not declare lengths up front
     * @param maxFrameLength the framer's limit that was exceeded
     */
    public FrameTooLongException(String message, long frameLength, int maxFrameLength) {
        this(message, frameLength, maxFrameLength, false);
    }

    /**
     * Creates a frame-too-long error, saying whether reading can go on past the frame.
     *
     * @param message the complete, human-readable description
     * @param frameLength the declared frame length, or a lower bound of it ({@code max + 1})
     *     when the framing rule does not declare lengths up front
     * @param maxFrameLength the framer's limit that was exceeded
     * @param resumable whether reading again skips the oversized frame and continues
     */
    public FrameTooLongException(String message, long frameLength, int maxFrameLength, boolean resumable) {
        super(message);
        this.frameLength = frameLength;
        this.maxFrameLength = maxFrameLength;
        this.resumable = resumable;
    }

    /**
     * Returns whether reading can continue: the decoder will discard the rest of the oversized
     * frame as it arrives and then decode the next frame. True for the delimiter framer and for
     * a length-prefixed framer under {@link OversizePolicy#SKIP}.
     *
     * @return true if a later read skips this frame and carries on
     */
    public boolean resumable() {
        return resumable;
    }

    /**
     * Returns the declared length of the frame, or, for framers that do not declare a length
     * (delimiter, send-and-close), the lower bound {@code maxFrameLength() + 1}.
     *
     * @return the frame length that exceeded the limit, in bytes
     */
    public long frameLength() {
        return frameLength;
    }

    /**
     * Returns the limit that was exceeded.
     *
     * @return the framer's maximum frame length, in bytes
     */
    public int maxFrameLength() {
        return maxFrameLength;
    }
}

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
 */
public final class FrameTooLongException extends FramingException {
    private static final long serialVersionUID = 1L;

    private final long frameLength;
    private final int maxFrameLength;

    /**
     * @param message the complete, human-readable description
     * @param frameLength the declared frame length, or a lower bound of it ({@code max + 1})
     *     when the framing rule does not declare lengths up front
     * @param maxFrameLength the framer's limit that was exceeded
     */
    public FrameTooLongException(String message, long frameLength, int maxFrameLength) {
        super(message);
        this.frameLength = frameLength;
        this.maxFrameLength = maxFrameLength;
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

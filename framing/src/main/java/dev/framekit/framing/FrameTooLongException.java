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
 * <p>If the peer is legitimate, raise the limit with the framer's {@code withMaxFrameLength(int)}
 * (for example {@code Framers.lengthPrefixed().withMaxFrameLength(16 << 20)}).
 *
 * <p><b>Skipping.</b> Where the framing rule can find the start of the next frame without the
 * oversized one (the delimiter framer: after the next delimiter; a length-prefixed framer under
 * {@link OversizePolicy#SKIP}: after the declared length), the decoder skips the frame instead of
 * failing: {@link FrameDecoder#decodeFrame} and {@link FrameReader#read()} return a
 * {@link Frame#isSkipped() skipped} frame whose {@link Frame#skipReason()} is this exception, and
 * the plain {@link FrameReader#readFrame()} throws it and reads on from the next frame at the next
 * call. Otherwise the stream is out of step with the framing rule and the connection should be
 * closed.
 */
public final class FrameTooLongException extends FramingException {
    private static final long serialVersionUID = 1L;

    /** The declared frame length, or its lower bound {@code max + 1}. */
    private final long frameLength;
    /** The limit that was exceeded. */
    private final int maxFrameLength;

    /**
     * Creates a frame-too-long error.
     *
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

    /** Marks this as a frame the decoder skipped: reading goes on. */
    @Override
    FrameTooLongException markSkipped() {
        super.markSkipped();
        return this;
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

package dev.framekit.framing.internal;

import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;

/**
 * The frame-length limits every framer uses, in one place: the default maximum, the largest
 * maximum a framer may be configured with, and the two checks built on them, for the
 * library's own framers (a user's framer states its own limits).
 *
 * <p><b>Security.</b> Every framer caps the frames it accepts at {@link #DEFAULT_MAX_FRAME_LENGTH}
 * (1 MiB) unless told otherwise, so a peer cannot make a receiver buffer without bound. Raising
 * the cap is an explicit, per-framer opt-in ({@code withMaxFrameLength(n)}), up to
 * {@link #LARGEST_MAX_FRAME_LENGTH}.
 */
public final class FrameLimits {
    /** The maximum frame length every framer starts with: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 1 << 20;

    /**
     * The largest maximum frame length a framer accepts: 1 GiB. Frames are handed out as single
     * buffers and arrays, so they must stay well under Java's 2 GiB array limit.
     */
    public static final int LARGEST_MAX_FRAME_LENGTH = 1 << 30;

    private FrameLimits() {}

    /**
     * Validates a configured maximum frame length.
     *
     * @param maxFrameLength the value to check
     * @param framerName the framer's name, for the message (e.g. {@code "delimiter"})
     * @return {@code maxFrameLength}
     * @throws IllegalArgumentException if it is not between 1 and {@link #LARGEST_MAX_FRAME_LENGTH},
     *     with a message that names the framer and the value
     */
    public static int checkMaxFrameLength(int maxFrameLength, String framerName) {
        if (maxFrameLength < 1 || maxFrameLength > LARGEST_MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException(framerName + ": maxFrameLength must be between 1 and "
                    + LARGEST_MAX_FRAME_LENGTH + " bytes, got " + maxFrameLength);
        }
        return maxFrameLength;
    }

    /**
     * Returns the refusal for a message over {@code maxFrameLength}, or {@code null} if it fits:
     * the common first check of every framer's {@link dev.framekit.framing.Framer#check(ByteBuf)}.
     *
     * @param message the message; its readable bytes are the payload (indices unchanged)
     * @param maxFrameLength the framer's maximum
     * @param framerName the framer's name, for the message
     * @return the refusal, naming the length and the limit, or {@code null}
     */
    public static MessageRefusedException refuseOverMaximum(ByteBuf message, int maxFrameLength, String framerName) {
        return refuseOverMaximum(message, maxFrameLength, framerName, "withMaxFrameLength(n)");
    }

    /**
     * Like {@link #refuseOverMaximum(ByteBuf, int, String)}, for a framer whose maximum is raised
     * another way, named in {@code howToRaise} (e.g. {@code Framers.cobs(maxFrameLength)}).
     *
     * @param message the message; its readable bytes are the payload (indices unchanged)
     * @param maxFrameLength the framer's maximum
     * @param framerName the framer's name, for the message
     * @param howToRaise the call that raises the maximum
     * @return the refusal, naming the length and the limit, or {@code null}
     */
    public static MessageRefusedException refuseOverMaximum(ByteBuf message, int maxFrameLength, String framerName,
            String howToRaise) {
        int length = message.readableBytes();
        if (length <= maxFrameLength) {
            return null;
        }
        return new MessageRefusedException(framerName + ": message is " + length
                + " bytes, over the maximum frame length of " + maxFrameLength
                + " bytes; raise it with " + howToRaise + " on both sides: "
                + HexPreview.of(message, message.readerIndex(), length), length);
    }
}

package dev.framekit.framing.support;

import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.TruncatedFrameException;
import java.util.List;

/**
 * Wire bytes for one framer and what decoding them must give: the frames in order, then how the
 * stream ends, written as a {@link DecodeOutcome#signature() signature} such as {@code clean end}
 * or {@code TruncatedFrameException(received=6, expected=9)}.
 *
 * @param failsWithin for a frame over the maximum that must fail before the end of the stream:
 *     how many wire bytes suffice for the decoder to fail (one fewer must not); -1 otherwise
 */
public record WireInput(String description, Framer framer, byte[] wire, List<byte[]> frames, String ending, int failsWithin) {

    public static final String CLEAN_END = "clean end";

    /** Whole frames only: the stream ends cleanly after them. */
    public static WireInput complete(String description, Framer framer, byte[] wire, List<byte[]> frames) {
        return new WireInput(description, framer, wire, frames, CLEAN_END, -1);
    }

    /** The stream ends inside a frame, after {@code received} of its {@code expected} bytes. */
    public static WireInput truncated(String description, Framer framer, byte[] wire, List<byte[]> frames,
            long received, long expected) {
        return new WireInput(description, framer, wire, frames, truncatedSignature(received, expected), -1);
    }

    /**
     * A frame over the maximum; if {@code failsWithin} is not -1 the decoder must fail once that
     * many bytes have arrived, without waiting for the end of the stream.
     */
    public static WireInput tooLong(String description, Framer framer, byte[] wire, List<byte[]> frames,
            long frameLength, int maxFrameLength, int failsWithin) {
        return new WireInput(description, framer, wire, frames, tooLongSignature(frameLength, maxFrameLength),
                failsWithin);
    }

    /**
     * Bytes that break the framing rule itself (a non-digit in an ASCII length, a missing comma):
     * a plain {@link FramingException} once they arrive.
     */
    public static WireInput malformed(String description, Framer framer, byte[] wire, List<byte[]> frames) {
        return new WireInput(description, framer, wire, frames, "FramingException", -1);
    }

    public static String truncatedSignature(long received, long expected) {
        return "TruncatedFrameException(received=" + received + ", expected=" + expected + ")";
    }

    public static String tooLongSignature(long frameLength, int maxFrameLength) {
        return "FrameTooLongException(frameLength=" + frameLength + ", max=" + maxFrameLength + ")";
    }

    @Override
    public String toString() {
        return description + " (" + wire.length + " bytes)";
    }
}

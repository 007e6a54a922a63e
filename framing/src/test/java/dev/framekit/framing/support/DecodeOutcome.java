package dev.framekit.framing.support;

import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.TruncatedFrameException;
import dev.framekit.framing.testing.Outcome;
import java.util.List;

/**
 * What decoding one whole stream produced: the frames in order, then how the stream ended
 * (cleanly, or with a {@link FramingException}). Two feedings of the same bytes, however they
 * are split into reads, must give equal outcomes: the same frames, the same exception class,
 * numbers and message.
 */
public final class DecodeOutcome {
    private final List<byte[]> frames;
    private final FramingException failure;

    public DecodeOutcome(List<byte[]> frames, FramingException failure) {
        this.frames = List.copyOf(frames);
        this.failure = failure;
    }

    /** The same outcome, from the conformance kit's feeding. */
    public static DecodeOutcome of(Outcome outcome) {
        return new DecodeOutcome(outcome.frames(), outcome.failure());
    }

    public List<byte[]> frames() {
        return frames;
    }

    /** The exception the stream ended with, or null for a clean end. */
    public FramingException failure() {
        return failure;
    }

    /**
     * How the stream ended, without the message text: {@code clean end},
     * {@code TruncatedFrameException(received=R, expected=E)},
     * {@code FrameTooLongException(frameLength=L, max=M)}, or the exception's class name.
     */
    public String signature() {
        return signatureOf(failure);
    }

    public static String signatureOf(FramingException failure) {
        if (failure == null) {
            return WireInput.CLEAN_END;
        }
        if (failure instanceof TruncatedFrameException truncated) {
            return WireInput.truncatedSignature(truncated.bytesReceived(), truncated.bytesExpected());
        }
        if (failure instanceof FrameTooLongException tooLong) {
            return WireInput.tooLongSignature(tooLong.frameLength(), tooLong.maxFrameLength());
        }
        return failure.getClass().getSimpleName();
    }

    /** True if the frames are {@code expected}, byte for byte. */
    public boolean hasFrames(List<byte[]> expected) {
        return Outcome.sameFrames(frames, expected);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecodeOutcome that
                && Outcome.sameFrames(frames, that.frames)
                && ending().equals(that.ending());
    }

    @Override
    public int hashCode() {
        return 31 * frames.size() + ending().hashCode();
    }

    /** E.g. {@code 2 frames [0 bytes, 3 bytes 61 62 63], then clean end}. */
    @Override
    public String toString() {
        return Outcome.describe(frames) + ", then " + ending();
    }

    private String ending() {
        return failure == null ? signature() : signature() + ": " + failure.getMessage();
    }
}

package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/**
 * A decoder whose framing can skip an oversized frame and go on (the delimiter's over-long line,
 * a length prefix under {@link OversizePolicy#SKIP}). Its {@link #next} reports a skip with
 * {@link #skip}; the typed path returns it as {@link Frame#skipped}, the plain path throws it, and
 * either way the next call carries on after the skipped frame.
 */
abstract class SkippingDecoder implements FrameDecoder {
    private FrameTooLongException skipped;

    /**
     * The next frame's payload or null, under {@link FrameDecoder#decode}'s contract; a frame to
     * skip is reported with {@code return skip(reason)}.
     */
    abstract ByteBuf next(ByteBuf in, boolean endOfStream) throws FramingException;

    /** Reports a skipped frame from {@link #next}: returns null, and the caller sees the skip. */
    final ByteBuf skip(FrameTooLongException reason) {
        skipped = reason.markSkipped();
        return null;
    }

    @Override
    public final ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        ByteBuf frame = next(in, endOfStream);
        FrameTooLongException reason = takeSkipped();
        if (reason != null) {
            throw reason;
        }
        return frame;
    }

    @Override
    public final Frame decodeFrame(ByteBuf in, boolean endOfStream) throws FramingException {
        ByteBuf frame = next(in, endOfStream);
        FrameTooLongException reason = takeSkipped();
        if (reason != null) {
            return Frame.skipped(reason);
        }
        return frame == null ? null : Frame.of(frame);
    }

    private FrameTooLongException takeSkipped() {
        FrameTooLongException reason = skipped;
        skipped = null;
        return reason;
    }
}

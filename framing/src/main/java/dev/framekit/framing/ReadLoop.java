package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.Objects;

/**
 * A reader's read loop: decodes what is buffered with the current framer's decoder, calls the
 * decoder again after progress without a frame (the one rule of {@link FrameDecoder}), and fills
 * the buffer, keeping the frame deadline, when the decoder needs bytes. A framing error leaves the
 * stream out of step with the rule, so it is remembered and thrown again from every later read;
 * a skipped oversized frame is not.
 */
final class ReadLoop {
    private final InboundBuffer inbound;
    private final FrameDeadline deadline;
    private Framer framer;
    private FrameDecoder decoder;
    private FramingException failure;

    ReadLoop(InboundBuffer inbound, FrameDeadline deadline, Framer framer) {
        this.inbound = inbound;
        this.deadline = deadline;
        framer(framer);
    }

    /** Switches to another rule; the buffered bytes stay, a partly decoded frame is not resumed. */
    void framer(Framer framer) {
        this.framer = Objects.requireNonNull(framer, "framer");
        this.decoder = framer.newDecoder();
    }

    Framer framer() {
        return framer;
    }

    /**
     * The next frame as a {@link Frame} ({@code typed}) or as its payload, or null at the end of
     * the stream or of the framer's section.
     */
    <T> T next(boolean typed, Class<T> type) throws IOException {
        inbound.enter();
        try {
            if (failure != null) {
                throw failure;
            }
            while (true) {
                ByteBuf buffer = inbound.bytes();
                int before = buffer.readerIndex();
                Object frame = decodeBuffered(buffer, typed);
                if (frame != null || inbound.isEndOfStream() || decoder.isFinished()) {
                    deadline.frameTaken();
                    return type.cast(frame);
                }
                if (buffer.readerIndex() != before) {
                    continue; // progress without a frame: call again (FrameDecoder's one rule)
                }
                try {
                    deadline.fill(framer);
                } catch (FrameTimeoutException e) {
                    failure = e; // remembered, like every framing error, and thrown again from later reads
                    throw e;
                }
            }
        } finally {
            inbound.leave();
        }
    }

    private Object decodeBuffered(ByteBuf buffer, boolean typed) throws FramingException {
        try {
            return typed ? decoder.decodeFrame(buffer, inbound.isEndOfStream())
                    : decoder.decode(buffer, inbound.isEndOfStream());
        } catch (FramingException e) {
            if (!e.isSkipped()) {
                failure = e; // a skipped frame (oversized, or damaged in COBS, SLIP) is reported once
            }
            throw e;
        } finally {
            inbound.decoderHolds(decoder.heldCapacity());
        }
    }
}

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
    /** What lending the next buffered frame to a visitor came to: no frame, go on, or stop after it. */
    private static final int NO_FRAME = 0;
    private static final int GO_ON = 1;
    private static final int STOP = 2;

    private final InboundBuffer inbound;
    private final FrameDeadline deadline;
    private Framer framer;
    private FrameDecoder decoder;
    private FramingException failure;
    /** The view {@link #each} lends a visitor: one duplicate of the buffer, re-aimed at each payload. */
    private ByteBuf view;

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

    /**
     * Hands the visitor every frame buffered, after reading until there is one; the count handed,
     * 0 only at the end of the stream or of the framer's section. See {@link FrameReader#readEach}.
     */
    int each(FrameVisitor visitor) throws IOException {
        inbound.enter();
        try {
            if (failure != null) {
                throw failure;
            }
            int count = 0;
            while (true) {
                ByteBuf buffer = inbound.bytes();
                int before = buffer.readerIndex();
                int visited = visitBuffered(buffer, visitor);
                if (visited != NO_FRAME) {
                    deadline.frameTaken();
                    count++;
                    if (visited == STOP) {
                        return count;
                    }
                    continue;
                }
                if (count > 0 || inbound.isEndOfStream() || decoder.isFinished()) {
                    deadline.frameTaken();
                    return count;
                }
                if (buffer.readerIndex() != before) {
                    continue; // progress without a frame: call again (FrameDecoder's one rule)
                }
                try {
                    deadline.fill(framer);
                } catch (FrameTimeoutException e) {
                    failure = e;
                    throw e;
                }
            }
        } finally {
            inbound.leave();
        }
    }

    /** Decodes the next buffered frame and lends it to the visitor: {@link #NO_FRAME}, {@link #GO_ON} or {@link #STOP}. */
    private int visitBuffered(ByteBuf buffer, FrameVisitor visitor) throws IOException {
        if (!(decoder instanceof InPlaceDecoder inPlace)) {
            ByteBuf frame = (ByteBuf) decodeBuffered(buffer, false);
            if (frame == null) {
                return NO_FRAME;
            }
            try {
                return lend(frame, visitor);
            } finally {
                frame.release();
            }
        }
        long span;
        try {
            span = inPlace.locate(buffer, inbound.isEndOfStream());
        } catch (FramingException e) {
            if (!e.isSkipped()) {
                failure = e;
            }
            throw e;
        }
        if (span == InPlaceDecoder.NONE) {
            return NO_FRAME;
        }
        if (view == null || view.unwrap() != buffer) {
            view = buffer.duplicate();
        }
        int index = InPlaceDecoder.index(span);
        view.setIndex(index, index + InPlaceDecoder.length(span));
        try {
            return lend(view, visitor);
        } finally {
            view.clear(); // a visitor that kept it reads nothing, not the next frame's bytes
        }
    }

    /** Calls the visitor, and fails if it retained or released what it was lent (a view's count is the buffer's). */
    private static int lend(ByteBuf payload, FrameVisitor visitor) throws IOException {
        int references = payload.refCnt();
        boolean more = visitor.frame(payload);
        if (payload.refCnt() != references) {
            throw new IllegalStateException("a FrameVisitor retained or released the payload it was lent (reference count "
                    + references + " before the call, " + payload.refCnt() + " after); the payload is valid only during"
                    + " the call: copy it to keep it");
        }
        return more ? GO_ON : STOP;
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

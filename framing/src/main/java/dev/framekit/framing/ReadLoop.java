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
    private final Lender lender = new Lender();

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
            lender.start(visitor);
            while (true) {
                ByteBuf buffer = inbound.bytes();
                int before = buffer.readerIndex();
                int lent = lender.count;
                visitBuffered(buffer);
                if (lender.count != lent) {
                    deadline.frameTaken();
                    if (lender.stopped) {
                        return lender.count;
                    }
                    continue;
                }
                if (lender.count > 0 || inbound.isEndOfStream() || decoder.isFinished()) {
                    deadline.frameTaken();
                    return lender.count;
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
            lender.visitor = null;
            inbound.leave();
        }
    }

    /**
     * Lends the visitor the frames buffered: an in-place decoder's every one, in one call to it
     * ({@link InPlaceDecoder#locateEach}); another decoder's next one, a slice released after.
     */
    private void visitBuffered(ByteBuf buffer) throws IOException {
        if (!(decoder instanceof InPlaceDecoder inPlace)) {
            ByteBuf frame = (ByteBuf) decodeBuffered(buffer, false);
            if (frame != null) {
                try {
                    lender.lend(frame);
                } finally {
                    frame.release();
                }
            }
            return;
        }
        lender.aim(buffer, inPlace);
        try {
            inPlace.locateEach(buffer, inbound.isEndOfStream(), lender);
        } catch (FramingException e) {
            if (!e.isSkipped()) {
                failure = e;
            }
            throw e;
        }
    }

    /** Lends frames to the visitor of the {@link #each} call under way, and counts them. */
    private final class Lender implements InPlaceDecoder.Spans {
        private FrameVisitor visitor;
        /** The decoder locating the frames lent: a visitor that switches the framer ends its run. */
        private InPlaceDecoder locating;
        /** What an in-place decoder's frames are lent as: one duplicate of the buffer, re-aimed at each payload. */
        private ByteBuf view;
        private int count;
        private boolean stopped;

        void start(FrameVisitor visitor) {
            this.visitor = visitor;
            count = 0;
            stopped = false;
        }

        /** Lends {@code decoder}'s frames next, from {@code buffer}, through a view of it. */
        void aim(ByteBuf buffer, InPlaceDecoder decoder) {
            if (view == null || view.unwrap() != buffer) {
                view = buffer.duplicate();
            }
            locating = decoder;
        }

        /** Lends the payload at {@code span} of the buffer, through the one view re-aimed at it. */
        @Override
        public boolean take(long span) throws IOException {
            int index = InPlaceDecoder.index(span);
            view.setIndex(index, index + InPlaceDecoder.length(span));
            try {
                return lend(view) && decoder == locating; // after a switch, the new framer's decoder goes on
            } finally {
                view.clear(); // a visitor that kept it reads nothing, not the next frame's bytes
            }
        }

        /** Calls the visitor, and fails if it retained or released what it was lent (a view's count is the buffer's). */
        boolean lend(ByteBuf payload) throws IOException {
            int references = payload.refCnt();
            boolean more = visitor.frame(payload);
            if (payload.refCnt() != references) {
                throw new IllegalStateException("a FrameVisitor retained or released the payload it was lent (reference count "
                        + references + " before the call, " + payload.refCnt() + " after); the payload is valid only during"
                        + " the call: copy it to keep it");
            }
            count++;
            stopped = !more;
            return more;
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

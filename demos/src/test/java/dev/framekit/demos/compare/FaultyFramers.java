package dev.framekit.demos.compare;

import dev.framekit.framing.ForwardingFramer;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framer;
import io.netty.buffer.ByteBuf;

/**
 * Framers that break on purpose after decoding correctly: the loss check must catch each of them.
 * They encode exactly as the framer they wrap (a {@link ForwardingFramer}).
 */
final class FaultyFramers {
    private FaultyFramers() {}

    /** Overwrites the last payload byte of the {@code nth} frame (counting from 1) of each connection. */
    static Framer corrupting(Framer inner, int nth) {
        return wrap(inner, (frame, count) -> {
            if (count == nth && frame.isReadable()) {
                int at = frame.readerIndex() + frame.readableBytes() - 1;
                frame.setByte(at, '!'); // not in the workload's alphabet, so never a no-op
            }
            return frame;
        });
    }

    /** Silently drops the {@code nth} frame of each connection. */
    static Framer dropping(Framer inner, int nth) {
        return wrap(inner, (frame, count) -> {
            if (count == nth) {
                frame.release();
                return Skip.INSTANCE;
            }
            return frame;
        });
    }

    /** What a fault does to the count-th decoded frame: returns it (altered or not), or {@link Skip}. */
    interface Fault {
        Object apply(ByteBuf frame, int count);
    }

    /** Marks a frame the faulty decoder swallowed. */
    enum Skip { INSTANCE }

    private static Framer wrap(Framer inner, Fault fault) {
        return new ForwardingFramer(inner) { // encodes as the inner framer, its encoder's lifecycle included
            @Override
            public FrameDecoder newDecoder() {
                FrameDecoder decoder = inner.newDecoder();
                int[] count = {0};
                return (in, endOfStream) -> {
                    while (true) {
                        ByteBuf frame = decoder.decode(in, endOfStream);
                        if (frame == null) {
                            return null;
                        }
                        Object result = fault.apply(frame, ++count[0]);
                        if (result instanceof ByteBuf kept) {
                            return kept;
                        }
                    }
                };
            }

            @Override
            public String toString() {
                return "faulty " + inner;
            }
        };
    }
}

package dev.framekit.demos.compare;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;

/**
 * Framers that break on purpose after decoding correctly: the loss check must catch each of them.
 * They encode exactly as the framer they wrap, through its public parts and its encoder.
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
        return new Framer() {
            @Override
            public MessageRefusedException check(ByteBuf message) {
                return inner.check(message);
            }

            @Override
            public int overhead(int payloadLength) {
                return inner.overhead(payloadLength);
            }

            @Override
            public void writeHeader(int payloadLength, ByteBuf out) {
                inner.writeHeader(payloadLength, out);
            }

            @Override
            public void writeTrailer(int payloadLength, ByteBuf out) {
                inner.writeTrailer(payloadLength, out);
            }

            @Override
            public FrameEncoder newEncoder() {
                return inner.newEncoder(); // keeps the inner rule's per-connection lifecycle
            }

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
            public int maxFrameLength() {
                return inner.maxFrameLength();
            }

            @Override
            public String toString() {
                return "faulty " + inner;
            }
        };
    }
}

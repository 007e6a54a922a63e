package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.io.IOException;

/**
 * Fixed-length padded frames: every frame is exactly {@code frameSize} bytes, the payload followed
 * by pad bytes; the receiver strips trailing pad bytes. Python's
 * {@code msg + b"#" * (30 - len(msg))}, read back with {@code rstrip(b"#")}.
 *
 * <pre>
 * Framers.fixedLength(8).pad('#'), message "hi":
 *
 *   BEFORE (message)          AFTER (8 bytes on the wire)
 *   +----+----+               +----+----+----+----+----+----+----+----+
 *   | 68 | 69 |      ---&gt;     | 68 | 69 | 23 | 23 | 23 | 23 | 23 | 23 |
 *   | h  | i  |               | h  | i  | #  | #  | #  | #  | #  | #  |
 *   +----+----+               +----+----+----+----+----+----+----+----+
 *                              payload  |&lt;-------- pad to 8 ---------&gt;|
 * </pre>
 *
 * <p><b>Cannot carry</b> a message longer than the frame, or one ending with the pad byte (the
 * receiver could not tell it from padding); both are refused, never truncated. The frame size is
 * also the maximum frame length. Decoding needs no scanning: count {@code frameSize} bytes, then
 * strip the pad from the end.
 */
public final class FixedLengthFramer implements Framer {
    private final int maxFrameLength;
    private final int frameSize;
    private final byte pad;
    private final FrameDecoder decoder = new Decoder();
    private final ByteProcessor isPad = b -> b == padByte();
    private final FrameEncoder encoder = new Encoder();

    private FixedLengthFramer(int frameSize, byte pad) {
        this.maxFrameLength = frameSize;
        this.frameSize = frameSize;
        this.pad = pad;
    }

    static FixedLengthFramer of(int frameSize) {
        if (frameSize < 1 || frameSize > FrameLimits.LARGEST_MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("fixed-length: frameSize must be between 1 and "
                    + FrameLimits.LARGEST_MAX_FRAME_LENGTH + " bytes, got " + frameSize);
        }
        return new FixedLengthFramer(frameSize, (byte) 0);
    }

    /**
     * Returns a framer like this one that pads with the ASCII character {@code pad}, e.g.
     * {@code '#'}.
     *
     * @param pad an ASCII character ({@code \u0000} to {@code \u007f})
     * @return the new framer
     * @throws IllegalArgumentException if {@code pad} is not ASCII (use {@link #pad(byte)})
     */
    public FixedLengthFramer pad(char pad) {
        if (pad > 0x7f) {
            throw new IllegalArgumentException("fixed-length: pad must be one ASCII character, got '" + pad
                    + "' (U+" + String.format("%04X", (int) pad) + "); use pad(byte) for other byte values");
        }
        return new FixedLengthFramer(frameSize, (byte) pad);
    }

    /**
     * Returns a framer like this one that pads with the byte {@code pad}.
     *
     * @param pad any byte value
     * @return the new framer
     */
    public FixedLengthFramer pad(byte pad) {
        return new FixedLengthFramer(frameSize, pad);
    }

    /**
     * Returns the number of bytes every frame occupies on the wire.
     *
     * @return the frame size in bytes
     */
    public int frameSize() {
        return frameSize;
    }

    /**
     * Returns the pad byte.
     *
     * @return the byte appended after a payload to fill the frame
     */
    public byte padByte() {
        return pad;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /**
     * Returns the decoder; fixed-length decoding keeps no state, so every connection shares one.
     */
    @Override
    public FrameDecoder newDecoder() {
        return decoder;
    }

    /** Returns the shared encoder: fixed-length encoding keeps no state. */
    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    /** The decoder: it keeps no state, so every connection shares one. */
    private final class Decoder implements InPlaceDecoder {
        @Override
        public ByteBuf decode(ByteBuf in, boolean endOfStream) throws TruncatedFrameException {
            long span = locate(in, endOfStream);
            return span == NONE ? null : in.retainedSlice(InPlaceDecoder.index(span), InPlaceDecoder.length(span));
        }

        /** {@link InPlaceDecoder#locateEach}'s loop, this class's own: its call to {@code locate} is inlined. */
        @Override
        public void locateEach(ByteBuf in, boolean endOfStream, Spans spans) throws IOException {
            long span;
            while ((span = locate(in, endOfStream)) != NONE && spans.take(span)) {
                // the next frame
            }
        }

        @Override
        public long locate(ByteBuf in, boolean endOfStream) throws TruncatedFrameException {
            int readable = in.readableBytes();
            if (readable < frameSize) {
                if (endOfStream && readable > 0) {
                    throw new TruncatedFrameException("fixed-length: stream ended after " + readable + " of "
                            + frameSize + " bytes of a frame: " + HexPreview.of(in, in.readerIndex(), readable),
                            readable, frameSize);
                }
                return NONE;
            }
            int start = in.readerIndex();
            int lastPayloadByte = in.forEachByteDesc(start, frameSize, isPad);
            in.skipBytes(frameSize);
            return InPlaceDecoder.span(start, lastPayloadByte < 0 ? 0 : lastPayloadByte - start + 1);
        }

        @Override
        public String toString() {
            return "decoder for " + FixedLengthFramer.this;
        }
    }

    /** Describes the rule, e.g. {@code fixed-length(30 bytes, pad 0x23 '#')}. */
    @Override
    public String toString() {
        return "fixed-length(" + frameSize + " bytes, pad " + HexPreview.describeByte(pad) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FixedLengthFramer that && frameSize == that.frameSize && pad == that.pad;
    }

    @Override
    public int hashCode() {
        return 31 * frameSize + pad;
    }

    /** The encoder: this rule's refusals, header and trailer; it keeps no state, so one is shared. */
    private final class Encoder implements FrameEncoder {
        /** Refuses a message longer than the frame, and one ending with the pad byte. */
        @Override
        public MessageRefusedException check(ByteBuf message) {
            int length = message.readableBytes();
            if (length > frameSize) {
                return new MessageRefusedException("fixed-length: message is " + length + " bytes; fixed frames hold "
                        + frameSize + " (use a larger frame size): "
                        + HexPreview.of(message, message.readerIndex(), length), length);
            }
            if (length > 0 && message.getByte(message.writerIndex() - 1) == pad) {
                return new MessageRefusedException("fixed-length: message ends with the pad byte "
                        + HexPreview.describeByte(pad) + ", which the receiver would strip as padding"
                        + " (choose a pad byte the messages never end with): "
                        + HexPreview.of(message, message.readerIndex(), length), length);
            }
            return null;
        }

        /** Returns the pad bytes a payload of {@code payloadLength} bytes is followed by. */
        @Override
        public int overhead(int payloadLength) {
            return frameSize - payloadLength;
        }

        /** The check, the payload and the padding in one call: the path of every small message a {@link FrameWriter} sends. */
        @Override
        public void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException {
            MessageRefusedException refusal = check(message);
            if (refusal != null) {
                throw refusal;
            }
            int length = message.readableBytes();
            out.writeBytes(message, message.readerIndex(), length);
            writeTrailer(length, out);
        }

        /** Writes the pad bytes that fill the frame. */
        @Override
        public void writeTrailer(int payloadLength, ByteBuf out) {
            int padding = frameSize - payloadLength;
            if (pad == 0) {
                out.writeZero(padding);
                return;
            }
            out.ensureWritable(padding);
            for (int i = 0; i < padding; i++) {
                out.writeByte(pad);
            }
        }

        @Override
        public String toString() {
            return FixedLengthFramer.this.toString();
        }
    }
}

package dev.framekit.framing.userframer;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import dev.framekit.framing.TruncatedFrameException;
import io.netty.buffer.ByteBuf;

/**
 * A framer a user might write, outside framekit's package and so with only the public contract:
 * a 2-byte <b>little-endian</b> unsigned length, then the payload (Twisted's {@code Int16StringReceiver}
 * with {@code structFormat = "<H"}).
 *
 * <pre>
 *   "hi"  -&gt;  02 00 68 69
 * </pre>
 */
final class TwoByteLittleEndianFramer implements Framer {
    static final int HEADER_LENGTH = 2;
    private final int maxFrameLength;
    /** The encoder keeps no state, so one serves every connection. */
    private final FrameEncoder encoder = new FrameEncoder() {
        @Override
        public MessageRefusedException check(ByteBuf message) {
            int length = message.readableBytes();
            return length <= maxFrameLength ? null : new MessageRefusedException("int16le: message is " + length
                    + " bytes, over the maximum of " + maxFrameLength, length);
        }

        @Override
        public int overhead(int payloadLength) {
            return HEADER_LENGTH;
        }

        @Override
        public void writeHeader(int payloadLength, ByteBuf out) {
            out.writeShortLE(payloadLength);
        }
    };

    TwoByteLittleEndianFramer(int maxFrameLength) {
        if (maxFrameLength < 1) {
            throw new IllegalArgumentException("int16le: maxFrameLength must be at least 1, got " + maxFrameLength);
        }
        this.maxFrameLength = Math.min(maxFrameLength, 0xffff);
    }

    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    @Override
    public FrameDecoder newDecoder() {
        return (in, endOfStream) -> {
            int readable = in.readableBytes();
            if (readable < HEADER_LENGTH) {
                if (endOfStream && readable > 0) {
                    throw new TruncatedFrameException("int16le: stream ended after " + readable + " of 2 header bytes",
                            readable, HEADER_LENGTH);
                }
                return null;
            }
            int length = in.getUnsignedShortLE(in.readerIndex());
            if (length > maxFrameLength) {
                throw new FrameTooLongException("int16le: frame length " + length + " exceeds the maximum of "
                        + maxFrameLength + " bytes (raise it with maxFrameLength)", length, maxFrameLength);
            }
            if (readable < HEADER_LENGTH + length) {
                if (endOfStream) {
                    throw new TruncatedFrameException("int16le: stream ended after " + readable + " of "
                            + (HEADER_LENGTH + length) + " frame bytes", readable, HEADER_LENGTH + length);
                }
                return null;
            }
            in.skipBytes(HEADER_LENGTH);
            return in.readRetainedSlice(length);
        };
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public String toString() {
        return "int16le(max " + maxFrameLength + " bytes)";
    }
}

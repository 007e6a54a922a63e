package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import io.netty.buffer.ByteBuf;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): the payload is rewritten so that
 * it holds no zero byte, and each frame ends with {@code 0x00}. Made by {@link Framers#cobs()}.
 *
 * <pre>
 * Framers.cobs(), message 11 22 00 33:
 *
 *   ON THE WIRE (6 bytes)                 DECODED
 *   +----+----+----+----+----+----+
 *   | 03 | 11 | 22 | 02 | 33 | 00 |  ---&gt;  11 22 00 33
 *   +----+----+----+----+----+----+
 *    code  2 bytes  code 1 byte  end
 *    (3: 2 bytes, then a zero) (2: 1 byte, end of frame: no zero)
 *
 *   the empty message: 01 00;  254 non-zero bytes: ff b1 .. b254 00 (ff: 254 bytes, no zero)
 * </pre>
 *
 * <p>Each code byte {@code n} (1 to 255) is followed by {@code n - 1} data bytes; a zero follows
 * them unless {@code n} is {@code 0xff} or they end the frame. Binary-safe, and the cost is
 * small and bounded: one byte per frame plus one per 254 bytes, and the zero that ends it.
 *
 * <p><b>It resyncs.</b> A zero byte can only end a frame, so after damage (a byte lost or flipped
 * on a serial line) the receiver knows where the next frame starts. A frame whose code bytes do
 * not fit it (a code announces more bytes than arrive before the zero, or a frame decodes over
 * the maximum) is reported once, as a {@link FramingException} from {@code decode} that says
 * which byte is wrong, and the next call goes on with the next frame. A lone zero (an empty
 * frame; senders on serial links send one to reset the receiver) is skipped silently.
 *
 * <p><b>Security.</b> A frame that runs on past the longest encoding of
 * {@link #maxFrameLength()} bytes without its zero fails with {@link FrameTooLongException}
 * before more is buffered, and its bytes are dropped up to the next zero. A decoded payload is a
 * new buffer, allocated only when its whole frame is in memory.
 */
final class CobsFramer implements Framer {
    static final CobsFramer DEFAULT = new CobsFramer(FrameLimits.DEFAULT_MAX_FRAME_LENGTH);

    private final int maxFrameLength;
    private final FrameEncoder encoder = new Encoder();

    private CobsFramer(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    static CobsFramer withMax(int maxFrameLength) {
        return new CobsFramer(FrameLimits.checkMaxFrameLength(maxFrameLength, "cobs"));
    }

    /** The most bytes the encoding of {@code payloadLength} bytes takes, without the ending zero. */
    static long maxEncodedLength(long payloadLength) {
        return payloadLength + 1 + payloadLength / 254;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    @Override
    public FrameDecoder newDecoder() {
        return new CobsDecoder(maxFrameLength);
    }

    /** Describes the rule, e.g. {@code cobs(max 1048576 bytes)}. */
    @Override
    public String toString() {
        return "cobs(max " + maxFrameLength + " bytes)";
    }

    /** Two COBS framers are equal when their limits are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CobsFramer that && maxFrameLength == that.maxFrameLength;
    }

    @Override
    public int hashCode() {
        return 31 * CobsFramer.class.hashCode() + maxFrameLength;
    }

    /** The encoder: it rewrites the payload, so it keeps no state and one is shared. */
    private final class Encoder implements FrameEncoder {
        /** Refuses only a message over the maximum: COBS carries any bytes. */
        @Override
        public MessageRefusedException check(ByteBuf message) {
            return FrameLimits.refuseOverMaximum(message, maxFrameLength, "cobs", "Framers.cobs(maxFrameLength)");
        }

        /** The most the code bytes and the ending zero add: one per 254 bytes, plus two. */
        @Override
        public int overhead(int payloadLength) {
            return (int) (maxEncodedLength(payloadLength) - payloadLength) + 1;
        }

        /** Writes the payload's code bytes and non-zero bytes, in one pass. */
        @Override
        public void writePayload(ByteBuf message, ByteBuf out) {
            out.ensureWritable((int) maxEncodedLength(message.readableBytes()));
            int codeAt = out.writerIndex();
            out.writeByte(1);
            int code = 1;
            for (int i = message.readerIndex(), end = message.writerIndex(); i < end; i++) {
                byte b = message.getByte(i);
                if (b == 0) {
                    out.setByte(codeAt, code);
                    codeAt = out.writerIndex();
                    out.writeByte(1);
                    code = 1;
                    continue;
                }
                out.writeByte(b);
                if (++code == 0xff) {
                    out.setByte(codeAt, code);
                    if (i + 1 < end) {
                        codeAt = out.writerIndex();
                        out.writeByte(1);
                        code = 1;
                    } else {
                        return; // 254 bytes end the message: no empty block after them
                    }
                }
            }
            out.setByte(codeAt, code);
        }

        /** False: the payload goes on the wire rewritten. */
        @Override
        public boolean sendsPayloadUnchanged() {
            return false;
        }

        /** Writes the zero that ends the frame. */
        @Override
        public void writeTrailer(int payloadLength, ByteBuf out) {
            out.writeByte(0);
        }

        @Override
        public String toString() {
            return CobsFramer.this.toString();
        }
    }
}

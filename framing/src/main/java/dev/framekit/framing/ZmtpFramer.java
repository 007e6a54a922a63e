package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * ZeroMQ ZMTP 3.x frames (RFC 23/ZMTP, 37/ZMTP): a flags byte, then the size in one byte, or in
 * eight bytes big-endian when the LONG flag is set, then the body. The flags byte is the frame's
 * {@linkplain Frame#headerFields() header field}.
 *
 * <pre>
 *   flags   bit 0 MORE (more frames of this message follow), bit 1 LONG (8-byte size),
 *           bit 2 COMMAND; bits 3-7 zero. A command is 04 or 06 (never MORE).
 *
 *   00 | 05 | 68 65 6c 6c 6f                       short frame, last of its message
 *   01 | 02 | 68 69                                short frame, MORE
 *   02 | 00 00 00 00 00 00 01 2c | 300 bytes       long frame
 *   04 | 0a | 05 52 45 41 44 59 ...                a command (READY)
 * </pre>
 *
 * <p>The decoder refuses flags with a reserved bit set or a command with MORE as soon as the flags
 * byte arrives, and a size over the maximum as soon as the size has arrived (an 8-byte size of
 * 2<sup>63</sup> or more included), before anything is buffered for the body. A long size under 256
 * is accepted, as libzmq accepts it. The encoder writes the long form when the payload is over
 * 255 bytes or the frame's flags have LONG, and sets LONG to match the form it writes, so a frame
 * read and written back keeps its bytes. Made by {@link Framers#zmtp()}.
 */
final class ZmtpFramer implements Framer {
    static final int MORE = 0x01;
    static final int LONG = 0x02;
    static final int COMMAND = 0x04;

    static final ZmtpFramer DEFAULT = new ZmtpFramer(FrameLimits.DEFAULT_MAX_FRAME_LENGTH);

    private final int maxFrameLength;
    private final FrameEncoder encoder = new Encoder();

    private ZmtpFramer(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    static ZmtpFramer withMax(int maxFrameLength) {
        return new ZmtpFramer(FrameLimits.checkMaxFrameLength(maxFrameLength, "zmtp"));
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** Returns a new decoder, which remembers where its last frame started (for its flags). */
    @Override
    public FrameDecoder newDecoder() {
        return new ZmtpDecoder(this);
    }

    /** Returns the shared encoder: ZMTP encoding keeps no state. */
    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    /** What is wrong with a flags byte, or {@code null}: reserved bits, or a command with MORE. */
    static String flagsProblem(int flags) {
        if ((flags & ~(MORE | LONG | COMMAND)) != 0) {
            return "flags byte " + String.format("%02x", flags) + " sets reserved bits (only MORE 01, LONG 02 and"
                    + " COMMAND 04 are defined): is the peer speaking ZMTP 3, and past its greeting?";
        }
        if ((flags & (MORE | COMMAND)) == (MORE | COMMAND)) {
            return "flags byte " + String.format("%02x", flags) + " marks a command with MORE; a command is one frame";
        }
        return null;
    }

    /** Describes the rule, e.g. {@code zmtp(max 1048576 bytes)}. */
    @Override
    public String toString() {
        return "zmtp(max " + maxFrameLength + " bytes)";
    }

    /** Two ZMTP framers are equal when their maximums are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ZmtpFramer that && maxFrameLength == that.maxFrameLength;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(maxFrameLength) * 31 + 7;
    }

    /** Writes flags (the frame's, or {@code 00}) and the size in the short or long form. */
    private final class Encoder implements FrameEncoder {
        @Override
        public MessageRefusedException check(ByteBuf message) {
            int length = message.readableBytes();
            return length <= maxFrameLength ? null : new MessageRefusedException("zmtp: message is " + length
                    + " bytes, over the maximum frame length of " + maxFrameLength + " bytes; raise it with"
                    + " Framers.zmtp(maxFrameLength) on both sides: " + HexPreview.of(message, message.readerIndex(), length),
                    length);
        }

        /** Refuses header fields that are not one valid flags byte, then checks the message. */
        @Override
        public MessageRefusedException check(ByteBuf headerFields, ByteBuf message) {
            int count = headerFields.readableBytes();
            if (count == 0) {
                return check(message);
            }
            String problem = count != 1 ? "header fields are " + count + " bytes, but a ZMTP frame has one flags byte"
                    : flagsProblem(headerFields.getByte(headerFields.readerIndex()) & 0xff);
            if (problem != null) {
                return new MessageRefusedException("zmtp: " + problem + ": "
                        + HexPreview.of(headerFields, headerFields.readerIndex(), count), message.readableBytes());
            }
            return check(message);
        }

        @Override
        public int overhead(int payloadLength) {
            return payloadLength > 255 ? 9 : 2;
        }

        @Override
        public void writeHeader(int payloadLength, ByteBuf out) {
            writeFlagsAndSize(0, payloadLength, out);
        }

        @Override
        public void writeHeader(ByteBuf headerFields, int payloadLength, ByteBuf out) {
            int flags = headerFields.isReadable() ? headerFields.getByte(headerFields.readerIndex()) & 0xff : 0;
            writeFlagsAndSize(flags, payloadLength, out);
        }

        private void writeFlagsAndSize(int flags, int payloadLength, ByteBuf out) {
            if (payloadLength > 255 || (flags & LONG) != 0) {
                out.writeByte(flags | LONG).writeLong(payloadLength);
            } else {
                out.writeByte(flags).writeByte(payloadLength);
            }
        }

        @Override
        public String toString() {
            return ZmtpFramer.this.toString();
        }
    }
}

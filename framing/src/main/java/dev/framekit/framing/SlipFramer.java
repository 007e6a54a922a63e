package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import io.netty.buffer.ByteBuf;

/**
 * SLIP, the Serial Line Internet Protocol's framing (RFC 1055): each frame between two END bytes
 * ({@code 0xc0}), an END or ESC ({@code 0xdb}) inside the payload escaped. Made by
 * {@link Framers#slip()}.
 *
 * <pre>
 * Framers.slip(), message 01 c0 02 db:
 *
 *   ON THE WIRE (8 bytes)                          DECODED
 *   +----+----+----+----+----+----+----+----+
 *   | c0 | 01 | db | dc | 02 | db | dd | c0 |  ---&gt;  01 c0 02 db
 *   +----+----+----+----+----+----+----+----+
 *    END       ESC ESC_END   ESC ESC_ESC END
 * </pre>
 *
 * <p>As RFC 1055's {@code send_packet} does, the encoder writes an END before the frame too, so a
 * receiver drops whatever line noise came before it; the decoder skips the empty frames between
 * two ENDs. So SLIP <b>cannot carry the empty message</b>, which the encoder refuses. Binary-safe
 * otherwise; the cost is two bytes per frame plus one per END or ESC byte in the payload (a
 * payload of only such bytes doubles).
 *
 * <p><b>It resyncs.</b> An END only ever ends a frame, so after damage the next frame is found. A
 * frame with an ESC followed by anything but ESC_END or ESC_ESC (RFC 1055 leaves that undefined)
 * is reported once as a {@link FramingException}, and the next call goes on with the next frame.
 *
 * <p><b>Security.</b> A frame whose bytes decode to more than {@link #maxFrameLength()} fails
 * with {@link FrameTooLongException} as soon as they have arrived, and is dropped up to its END.
 */
final class SlipFramer implements Framer {
    static final byte END = (byte) 0xc0;
    static final byte ESC = (byte) 0xdb;
    static final byte ESC_END = (byte) 0xdc;
    static final byte ESC_ESC = (byte) 0xdd;
    static final SlipFramer DEFAULT = new SlipFramer(FrameLimits.DEFAULT_MAX_FRAME_LENGTH);

    private final int maxFrameLength;
    private final FrameEncoder encoder = new Encoder();

    private SlipFramer(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    static SlipFramer withMax(int maxFrameLength) {
        return new SlipFramer(FrameLimits.checkMaxFrameLength(maxFrameLength, "slip"));
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
        return new SlipDecoder(maxFrameLength);
    }

    /** Describes the rule, e.g. {@code slip(max 1048576 bytes)}. */
    @Override
    public String toString() {
        return "slip(max " + maxFrameLength + " bytes)";
    }

    /** Two SLIP framers are equal when their limits are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SlipFramer that && maxFrameLength == that.maxFrameLength;
    }

    @Override
    public int hashCode() {
        return 37 * SlipFramer.class.hashCode() + maxFrameLength;
    }

    /** The encoder: it escapes the payload, keeps no state, and is shared. */
    private final class Encoder implements FrameEncoder {
        /** Refuses the empty message (receivers skip empty frames) and a message over the maximum. */
        @Override
        public MessageRefusedException check(ByteBuf message) {
            if (!message.isReadable()) {
                return new MessageRefusedException("slip: cannot carry the empty message: a SLIP receiver skips"
                        + " empty frames (RFC 1055)", 0);
            }
            return FrameLimits.refuseOverMaximum(message, maxFrameLength, "slip", "Framers.slip(maxFrameLength)");
        }

        /** The most the ENDs and escapes add: two ENDs, and one ESC per payload byte at worst. */
        @Override
        public int overhead(int payloadLength) {
            return payloadLength + 2;
        }

        @Override
        public void writeHeader(int payloadLength, ByteBuf out) {
            out.writeByte(END);
        }

        /** Writes the payload with each END and ESC escaped. */
        @Override
        public void writePayload(ByteBuf message, ByteBuf out) {
            for (int i = message.readerIndex(), end = message.writerIndex(); i < end; i++) {
                byte b = message.getByte(i);
                if (b == END) {
                    out.writeByte(ESC).writeByte(ESC_END);
                } else if (b == ESC) {
                    out.writeByte(ESC).writeByte(ESC_ESC);
                } else {
                    out.writeByte(b);
                }
            }
        }

        /** False: END and ESC bytes go on the wire escaped. */
        @Override
        public boolean sendsPayloadUnchanged() {
            return false;
        }

        @Override
        public void writeTrailer(int payloadLength, ByteBuf out) {
            out.writeByte(END);
        }

        @Override
        public String toString() {
            return SlipFramer.this.toString();
        }
    }
}

package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * A {@link LengthPrefixFramer}'s encoder: its refusals and its header, the length field. It keeps
 * no state, so the framer shares one.
 */
final class LengthPrefixEncoder implements FrameEncoder {
    private final LengthPrefixFramer framer;
    private final LengthField field;
    private final int lengthAdjustment;

    LengthPrefixEncoder(LengthPrefixFramer framer) {
        this.framer = framer;
        this.field = framer.lengthField();
        this.lengthAdjustment = framer.lengthAdjustment();
    }

    /**
     * Refuses a message over the maximum frame length, and one shorter than a positive length
     * adjustment (its field would be negative); any bytes are fine.
     */
    @Override
    public MessageRefusedException check(ByteBuf message) {
        int length = message.readableBytes();
        int max = framer.maxFrameLength();
        if (length > max && max == LengthPrefixFramer.capacity(field, lengthAdjustment)) {
            return new MessageRefusedException(framer.name() + ": message is " + length
                    + " bytes, over the maximum frame length of " + max + " bytes, the most a " + field
                    + " length field can declare" + (lengthAdjustment == 0 ? "" : " with length adjustment " + lengthAdjustment)
                    + " (use a wider length field on both sides): " + HexPreview.of(message, message.readerIndex(), length),
                    length);
        }
        MessageRefusedException overMaximum = FrameLimits.refuseOverMaximum(message, max, framer.name());
        if (overMaximum != null) {
            return overMaximum;
        }
        if (length < lengthAdjustment) {
            return new MessageRefusedException(framer.name() + ": message is " + length
                    + " bytes, shorter than the length adjustment " + lengthAdjustment
                    + ", so its length field would be negative: " + HexPreview.of(message, message.readerIndex(), length),
                    length);
        }
        return null;
    }

    /** Returns the length field's size for this payload: all this rule adds. */
    @Override
    public int overhead(int payloadLength) {
        return field.headerLength(payloadLength - (long) lengthAdjustment);
    }

    /** Writes the length field: the payload length minus the adjustment. */
    @Override
    public void writeHeader(int payloadLength, ByteBuf out) {
        field.write(payloadLength - (long) lengthAdjustment, out);
    }

    @Override
    public String toString() {
        return framer.toString();
    }
}

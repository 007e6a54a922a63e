package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * A {@link LengthPrefixFramer}'s encoder: its refusals and its header, the header fields before
 * an offset length field (a frame's own, or the framer's defaults) and the length field. It keeps
 * no state, so the framer shares one.
 */
final class LengthPrefixEncoder implements FrameEncoder {
    private final LengthPrefixFramer framer;
    private final LengthField field;
    private final int lengthAdjustment;
    private final int offset;
    private final byte[] defaultHeaderFields;
    /** Every message from 0 up to this length, or from the adjustment up, is accepted: the check on every message's path. */
    private final int acceptsUpTo;

    LengthPrefixEncoder(LengthPrefixFramer framer) {
        this.framer = framer;
        this.field = framer.lengthField();
        this.lengthAdjustment = framer.lengthAdjustment();
        this.offset = framer.lengthFieldOffset();
        this.defaultHeaderFields = framer.defaultHeaderFields();
        this.acceptsUpTo = framer.maxFrameLength();
    }

    /**
     * Refuses a message over the maximum frame length, and one shorter than a positive length
     * adjustment (its field would be negative); any bytes are fine.
     */
    @Override
    public MessageRefusedException check(ByteBuf message) {
        int length = message.readableBytes();
        if (length <= acceptsUpTo && length >= lengthAdjustment) {
            return null;
        }
        int max = framer.maxFrameLength();
        if (length > max && max == LengthPrefixRules.capacity(field, lengthAdjustment)) {
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

    /**
     * Refuses header fields that are not exactly {@link LengthPrefixFramer#lengthFieldOffset()}
     * bytes (none stands for the defaults) or that the preset refuses (an MQTT packet type 0, a
     * gRPC Compressed-Flag of 2), then checks the message.
     */
    @Override
    public MessageRefusedException check(ByteBuf headerFields, ByteBuf message) {
        int count = headerFields.readableBytes();
        if (count == 0) {
            return check(message); // none: the defaults
        }
        if (offset == 0) {
            return FrameEncoder.super.check(headerFields, message); // a length-only header: it refuses them
        }
        String problem = count != offset
                ? "header fields are " + count + " bytes, but this framing has " + offset + " before the length field"
                : framer.preset().problem(headerFields, headerFields.readerIndex());
        if (problem != null) {
            return new MessageRefusedException(framer.name() + ": " + problem + ": "
                    + HexPreview.of(headerFields, headerFields.readerIndex(), count), message.readableBytes());
        }
        return check(message);
    }

    /** Returns the header's size for this payload: the header fields and the length field, all this rule adds. */
    @Override
    public int overhead(int payloadLength) {
        return offset + field.headerLength(payloadLength - (long) lengthAdjustment);
    }

    /** Writes the default header fields, then the length field: the payload length minus the adjustment. */
    @Override
    public void writeHeader(int payloadLength, ByteBuf out) {
        if (offset > 0) {
            out.writeBytes(defaultHeaderFields);
        }
        field.write(payloadLength - (long) lengthAdjustment, out);
    }

    /** Writes the frame's header fields (the defaults if it has none), then the length field. */
    @Override
    public void writeHeader(ByteBuf headerFields, int payloadLength, ByteBuf out) {
        if (!headerFields.isReadable()) {
            writeHeader(payloadLength, out);
            return;
        }
        out.writeBytes(headerFields, headerFields.readerIndex(), headerFields.readableBytes());
        field.write(payloadLength - (long) lengthAdjustment, out);
    }

    /** The check, the header and the payload in one call: the path of every small message a {@link FrameWriter} sends. */
    @Override
    public void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException {
        int length = message.readableBytes();
        if (length > acceptsUpTo || length < lengthAdjustment) {
            MessageRefusedException refusal = check(message);
            if (refusal != null) {
                throw refusal;
            }
        }
        writeHeader(length, out);
        out.writeBytes(message, message.readerIndex(), length);
    }

    @Override
    public String toString() {
        return framer.toString();
    }
}

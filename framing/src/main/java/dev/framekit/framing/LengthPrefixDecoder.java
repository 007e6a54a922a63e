package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * One connection's length-prefix decoder. Its only state is how many bytes of an oversized frame
 * are still to be dropped under {@link OversizePolicy#SKIP}; with {@link OversizePolicy#FAIL}
 * that stays 0.
 */
final class LengthPrefixDecoder implements FrameDecoder {
    private final LengthPrefixFramer framer;

    /** Bytes of an oversized frame, already reported, still to be discarded as they arrive. */
    private long discarding;

    LengthPrefixDecoder(LengthPrefixFramer framer) {
        this.framer = framer;
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        if (discarding > 0) {
            int dropped = (int) Math.min(discarding, in.readableBytes());
            in.skipBytes(dropped);
            discarding -= dropped;
            if (discarding > 0) {
                return null; // at the end of the stream too: the oversized frame was already reported
            }
        }
        LengthField field = framer.lengthField();
        String name = framer.name();
        int start = in.readerIndex();
        int readable = in.readableBytes();
        int headerLength = field.complete(in, start, readable, name);
        if (headerLength == 0) {
            if (endOfStream && readable > 0) {
                throw truncatedHeader(in, field, name);
            }
            return null;
        }
        long value = field.read(in, start, headerLength);
        long payloadLength = payloadLength(value, in, start, headerLength);
        if (payloadLength > framer.maxFrameLength()) {
            if (framer.oversizePolicy() == OversizePolicy.SKIP) {
                discarding = headerLength + payloadLength;
                throw tooLong(in, start, headerLength, value, payloadLength, true).markSkipped();
            }
            throw tooLong(in, start, headerLength, value, payloadLength, false);
        }
        long frameSize = headerLength + payloadLength;
        if (readable < frameSize) {
            if (endOfStream) {
                throw new TruncatedFrameException(name + ": stream ended after " + (readable - headerLength) + " of "
                        + payloadLength + " payload bytes (" + readable + " of " + frameSize + " frame bytes): "
                        + HexPreview.of(in, start, readable), readable, frameSize);
            }
            return null;
        }
        in.skipBytes(headerLength);
        return in.readRetainedSlice((int) payloadLength);
    }

    /**
     * The payload length a field value declares, saturated at {@link Long#MAX_VALUE} for an 8-byte
     * value of 2<sup>63</sup> or more.
     *
     * @throws FramingException if the value is less than a negative adjustment (a header-inclusive
     *     length shorter than the header itself)
     */
    private long payloadLength(long value, ByteBuf in, int start, int headerLength) throws FramingException {
        if (value < 0 || value > Long.MAX_VALUE - Math.max(0, framer.lengthAdjustment())) {
            return Long.MAX_VALUE;
        }
        long payload = value + framer.lengthAdjustment();
        if (payload < 0) {
            throw new FramingException(framer.name() + ": the length field declares " + value + ", less than the "
                    + (-framer.lengthAdjustment()) + " it must count (length adjustment " + framer.lengthAdjustment()
                    + "); is the peer counting the header? " + HexPreview.of(in, start, headerLength));
        }
        return payload;
    }

    private FrameTooLongException tooLong(ByteBuf in, int start, int headerLength, long value, long payloadLength,
            boolean skipped) {
        String declared = value < 0 ? Long.toUnsignedString(value) + " (over 2^63)" : Long.toString(payloadLength);
        String message = framer.name() + ": frame length " + declared + " exceeds the maximum of " + framer.maxFrameLength()
                + " bytes (raise it with withMaxFrameLength(n) if the peer is legitimate"
                + (skipped ? "; reading again skips this frame" : "") + "); header "
                + HexPreview.of(in, start, headerLength);
        if (framer.lengthField().isBinary() && headerLength > 1 && HexPreview.isPrintableAscii(in, start, headerLength)) {
            message += "; the header reads as text \"" + in.toString(start, headerLength, StandardCharsets.US_ASCII)
                    + "\": is a text client talking to a length-prefixed port?";
        }
        return new FrameTooLongException(message, payloadLength, framer.maxFrameLength());
    }

    private static TruncatedFrameException truncatedHeader(ByteBuf in, LengthField field, String name) {
        int readable = in.readableBytes();
        String preview = HexPreview.of(in, in.readerIndex(), readable);
        if (field.fixedWidth() == 0) {
            return new TruncatedFrameException(name + ": stream ended after " + readable
                    + " byte(s) of an unfinished varint length field: " + preview, readable,
                    TruncatedFrameException.UNKNOWN);
        }
        return new TruncatedFrameException(name + ": stream ended after " + readable + " of " + field.fixedWidth()
                + " length-header bytes: " + preview, readable, field.fixedWidth());
    }

    @Override
    public String toString() {
        return "decoder for " + framer + (discarding > 0 ? " (discarding " + discarding + " bytes)" : "");
    }
}

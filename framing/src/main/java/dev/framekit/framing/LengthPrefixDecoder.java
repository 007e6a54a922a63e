package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * One connection's length-prefix decoder. Its only state is how many bytes of an oversized frame
 * are still to be dropped under {@link OversizePolicy#SKIP}; with {@link OversizePolicy#FAIL}
 * that stays 0.
 */
final class LengthPrefixDecoder extends SkippingDecoder {
    private final LengthPrefixFramer framer;

    /** Bytes of an oversized frame, already reported, still to be discarded as they arrive. */
    private long discarding;

    LengthPrefixDecoder(LengthPrefixFramer framer) {
        this.framer = framer;
    }

    @Override
    ByteBuf next(ByteBuf in, boolean endOfStream) throws FramingException {
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
        long payloadLength = framer.payloadLength(value, in, start, headerLength);
        if (payloadLength > framer.maxFrameLength()) {
            if (framer.oversizePolicy() == OversizePolicy.SKIP) {
                discarding = headerLength + payloadLength;
                return skip(framer.tooLong(in, start, headerLength, value, payloadLength, true));
            }
            throw framer.tooLong(in, start, headerLength, value, payloadLength, false);
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

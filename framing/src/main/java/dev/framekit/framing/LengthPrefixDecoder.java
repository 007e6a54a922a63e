package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One connection's length-prefix decoder. Its state is how many bytes of an oversized frame are
 * still to be dropped under {@link OversizePolicy#SKIP} (with {@link OversizePolicy#FAIL} that
 * stays 0), and where the last frame it returned started, so that {@link #decodeFrame} can copy
 * that frame's header fields.
 */
final class LengthPrefixDecoder implements InPlaceDecoder {
    private final LengthPrefixFramer framer;

    /** A big-endian int read straight from a byte array. */
    private static final VarHandle U32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /** Whether the header is the default one: a 4-byte big-endian length and nothing else. */
    private final boolean plainU32;

    /** Bytes of an oversized frame, already reported, still to be discarded as they arrive. */
    private long discarding;

    /** Where in the buffer the frame the last decode returned started: its header fields. */
    private int frameStart;

    LengthPrefixDecoder(LengthPrefixFramer framer) {
        this.framer = framer;
        this.plainU32 = framer.lengthField().equals(LengthField.DEFAULT) && framer.lengthFieldOffset() == 0
                && framer.lengthAdjustment() == 0;
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        long span = locate(in, endOfStream);
        return span == NONE ? null : in.retainedSlice(InPlaceDecoder.index(span), InPlaceDecoder.length(span));
    }

    /**
     * {@link InPlaceDecoder#locateEach}'s loop, this class's own: its call to {@code locate} is
     * inlined. Over a heap buffer, frames with the default header (a 4-byte big-endian length,
     * nothing before it, no adjustment) are located straight from the array; {@code locate} takes
     * whatever that loop leaves (a frame not all here, an oversized one, the end of the stream).
     */
    @Override
    public void locateEach(ByteBuf in, boolean endOfStream, Spans spans) throws IOException {
        if (plainU32 && discarding == 0 && in.hasArray() && !locateEachInArray(in, spans)) {
            return;
        }
        long span;
        while ((span = locate(in, endOfStream)) != NONE && spans.take(span)) {
            // the next frame
        }
    }

    /** Lends every whole frame of the default header in {@code in}'s array; false if the spans said stop. */
    private boolean locateEachInArray(ByteBuf in, Spans spans) throws IOException {
        byte[] array = in.array();
        int base = in.arrayOffset();
        int max = framer.maxFrameLength();
        int start = in.readerIndex();
        int end = in.writerIndex();
        while (end - start >= 4) {
            int length = (int) U32.get(array, base + start);
            if (length < 0 || length > max || end - start - 4 < length) {
                break; // locate says what it is
            }
            frameStart = start;
            in.readerIndex(start + 4 + length);
            if (!spans.take(InPlaceDecoder.span(start + 4, length))) {
                return false;
            }
            start = in.readerIndex();
        }
        return true;
    }

    @Override
    public long locate(ByteBuf in, boolean endOfStream) throws FramingException {
        if (discarding > 0) {
            int dropped = (int) Math.min(discarding, in.readableBytes());
            in.skipBytes(dropped);
            discarding -= dropped;
            if (discarding > 0) {
                return NONE; // at the end of the stream too: the oversized frame was already reported
            }
        }
        LengthField field = framer.lengthField();
        String name = framer.name();
        int start = in.readerIndex();
        int readable = in.readableBytes();
        int offset = framer.lengthFieldOffset();
        int fieldLength = 0;
        if (readable >= offset) {
            checkHeaderFields(in, start);
            fieldLength = field.complete(in, start + offset, readable - offset, name);
        }
        if (fieldLength == 0) {
            if (endOfStream && readable > 0) {
                throw truncatedHeader(in, field, name, offset);
            }
            return NONE;
        }
        int headerLength = offset + fieldLength;
        long value = field.read(in, start + offset, fieldLength);
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
            return NONE;
        }
        frameStart = start;
        in.skipBytes((int) frameSize);
        return InPlaceDecoder.span(start + headerLength, (int) payloadLength);
    }

    /**
     * Returns the frame with its header fields, a copy of the {@link LengthPrefixFramer#lengthFieldOffset()}
     * bytes before its length field (none without an offset).
     */
    @Override
    public Frame decodeFrame(ByteBuf in, boolean endOfStream) throws FramingException {
        Frame frame = InPlaceDecoder.super.decodeFrame(in, endOfStream);
        int offset = framer.lengthFieldOffset();
        if (frame == null || frame.isSkipped() || offset == 0) {
            return frame;
        }
        return Frame.of(Unpooled.copiedBuffer(in.slice(frameStart, offset)), frame.payload());
    }

    /** Fails on header fields the preset refuses (a gRPC Compressed-Flag of 2), as soon as they arrive. */
    private void checkHeaderFields(ByteBuf in, int start) throws FramingException {
        if (framer.lengthFieldOffset() > 0) {
            String problem = framer.preset().problem(in, start);
            if (problem != null) {
                throw new FramingException(framer.name() + ": " + problem + ": "
                        + HexPreview.of(in, start, framer.lengthFieldOffset()));
            }
        }
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

    private static TruncatedFrameException truncatedHeader(ByteBuf in, LengthField field, String name, int offset) {
        int readable = in.readableBytes();
        String preview = HexPreview.of(in, in.readerIndex(), readable);
        if (field.fixedWidth() == 0) {
            return new TruncatedFrameException(name + ": stream ended after " + readable + " byte(s) of "
                    + (offset == 0 ? "" : offset + " header-field byte(s) and ") + "an unfinished "
                    + field + " length field: " + preview, readable, TruncatedFrameException.UNKNOWN);
        }
        int expected = offset + field.fixedWidth();
        return new TruncatedFrameException(name + ": stream ended after " + readable + " of " + expected
                + " length-header bytes: " + preview, readable, expected);
    }

    @Override
    public String toString() {
        return "decoder for " + framer + (discarding > 0 ? " (discarding " + discarding + " bytes)" : "");
    }
}

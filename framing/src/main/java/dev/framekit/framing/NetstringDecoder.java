package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * The netstring decoder. It keeps no state: the length is at most {@code maxDigits} + 1 bytes,
 * so reading it again on each call costs a bounded number of byte reads, and the payload is
 * counted, never scanned. Every error depends only on the frame's bytes, not on how they were
 * split into reads.
 */
final class NetstringDecoder implements FrameDecoder {
    private final NetstringFramer framer;

    NetstringDecoder(NetstringFramer framer) {
        this.framer = framer;
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        int maxDigits = framer.maxDigits();
        int colon = -1;
        for (int i = 0; i < Math.min(readable, maxDigits + 1); i++) {
            byte b = in.getByte(start + i);
            if (b == ':') {
                colon = i;
                break;
            }
            if (b < '0' || b > '9') {
                throw new FramingException("netstring: byte " + (i + 1) + " is " + HexPreview.describeByte(b)
                        + ", but a netstring starts with decimal digits and a ':' (is the peer using another framing?): "
                        + HexPreview.of(in, start, i + 1));
            }
            if (i == 1 && in.getByte(start) == '0') {
                throw new FramingException("netstring: the length has a leading zero, which netstrings forbid: "
                        + HexPreview.of(in, start, 2));
            }
            if (i == maxDigits) {
                throw new FrameTooLongException("netstring: the length has more than " + maxDigits
                        + " digits, so it is over the maximum of " + framer.maxFrameLength()
                        + " bytes (raise it with withMaxFrameLength(n) if the peer is legitimate): "
                        + HexPreview.of(in, start, i + 1), powerOfTen(maxDigits), framer.maxFrameLength());
            }
        }
        if (colon < 0) {
            if (endOfStream && readable > 0) {
                throw new TruncatedFrameException("netstring: stream ended after " + readable
                        + " byte(s), inside the length: " + HexPreview.of(in, start, readable),
                        readable, TruncatedFrameException.UNKNOWN);
            }
            return null;
        }
        if (colon == 0) {
            throw new FramingException("netstring: no digits before the ':': " + HexPreview.of(in, start, 1));
        }
        long length = 0;
        for (int i = 0; i < colon; i++) {
            length = length * 10 + (in.getByte(start + i) - '0');
        }
        if (length > framer.maxFrameLength()) {
            throw new FrameTooLongException("netstring: frame length " + length + " exceeds the maximum of "
                    + framer.maxFrameLength() + " bytes (raise it with withMaxFrameLength(n) if the peer is legitimate): "
                    + HexPreview.of(in, start, colon + 1), length, framer.maxFrameLength());
        }
        long frameSize = colon + 1 + length + 1;
        if (readable < frameSize) {
            if (endOfStream) {
                throw new TruncatedFrameException("netstring: stream ended after " + readable + " of " + frameSize
                        + " frame bytes (" + length + " payload bytes and a ','): " + HexPreview.of(in, start, readable),
                        readable, frameSize);
            }
            return null;
        }
        int comma = start + (int) frameSize - 1;
        byte end = in.getByte(comma);
        if (end != ',') {
            throw new FramingException("netstring: expected ',' after the " + length + "-byte payload, got "
                    + HexPreview.describeByte(end) + " (is the length right?): " + HexPreview.of(in, start, (int) frameSize));
        }
        in.skipBytes(colon + 1);
        ByteBuf frame = in.readRetainedSlice((int) length);
        in.skipBytes(1);
        return frame;
    }

    private static long powerOfTen(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    @Override
    public String toString() {
        return "decoder for " + framer;
    }
}

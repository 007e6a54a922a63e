package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One connection's ZMTP frame decoder: reads the flags byte, then a 1- or 8-byte size, then the
 * body. Its only state is where the last frame it returned started, so that {@link #decodeFrame}
 * can copy that frame's flags.
 */
final class ZmtpDecoder implements FrameDecoder {
    private final ZmtpFramer framer;
    private int frameStart;

    ZmtpDecoder(ZmtpFramer framer) {
        this.framer = framer;
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable == 0) {
            return null;
        }
        int flags = in.getUnsignedByte(start);
        String problem = ZmtpFramer.flagsProblem(flags);
        if (problem != null) {
            throw new FramingException("zmtp: " + problem + ": " + HexPreview.of(in, start, 1));
        }
        int headerLength = (flags & ZmtpFramer.LONG) != 0 ? 9 : 2;
        if (readable < headerLength) {
            if (endOfStream) {
                throw new TruncatedFrameException("zmtp: stream ended after " + readable + " of " + headerLength
                        + " header bytes (flags and size): " + HexPreview.of(in, start, readable), readable, headerLength);
            }
            return null;
        }
        long size = headerLength == 2 ? in.getUnsignedByte(start + 1) : in.getLong(start + 1);
        if (size < 0 || size > framer.maxFrameLength()) {
            String declared = size < 0 ? Long.toUnsignedString(size) + " (over 2^63)" : Long.toString(size);
            throw new FrameTooLongException("zmtp: frame size " + declared + " exceeds the maximum of "
                    + framer.maxFrameLength() + " bytes (raise it with Framers.zmtp(maxFrameLength) if the peer is legitimate);"
                    + " header " + HexPreview.of(in, start, headerLength),
                    size < 0 ? Long.MAX_VALUE : size, framer.maxFrameLength());
        }
        long frameSize = headerLength + size;
        if (readable < frameSize) {
            if (endOfStream) {
                throw new TruncatedFrameException("zmtp: stream ended after " + (readable - headerLength) + " of "
                        + size + " body bytes (" + readable + " of " + frameSize + " frame bytes): "
                        + HexPreview.of(in, start, readable), readable, frameSize);
            }
            return null;
        }
        frameStart = start;
        in.skipBytes(headerLength);
        return in.readRetainedSlice((int) size);
    }

    /** Returns the frame with its flags byte, as it came, as the header field. */
    @Override
    public Frame decodeFrame(ByteBuf in, boolean endOfStream) throws FramingException {
        ByteBuf payload = decode(in, endOfStream);
        return payload == null ? null : Frame.of(Unpooled.copiedBuffer(in.slice(frameStart, 1)), payload);
    }

    @Override
    public String toString() {
        return "decoder for " + framer;
    }
}

package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * One connection's COBS decoder. It remembers how far it has searched for the zero that ends the
 * frame, so bytes that trickle in are searched once; a complete frame is checked and decoded in
 * one more pass. Every error depends only on the frame's bytes, not on how they were split.
 */
final class CobsDecoder implements FrameDecoder {
    private final int maxFrameLength;
    /** The longest frame, before its zero, that can decode to at most the maximum. */
    private final long maxEncoded;

    /** Offsets {@code [0, scanned)} past the reader index hold no zero. */
    private int scanned;
    /** True after an over-long frame was reported: its bytes are dropped up to its zero. */
    private boolean discarding;

    CobsDecoder(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
        this.maxEncoded = CobsFramer.maxEncodedLength(maxFrameLength);
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        if (discarding) {
            discard(in, endOfStream);
            return null;
        }
        if (scanned == 0) {
            while (in.isReadable() && in.getByte(in.readerIndex()) == 0) {
                in.skipBytes(1); // a lone zero: an empty frame, which senders use to reset the receiver
            }
        }
        int start = in.readerIndex();
        int end = in.writerIndex();
        int searchEnd = (int) Math.min(end, start + maxEncoded + 1);
        int zero = start + scanned < searchEnd ? ByteScan.indexOf(in, start + scanned, searchEnd, (byte) 0) : -1;
        if (zero < 0) {
            scanned = searchEnd - start;
            if (scanned > maxEncoded) {
                discarding = true;
                scanned = 0;
                throw new FrameTooLongException("cobs: no zero byte within the first " + (maxEncoded + 1)
                        + " bytes of a frame, so it decodes to more than the maximum of " + maxFrameLength
                        + " bytes (raise it with Framers.cobs(maxFrameLength) if the peer is legitimate;"
                        + " reading again skips this frame): " + HexPreview.of(in, start, searchEnd - start),
                        (long) maxFrameLength + 1, maxFrameLength).markSkipped();
            }
            if (endOfStream && end > start) {
                throw new TruncatedFrameException("cobs: stream ended after " + (end - start)
                        + " bytes of a frame without its ending zero: " + HexPreview.of(in, start, end - start),
                        end - start, TruncatedFrameException.UNKNOWN);
            }
            return null;
        }
        scanned = 0;
        int length = zero - start;
        try {
            return decodeFrame(in, start, length);
        } finally {
            in.readerIndex(zero + 1);
        }
    }

    /** Checks the code bytes of the frame {@code [start, start + length)} and decodes it into a new buffer. */
    private ByteBuf decodeFrame(ByteBuf in, int start, int length) throws FramingException {
        long decoded = 0;
        int at = 0;
        while (at < length) {
            int code = in.getByte(start + at) & 0xff;
            if (at + code > length) {
                throw new FramingException("cobs: a damaged frame of " + length + " bytes: the code byte "
                        + HexPreview.describeByte((byte) code) + " at offset " + at + " announces " + (code - 1)
                        + " bytes, but the frame's zero came after " + (length - at - 1)
                        + " (a zero inside the frame, or a byte lost); skipped, reading goes on with the next frame: "
                        + HexPreview.of(in, start, length)).markSkipped();
            }
            at += code;
            decoded += code - 1 + (code < 0xff && at < length ? 1 : 0);
        }
        if (decoded > maxFrameLength) {
            throw new FrameTooLongException("cobs: a frame decodes to " + decoded + " bytes, over the maximum of "
                    + maxFrameLength + " bytes (raise it with Framers.cobs(maxFrameLength) if the peer is legitimate;"
                    + " reading again skips this frame): " + HexPreview.of(in, start, length), decoded,
                    maxFrameLength).markSkipped();
        }
        ByteBuf out = in.alloc().buffer((int) decoded);
        at = 0;
        while (at < length) {
            int code = in.getByte(start + at) & 0xff;
            out.writeBytes(in, start + at + 1, code - 1);
            at += code;
            if (code < 0xff && at < length) {
                out.writeByte(0);
            }
        }
        return out;
    }

    /** Drops the rest of a frame reported as too long, up to and including its zero. */
    private void discard(ByteBuf in, boolean endOfStream) {
        int zero = ByteScan.indexOf(in, in.readerIndex(), in.writerIndex(), (byte) 0);
        if (zero >= 0) {
            in.readerIndex(zero + 1);
            discarding = false;
        } else {
            in.skipBytes(in.readableBytes());
            discarding = !endOfStream;
        }
    }

    @Override
    public String toString() {
        return "cobs decoder, max " + maxFrameLength + " bytes (scanned " + scanned + " bytes)";
    }
}

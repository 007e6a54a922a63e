package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/**
 * One connection's delimiter decoder. It remembers, as {@code scanned}, how many bytes from the
 * buffer's reader index are known not to start a delimiter, so bytes that trickle in are
 * searched once, not rescanned from the frame's start on every read.
 */
final class DelimiterDecoder implements FrameDecoder {
    private final byte[] delimiter;
    private final int maxFrameLength;
    /** True for a lenient line decoder: a {@code \r} before the {@code \n} is stripped. */
    private final boolean stripCr;
    /** How far a delimiter may start: the maximum, plus one for a lenient {@code \r}. */
    private final int scanLimit;

    /** Offsets {@code [0, scanned)} past the reader index cannot start a delimiter. */
    private int scanned;

    /** True after a too-long frame was reported: its remaining bytes are dropped up to its delimiter. */
    private boolean discarding;

    DelimiterDecoder(byte[] delimiter, int maxFrameLength, boolean stripCr) {
        this.delimiter = delimiter;
        this.maxFrameLength = maxFrameLength;
        this.stripCr = stripCr;
        this.scanLimit = stripCr ? maxFrameLength + 1 : maxFrameLength;
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        if (discarding && !discardOversizedFrame(in, endOfStream)) {
            return null;
        }
        int start = in.readerIndex();
        int readable = in.readableBytes();
        // A delimiter may start at offsets 0..readable-d; one starting past the scan limit makes
        // the frame too long, so the search never needs to look further than that.
        int lastFit = readable - delimiter.length;
        int lastStart = Math.min(lastFit, scanLimit);
        int found = scanned <= lastStart
                ? DelimiterSearch.indexOf(in, start + scanned, start + lastStart, in.writerIndex(), delimiter)
                : -1;
        if (found >= 0) {
            int length = found - start;
            if (stripCr && length > 0 && in.getByte(found - 1) == '\r') {
                length--;
            }
            if (length > maxFrameLength) {
                // Only a lenient line can get here: max + 1 bytes and then "\n", no "\r" to strip.
                discarding = true;
                scanned = length;
                throw new FrameTooLongException("delimiter: a line of " + length + " bytes exceeds the maximum of "
                        + maxFrameLength + " bytes (raise it with maxFrameLength(n) if the peer is legitimate;"
                        + " reading again skips this frame): " + HexPreview.of(in, start, length), length,
                        maxFrameLength, true);
            }
            scanned = 0;
            ByteBuf frame = in.retainedSlice(start, length);
            in.skipBytes(found - start + delimiter.length);
            return frame;
        }
        // Too long only once more than the maximum is certainly payload: the last d-1 bytes
        // might still be the start of the delimiter. The same test at the end of the stream
        // keeps the verdict independent of how the bytes were split into reads.
        if (lastFit >= scanLimit) {
            discarding = true;
            throw tooLong(in);
        }
        scanned = Math.max(scanned, lastFit + 1);
        if (endOfStream && readable > 0) {
            throw new TruncatedFrameException("delimiter: stream ended after " + readable
                    + " bytes of a frame without its delimiter " + HexPreview.quoted(delimiter) + ": "
                    + HexPreview.of(in, start, readable), readable, TruncatedFrameException.UNKNOWN);
        }
        return null;
    }

    /**
     * Drops the rest of a frame already reported as too long, up to and including its delimiter,
     * keeping only bytes that may start the delimiter.
     *
     * @return true once the oversized frame is gone and decoding can go on
     */
    private boolean discardOversizedFrame(ByteBuf in, boolean endOfStream) {
        int start = in.readerIndex();
        int lastFit = in.readableBytes() - delimiter.length;
        int found = scanned <= lastFit
                ? DelimiterSearch.indexOf(in, start + scanned, start + lastFit, in.writerIndex(), delimiter)
                : -1;
        if (found >= 0) {
            in.skipBytes(found - start + delimiter.length);
            discarding = false;
            scanned = 0;
            return true;
        }
        if (endOfStream) {
            in.skipBytes(in.readableBytes());
        } else if (lastFit >= 0) {
            in.skipBytes(lastFit + 1);
        }
        scanned = 0;
        return false;
    }

    private FrameTooLongException tooLong(ByteBuf in) {
        long atLeast = (long) maxFrameLength + 1;
        long searched = (long) scanLimit + 1;
        return new FrameTooLongException("delimiter: no delimiter " + HexPreview.quoted(delimiter)
                + " within the first " + searched + " bytes of a frame; the maximum frame length is "
                + maxFrameLength + " bytes (raise it with maxFrameLength(n) if the peer is legitimate;"
                + " reading again skips this frame): "
                + HexPreview.of(in, in.readerIndex(), (int) Math.min(searched, in.readableBytes())),
                atLeast, maxFrameLength, true);
    }

    @Override
    public String toString() {
        return "delimiter decoder for " + HexPreview.quoted(delimiter) + ", max " + maxFrameLength
                + " bytes (scanned " + scanned + " bytes)";
    }
}

package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * One connection's delimiter decoder. It remembers, as {@code scanned}, how many bytes from the
 * buffer's reader index have been searched, and in {@code scan} how much of the delimiter their
 * last bytes match, so bytes that trickle in are searched once, not rescanned from the frame's
 * start on every read; the search itself is linear whatever the delimiter ({@link DelimiterSearch}).
 */
final class DelimiterDecoder implements FrameDecoder {
    private final byte[] delimiter;
    private final int maxFrameLength;
    /** True for a lenient line decoder: a {@code \r} before the {@code \n} is stripped. */
    private final boolean stripCr;
    /** How far a delimiter may start: the maximum, plus one for a lenient {@code \r}. */
    private final int scanLimit;
    private final DelimiterSearch search;
    private final DelimiterSearch.Scan scan = new DelimiterSearch.Scan();

    /** Offsets {@code [0, scanned)} past the reader index have been searched; {@code scan} holds where it stopped. */
    private int scanned;

    /** True after a too-long frame was reported: its remaining bytes are dropped up to its delimiter. */
    private boolean discarding;

    DelimiterDecoder(byte[] delimiter, DelimiterSearch search, int maxFrameLength, boolean stripCr) {
        this.delimiter = delimiter;
        this.search = search;
        this.maxFrameLength = maxFrameLength;
        this.stripCr = stripCr;
        this.scanLimit = stripCr ? maxFrameLength + 1 : maxFrameLength;
    }

    /** Bytes examined and table fallbacks taken by this decoder's searches, for tests of linearity. */
    long searchSteps() {
        return scan.steps();
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        if (discarding && !discardOversizedFrame(in, endOfStream)) {
            return null;
        }
        int start = in.readerIndex();
        int readable = in.readableBytes();
        // A delimiter starting past the scan limit makes the frame too long, so the search never
        // needs bytes past offset scanLimit + d - 1: the end of a delimiter starting there.
        int searchEnd = (int) Math.min(readable, (long) scanLimit + delimiter.length);
        int past = scanned < searchEnd ? search.advance(in, start + scanned, start + searchEnd, scan) : -1;
        if (past >= 0) {
            scan.reset();
            int found = past - delimiter.length;
            int length = found - start;
            if (stripCr && length > 0 && in.getByte(found - 1) == '\r') {
                length--;
            }
            if (length > maxFrameLength) {
                // Only a lenient line can get here: max + 1 bytes and then "\n", no "\r" to strip.
                // The discard starts its search at the "\n" itself, so it drops exactly this line.
                discarding = true;
                scanned = length;
                throw new FrameTooLongException("delimiter: a line of " + length + " bytes exceeds the maximum of "
                        + maxFrameLength + " bytes (raise it with withMaxFrameLength(n) if the peer is legitimate;"
                        + " reading again skips this frame): " + HexPreview.of(in, start, length), length,
                        maxFrameLength).markSkipped();
            }
            scanned = 0;
            ByteBuf frame = in.retainedSlice(start, length);
            in.skipBytes(past - start);
            return frame;
        }
        scanned = Math.max(scanned, searchEnd);
        // Too long only once more than the maximum is certainly payload: the last d-1 bytes
        // might still be the start of the delimiter. The same test at the end of the stream
        // keeps the verdict independent of how the bytes were split into reads.
        if (readable - delimiter.length >= scanLimit) {
            discarding = true;
            throw tooLong(in).markSkipped();
        }
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
        int end = in.writerIndex();
        int past = start + scanned < end ? search.advance(in, start + scanned, end, scan) : -1;
        if (past >= 0) {
            in.skipBytes(past - start);
            discarding = false;
            scanned = 0;
            scan.reset();
            return true;
        }
        // Every byte has been searched and what it matched is in scan: none needs keeping.
        in.skipBytes(in.readableBytes());
        scanned = 0;
        if (endOfStream) {
            scan.reset();
        }
        return false;
    }

    private FrameTooLongException tooLong(ByteBuf in) {
        long atLeast = (long) maxFrameLength + 1;
        long searched = (long) scanLimit + 1;
        return new FrameTooLongException("delimiter: no delimiter " + HexPreview.quoted(delimiter)
                + " within the first " + searched + " bytes of a frame; the maximum frame length is "
                + maxFrameLength + " bytes (raise it with withMaxFrameLength(n) if the peer is legitimate;"
                + " reading again skips this frame): "
                + HexPreview.of(in, in.readerIndex(), (int) Math.min(searched, in.readableBytes())),
                atLeast, maxFrameLength);
    }

    @Override
    public String toString() {
        return "delimiter decoder for " + HexPreview.quoted(delimiter) + ", max " + maxFrameLength
                + " bytes (scanned " + scanned + " bytes)";
    }
}

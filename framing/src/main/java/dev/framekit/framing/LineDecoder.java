package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * One connection's decoder for a {@link LineRule}: every delimiter is searched for at once, one
 * byte at a time, and the search's place is kept between reads, so each byte is looked at once per
 * delimiter however the stream is split. An over-long line is skipped up to its delimiter, as the
 * single-delimiter decoder skips it.
 */
final class LineDecoder implements FrameDecoder {
    private final LineRule rule;
    private final int maxFrameLength;
    private final int[] matched;
    /** Offsets {@code [0, scanned)} past the reader index have been searched; {@code matched} holds where. */
    private int scanned;
    /** True after a too-long line was reported: its bytes are dropped up to its delimiter. */
    private boolean discarding;

    LineDecoder(LineRule rule, int maxFrameLength) {
        this.rule = rule;
        this.maxFrameLength = maxFrameLength;
        this.matched = new int[rule.delimiters.length];
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        int start = in.readerIndex();
        int end = in.writerIndex();
        if (discarding) {
            for (int i = start; i < end; i++) {
                if (rule.step(matched, in.getByte(i)) > 0) {
                    in.readerIndex(i + 1);
                    discarding = false;
                    java.util.Arrays.fill(matched, 0);
                    return null;
                }
            }
            in.readerIndex(end);
            discarding = !endOfStream;
            return null;
        }
        int searchEnd = (int) Math.min(end, (long) start + maxFrameLength + rule.longest);
        for (int i = start + scanned; i < searchEnd; i++) {
            int delimiter = rule.step(matched, in.getByte(i));
            if (delimiter > 0) {
                int payload = i + 1 - delimiter - start;
                reset();
                if (payload > maxFrameLength) {
                    in.readerIndex(i + 1);
                    throw new FrameTooLongException("delimiter: a line of " + payload + " bytes exceeds the maximum of "
                            + maxFrameLength + " bytes (raise it with withMaxFrameLength(n) if the peer is legitimate;"
                            + " reading again goes on with the next line): " + HexPreview.of(in, start, payload),
                            payload, maxFrameLength).markSkipped();
                }
                ByteBuf frame = in.retainedSlice(start, rule.keepDelimiter ? payload + delimiter : payload);
                in.readerIndex(i + 1);
                return frame;
            }
        }
        scanned = searchEnd - start;
        if (end - start >= (long) maxFrameLength + rule.longest) {
            reset();
            discarding = true;
            throw new FrameTooLongException("delimiter: no delimiter (" + rule.describe() + ") within the first "
                    + (maxFrameLength + rule.longest) + " bytes of a line; the maximum frame length is " + maxFrameLength
                    + " bytes (raise it with withMaxFrameLength(n) if the peer is legitimate; reading again skips this"
                    + " line): " + HexPreview.of(in, start, maxFrameLength + rule.longest), (long) maxFrameLength + 1,
                    maxFrameLength)
                    .markSkipped();
        }
        if (endOfStream && end > start) {
            if (rule.lastFrameAtEnd && end - start > maxFrameLength) {
                throw new FrameTooLongException("delimiter: the last line, " + (end - start) + " bytes without a"
                        + " delimiter at the end of the stream, exceeds the maximum of " + maxFrameLength
                        + " bytes (raise it with withMaxFrameLength(n) if the peer is legitimate): "
                        + HexPreview.of(in, start, end - start), end - start, maxFrameLength);
            }
            if (rule.lastFrameAtEnd) {
                reset();
                ByteBuf last = in.retainedSlice(start, end - start);
                in.readerIndex(end);
                return last;
            }
            throw new TruncatedFrameException("delimiter: stream ended after " + (end - start)
                    + " bytes of a line without its delimiter (" + rule.describe() + "): "
                    + HexPreview.of(in, start, end - start), end - start, TruncatedFrameException.UNKNOWN);
        }
        return null;
    }

    private void reset() {
        scanned = 0;
        java.util.Arrays.fill(matched, 0);
    }

    @Override
    public String toString() {
        return "line decoder for " + rule.describe() + ", max " + maxFrameLength + " bytes (scanned " + scanned + " bytes)";
    }
}

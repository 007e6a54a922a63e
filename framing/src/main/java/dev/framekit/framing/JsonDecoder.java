package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * One connection's decoder for concatenated JSON texts. White space before a text is consumed;
 * from the text's first byte on, {@link JsonScan} reads each byte once and keeps its place between
 * calls, so a text that trickles in is not read again from its start.
 */
final class JsonDecoder implements FrameDecoder {
    private final int maxFrameLength;
    private final JsonScan scan;
    /** Offsets {@code [0, scanned)} past the reader index, the text's first bytes, have been read. */
    private int scanned;

    JsonDecoder(int maxFrameLength, int maxDepth) {
        this.maxFrameLength = maxFrameLength;
        this.scan = JsonScan.concatenated(maxDepth);
    }

    static boolean isWhiteSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        if (scanned == 0) {
            while (in.isReadable() && isWhiteSpace(in.getByte(in.readerIndex()))) {
                in.skipBytes(1);
            }
        }
        int start = in.readerIndex();
        int end = in.writerIndex();
        int searchEnd = (int) Math.min(end, (long) start + maxFrameLength);
        int result = start + scanned < searchEnd ? scan.advance(in, start + scanned, searchEnd) : JsonScan.MORE;
        if (result == JsonScan.MALFORMED) {
            throw new FramingException("json: not a JSON text: " + scan.problem() + ", at byte "
                    + (scan.stoppedAt() - start + 1) + " of the text (is the peer using another framing?): "
                    + HexPreview.of(in, start, scan.stoppedAt() - start + 1));
        }
        if (result >= 0) {
            scanned = 0;
            scan.reset();
            ByteBuf frame = in.retainedSlice(start, result - start);
            in.readerIndex(result);
            return frame;
        }
        scanned = searchEnd - start;
        if (end - start > maxFrameLength) {
            throw new FrameTooLongException("json: a text runs on past the maximum of " + maxFrameLength
                    + " bytes without closing (raise it with Framers.json(maxFrameLength, maxDepth) if the peer is legitimate): "
                    + HexPreview.of(in, start, maxFrameLength + 1), (long) maxFrameLength + 1, maxFrameLength);
        }
        if (endOfStream && end > start) {
            throw new TruncatedFrameException("json: stream ended after " + (end - start)
                    + " bytes of a text that is not closed: " + HexPreview.of(in, start, end - start),
                    end - start, TruncatedFrameException.UNKNOWN);
        }
        return null;
    }

    @Override
    public String toString() {
        return "json decoder, max " + maxFrameLength + " bytes (scanned " + scanned + " bytes)";
    }
}

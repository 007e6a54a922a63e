package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * One connection's decoder for RFC 7464 JSON text sequences. It consumes each record separator
 * as it arrives; {@link JsonScan} then reads the text once, keeping its place between calls. A
 * damaged text is reported once, as a skipped {@link FramingException}, and its bytes are dropped
 * up to the next record separator, where the next text starts (RFC 7464, section 2.3).
 */
final class JsonSeqDecoder implements FrameDecoder {
    private final int maxFrameLength;
    private final JsonScan scan;
    /** Whether the record separator of the text at the reader index has been consumed. */
    private boolean inText;
    /** Offsets {@code [0, scanned)} of the text past the reader index have been read. */
    private int scanned;
    /** True after a damaged text was reported: bytes are dropped up to the next separator. */
    private boolean discarding;

    JsonSeqDecoder(int maxFrameLength, int maxDepth) {
        this.maxFrameLength = maxFrameLength;
        this.scan = JsonScan.sequence(maxDepth);
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        while (true) {
            int start = in.readerIndex();
            int end = in.writerIndex();
            if (discarding) {
                int separator = ByteScan.indexOf(in, start, end, JsonScan.RS);
                in.readerIndex(separator < 0 ? end : separator);
                discarding = separator < 0 && !endOfStream;
                return null;
            }
            if (start == end) {
                if (endOfStream && inText) {
                    throw truncated(in, start, 0);
                }
                return null;
            }
            if (!inText) {
                byte first = in.getByte(start);
                if (first != JsonScan.RS) {
                    discarding = true;
                    throw new FramingException("json-seq: " + HexPreview.describeByte(first) + " where a text must"
                            + " start with a record separator (0x1e); the bytes up to the next one are skipped")
                            .markSkipped();
                }
                in.skipBytes(1);
                inText = true;
                continue;
            }
            int searchEnd = (int) Math.min(end, (long) start + maxFrameLength + 1);
            int result = start + scanned < searchEnd ? scan.advance(in, start + scanned, searchEnd) : JsonScan.MORE;
            if (result >= 0) {
                endText();
                ByteBuf frame = in.retainedSlice(start, result - 1 - start);
                in.readerIndex(result);
                return frame;
            }
            if (result == JsonScan.SEPARATOR) {
                int separator = scan.stoppedAt();
                boolean empty = !scan.started();
                endText();
                if (empty) {
                    in.readerIndex(separator); // an empty text between two separators: nothing to report
                    continue;
                }
                FramingException cut = new FramingException("json-seq: a text cut short by a record separator after "
                        + (separator - start) + " bytes, before its line feed; skipped, reading goes on with the next"
                        + " text: " + HexPreview.of(in, start, separator - start));
                in.readerIndex(separator);
                throw cut.markSkipped();
            }
            if (result == JsonScan.MALFORMED) {
                int at = scan.stoppedAt();
                String problem = scan.problem();
                endText();
                discarding = true;
                throw new FramingException("json-seq: not a JSON text: " + problem + ", at byte "
                        + (at - start + 1) + " of the text; the bytes up to the next record separator are skipped: "
                        + HexPreview.of(in, start, at - start + 1)).markSkipped();
            }
            scanned = searchEnd - start;
            if (scanned > maxFrameLength) {
                endText();
                discarding = true;
                throw new FrameTooLongException("json-seq: a text runs on past the maximum of " + maxFrameLength
                        + " bytes without its line feed (raise it with Framers.jsonSeq(maxFrameLength, maxDepth) if"
                        + " the peer is legitimate; reading again skips this text): "
                        + HexPreview.of(in, start, maxFrameLength + 1), (long) maxFrameLength + 1, maxFrameLength)
                        .markSkipped();
            }
            if (endOfStream) {
                throw truncated(in, start, end - start);
            }
            return null;
        }
    }

    private void endText() {
        inText = false;
        scanned = 0;
        scan.reset();
    }

    private TruncatedFrameException truncated(ByteBuf in, int start, int length) {
        return new TruncatedFrameException("json-seq: stream ended after a record separator and " + length
                + " bytes of a text, before its line feed: " + HexPreview.of(in, start, length), length + 1,
                TruncatedFrameException.UNKNOWN);
    }

    @Override
    public String toString() {
        return "json-seq decoder, max " + maxFrameLength + " bytes (scanned " + scanned + " bytes)";
    }
}

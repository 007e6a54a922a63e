package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * One connection's control-line decoder: finds the line's end (remembering how far it has
 * scanned, so a line trickling in is not rescanned), reads the count once, then waits for the body
 * and its trailer by counting. Its state is that scan position and the count of the frame in
 * progress.
 */
final class ControlLineDecoder implements FrameDecoder {
    private final ControlLineFramer framer;
    private final ControlLineRule rule;

    /** Bytes of the frame in progress already scanned for the line's end. */
    private int scanned;
    /** The line's length, its terminator excluded, once found; -1 before. */
    private int lineLength = -1;
    /** The line's text and declared body length, once found. */
    private String line;
    private long bodyLength;

    ControlLineDecoder(ControlLineFramer framer) {
        this.framer = framer;
        this.rule = framer.rule();
    }

    /** The payload alone: the line or head is not copied. */
    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        Frame frame = next(in, endOfStream, false);
        return frame == null ? null : frame.payload();
    }

    /** The frame with its line (or head) as header fields. */
    @Override
    public Frame decodeFrame(ByteBuf in, boolean endOfStream) throws FramingException {
        return next(in, endOfStream, true);
    }

    private Frame next(ByteBuf in, boolean endOfStream, boolean typed) throws FramingException {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (lineLength < 0 && !findLine(in, start, readable)) {
            if (endOfStream && readable > 0) {
                throw new TruncatedFrameException(framer.name() + ": stream ended after " + readable
                        + " bytes of a control line without its end: " + HexPreview.of(in, start, readable), readable,
                        TruncatedFrameException.UNKNOWN);
            }
            return null;
        }
        int headerLength = lineLength + (rule.crlf() ? 2 : 1);
        long frameSize = headerLength + (bodyLength == ControlLineRule.NO_BODY ? 0 : bodyLength + rule.trailerLength());
        if (readable < frameSize) {
            if (endOfStream) {
                throw new TruncatedFrameException(framer.name() + ": stream ended after " + (readable - headerLength)
                        + " of " + bodyLength + " body bytes (" + readable + " of " + frameSize + " frame bytes): "
                        + HexPreview.of(in, start, readable), readable, frameSize);
            }
            return null;
        }
        int body = (int) Math.max(0, bodyLength);
        if (bodyLength != ControlLineRule.NO_BODY && rule.trailerLength() > 0
                && (in.getByte(start + headerLength + body) != '\r' || in.getByte(start + headerLength + body + 1) != '\n')) {
            throw new FramingException(framer.name() + ": the " + body + "-byte body is not followed by CR LF: "
                    + HexPreview.of(in, start + headerLength + body, 2) + " after the line " + ControlLineRule.describe(line));
        }
        ByteBuf headerFields = typed && rule.crlf() ? Unpooled.copiedBuffer(line, StandardCharsets.ISO_8859_1)
                : Unpooled.EMPTY_BUFFER;
        in.skipBytes(headerLength);
        ByteBuf payload = in.readRetainedSlice(body);
        in.skipBytes((int) (frameSize - headerLength - body));
        scanned = 0;
        lineLength = -1;
        line = null;
        return Frame.of(headerFields, payload);
    }

    /** Scans on for the line's end; when found, reads the count and checks it against the maximum. */
    private boolean findLine(ByteBuf in, int start, int readable) throws FramingException {
        int limit = Math.min(readable, ControlLineRule.MAX_LINE_LENGTH + 2);
        byte terminator = rule.terminator();
        for (int i = scanned; i < limit; i++) {
            byte b = in.getByte(start + i);
            if (b == terminator) {
                return lineFound(in, start, i);
            }
            if (!rule.allowedInLine(b)) {
                throw new FramingException(framer.name() + ": byte " + (i + 1) + " of the octet count is "
                        + HexPreview.describeByte(b) + ", not a digit or the space that ends it: "
                        + HexPreview.of(in, start, i + 1));
            }
            if (i >= ControlLineRule.MAX_COUNT_DIGITS && !rule.crlf()) {
                throw new FramingException(framer.name() + ": the octet count has more than "
                        + ControlLineRule.MAX_COUNT_DIGITS + " digits: " + HexPreview.of(in, start, i + 1));
            }
        }
        scanned = limit;
        if (limit == ControlLineRule.MAX_LINE_LENGTH + 2) {
            throw new FramingException(framer.name() + ": no end of line within the first " + limit
                    + " bytes of a control line (the longest is " + ControlLineRule.MAX_LINE_LENGTH + "): "
                    + HexPreview.of(in, start, limit));
        }
        return false;
    }

    private boolean lineFound(ByteBuf in, int start, int terminatorIndex) throws FramingException {
        int length = terminatorIndex;
        if (rule.crlf()) {
            if (length == 0 || in.getByte(start + length - 1) != '\r') {
                throw new FramingException(framer.name() + ": a control line ended by LF without CR: "
                        + HexPreview.of(in, start, length + 1));
            }
            length--;
        }
        if (length > ControlLineRule.MAX_LINE_LENGTH) {
            throw new FramingException(framer.name() + ": a control line of " + length + " bytes, over the longest of "
                    + ControlLineRule.MAX_LINE_LENGTH + ": " + HexPreview.of(in, start, length));
        }
        String text = ControlLineRule.text(in, start, length);
        long count = rule.count(text, framer.name());
        if (count > framer.maxFrameLength()) {
            throw new FrameTooLongException(framer.name() + ": the line declares a body of " + count
                    + " bytes, over the maximum of " + framer.maxFrameLength() + " (raise it with Framers." + framer.name()
                    + "(maxFrameLength) if the peer is legitimate): " + HexPreview.of(in, start, length), count, framer.maxFrameLength());
        }
        lineLength = length;
        line = text;
        bodyLength = count;
        return true;
    }

    @Override
    public String toString() {
        return "decoder for " + framer;
    }
}

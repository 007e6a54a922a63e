package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One connection's STOMP frame decoder: skips heart-beat EOLs, finds the blank line that ends the
 * head (remembering how far it has scanned), reads {@code content-length} once, then counts the
 * body, or scans for its NUL when there is no {@code content-length} (remembering how far).
 */
final class StompDecoder implements FrameDecoder {
    private final StompFramer framer;

    /** Bytes of the frame in progress scanned so far, from its first byte (heart-beat EOLs included). */
    private int scanned;
    /** Heart-beat EOL bytes before the frame's command, once its first byte arrived; -1 before. */
    private int eols = -1;
    /** The head's length (through the blank line), once found; -1 before. */
    private int headLength = -1;
    /** The body length from content-length, or -1 for a body ended by its NUL. */
    private long contentLength;

    StompDecoder(StompFramer framer) {
        this.framer = framer;
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
        if (eols < 0) {
            int i = scanned;
            while (i < readable && (in.getByte(start + i) == '\n' || in.getByte(start + i) == '\r')) {
                i++;
            }
            scanned = i;
            if (i == readable) {
                if (endOfStream && readable > 0) {
                    in.skipBytes(readable); // heart-beats before a clean end
                    scanned = 0;
                }
                return null;
            }
            eols = i;
        }
        if (headLength < 0 && !findHead(in, start, readable)) {
            if (endOfStream) {
                throw truncated(in, start, readable, TruncatedFrameException.UNKNOWN, "a head without its blank line");
            }
            return null;
        }
        int bodyStart = eols + headLength;
        int bodyLength;
        if (contentLength >= 0) {
            long frameSize = bodyStart + contentLength + 1;
            if (readable < frameSize) {
                if (endOfStream) {
                    throw truncated(in, start, readable, frameSize, (readable - bodyStart) + " of " + contentLength
                            + " body bytes");
                }
                return null;
            }
            bodyLength = (int) contentLength;
            if (in.getByte(start + bodyStart + bodyLength) != 0) {
                throw new FramingException("stomp: the " + bodyLength + "-byte body (content-length) is not followed by"
                        + " NUL: " + HexPreview.of(in, start + bodyStart + bodyLength, 1));
            }
        } else {
            bodyLength = findNul(in, start, bodyStart, readable);
            if (bodyLength < 0) {
                if (endOfStream) {
                    throw truncated(in, start, readable, TruncatedFrameException.UNKNOWN, "a body without its NUL");
                }
                return null;
            }
        }
        in.skipBytes(eols);
        ByteBuf head = typed ? Unpooled.copiedBuffer(in.slice(in.readerIndex(), headLength)) : Unpooled.EMPTY_BUFFER;
        in.skipBytes(headLength);
        ByteBuf payload = in.readRetainedSlice(bodyLength);
        in.skipBytes(1);
        scanned = 0;
        eols = -1;
        headLength = -1;
        return Frame.of(head, payload);
    }

    /** Scans on for the blank line; when found, reads content-length and checks it against the maximum. */
    private boolean findHead(ByteBuf in, int start, int readable) throws FramingException {
        int limit = Math.min(readable, eols + StompFramer.MAX_HEAD_LENGTH);
        for (int i = Math.max(scanned, eols); i < limit; i++) {
            byte b = in.getByte(start + i);
            if (b == 0) {
                throw new FramingException("stomp: a NUL in the frame's head, before its blank line: "
                        + HexPreview.of(in, start + eols, i - eols + 1));
            }
            if (b == '\n' && endsBlankLine(in, start, i)) {
                headLength = i + 1 - eols;
                String head = in.toString(start + eols, headLength, java.nio.charset.StandardCharsets.ISO_8859_1);
                contentLength = StompFramer.contentLength(head);
                if (contentLength > framer.maxFrameLength()) {
                    throw new FrameTooLongException("stomp: content-length " + contentLength + " exceeds the maximum of "
                            + framer.maxFrameLength() + " bytes (raise it with Framers.stomp(maxFrameLength) if the peer"
                            + " is legitimate): " + HexPreview.of(in, start + eols, headLength), contentLength,
                            framer.maxFrameLength());
                }
                scanned = i + 1;
                return true;
            }
        }
        scanned = limit;
        if (limit == eols + StompFramer.MAX_HEAD_LENGTH) {
            throw new FramingException("stomp: no blank line within the first " + StompFramer.MAX_HEAD_LENGTH
                    + " bytes of a frame's head: " + HexPreview.of(in, start + eols, StompFramer.MAX_HEAD_LENGTH));
        }
        return false;
    }

    /** True if the LF at {@code i} ends an empty line: LF LF or LF CR LF. */
    private boolean endsBlankLine(ByteBuf in, int start, int i) {
        int lineStart = eols;
        return i - 1 >= lineStart && in.getByte(start + i - 1) == '\n'
                || i - 2 >= lineStart && in.getByte(start + i - 1) == '\r' && in.getByte(start + i - 2) == '\n';
    }

    /** Scans on for the body's NUL; returns the body length, or -1 if it has not arrived. */
    private int findNul(ByteBuf in, int start, int bodyStart, int readable) throws FrameTooLongException {
        int limit = (int) Math.min(readable, bodyStart + (long) framer.maxFrameLength() + 1);
        for (int i = Math.max(scanned, bodyStart); i < limit; i++) {
            if (in.getByte(start + i) == 0) {
                return i - bodyStart;
            }
        }
        scanned = limit;
        if (limit == bodyStart + (long) framer.maxFrameLength() + 1) {
            throw new FrameTooLongException("stomp: no NUL within " + (framer.maxFrameLength() + 1) + " body bytes, over"
                    + " the maximum of " + framer.maxFrameLength() + " (raise it with Framers.stomp(maxFrameLength), or"
                    + " send content-length): " + HexPreview.of(in, start + eols, headLength), framer.maxFrameLength() + 1L,
                    framer.maxFrameLength());
        }
        return -1;
    }

    private TruncatedFrameException truncated(ByteBuf in, int start, int readable, long expected, String what) {
        return new TruncatedFrameException("stomp: stream ended after " + readable + " bytes, inside " + what + ": "
                + HexPreview.of(in, start, readable), readable, expected);
    }

    @Override
    public String toString() {
        return "decoder for " + framer;
    }
}

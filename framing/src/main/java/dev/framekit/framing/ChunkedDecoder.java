package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * One connection's chunked decoder: a small state machine over the size line and the trailer
 * section. It keeps, as {@code scanned}, how many bytes past the reader index it has already
 * parsed, so a size line trickling in is parsed once; it consumes nothing until a whole chunk
 * (or the last chunk and its trailers) is buffered.
 */
final class ChunkedDecoder implements FrameDecoder {
    private enum Phase { SIZE, EXTENSION, SIZE_LF, DATA, TRAILER_START, TRAILER_LINE, TRAILER_LF, END_LF, FINISHED }

    /** More significant hex digits than this cannot be a 64-bit size. */
    private static final int MAX_SIZE_DIGITS = 16;

    private final int maxFrameLength;
    private final boolean lastChunkRequired;

    private Phase phase = Phase.SIZE;
    /** Bytes past the reader index already parsed. */
    private int scanned;
    private int digits;
    private int significantDigits;
    private long size;
    /** The size line's length, CRLF included, once it is complete. */
    private int sizeLineLength;

    ChunkedDecoder(int maxFrameLength, boolean lastChunkRequired) {
        this.maxFrameLength = maxFrameLength;
        this.lastChunkRequired = lastChunkRequired;
    }

    @Override
    public boolean isFinished() {
        return phase == Phase.FINISHED;
    }

    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        if (phase == Phase.FINISHED) {
            return null;
        }
        int start = in.readerIndex();
        int readable = in.readableBytes();
        while (phase != Phase.DATA && scanned < readable) {
            step(in, start, in.getByte(start + scanned));
            scanned++;
            if (phase == Phase.FINISHED) {
                in.skipBytes(scanned);
                reset();
                phase = Phase.FINISHED;
                return null;
            }
            checkBounds(in);
        }
        if (phase == Phase.DATA) {
            long frameLength = sizeLineLength + size + 2;
            if (readable >= frameLength) {
                return takeChunk(in, start);
            }
            if (endOfStream) {
                throw new TruncatedFrameException("chunked: stream ended after " + (readable - sizeLineLength)
                        + " of " + size + " bytes of a chunk (" + readable + " of " + frameLength + " bytes with its"
                        + " size line and CRLF): " + HexPreview.of(in, start, readable), readable, frameLength);
            }
            return null;
        }
        if (endOfStream) {
            endOfStreamBetweenOrInside(in, start, readable);
        }
        return null;
    }

    /** Advances the state machine over one byte of a size line or the trailer section. */
    private void step(ByteBuf in, int start, byte b) throws FramingException {
        switch (phase) {
            case SIZE -> {
                int digit = Character.digit(b, 16);
                if (digit >= 0) {
                    digits++;
                    if (significantDigits > 0 || digit != 0) {
                        significantDigits++;
                    }
                    if (significantDigits <= MAX_SIZE_DIGITS) {
                        size = (size << 4) | digit;
                    }
                    return;
                }
                if (digits == 0) {
                    throw malformed(in, start, "a chunk-size line must start with a hex size, got " + HexPreview.describeByte(b));
                }
                checkSize(in, start);
                if (b == ';' || b == ' ' || b == '\t') {
                    phase = Phase.EXTENSION;
                } else if (b == '\r') {
                    phase = Phase.SIZE_LF;
                } else {
                    throw malformed(in, start, "unexpected " + HexPreview.describeByte(b) + " after the chunk size");
                }
            }
            case EXTENSION -> {
                if (b == '\r') {
                    phase = Phase.SIZE_LF;
                } else if (isControl(b)) {
                    throw malformed(in, start, "control byte " + HexPreview.describeByte(b) + " in a chunk extension");
                }
            }
            case SIZE_LF -> {
                expectLf(in, start, b, "the chunk-size line");
                sizeLineLength = scanned + 1;
                phase = size == 0 ? Phase.TRAILER_START : Phase.DATA;
            }
            case TRAILER_START -> phase = b == '\r' ? Phase.END_LF : trailerByte(in, start, b);
            case TRAILER_LINE -> phase = b == '\r' ? Phase.TRAILER_LF : trailerByte(in, start, b);
            case TRAILER_LF -> {
                expectLf(in, start, b, "a trailer field");
                phase = Phase.TRAILER_START;
            }
            case END_LF -> {
                expectLf(in, start, b, "the trailer section");
                phase = Phase.FINISHED;
            }
            default -> throw new IllegalStateException("chunked decoder stepped in phase " + phase);
        }
    }

    private Phase trailerByte(ByteBuf in, int start, byte b) throws FramingException {
        if (isControl(b)) {
            throw malformed(in, start, "control byte " + HexPreview.describeByte(b) + " in a trailer field");
        }
        return Phase.TRAILER_LINE;
    }

    private void expectLf(ByteBuf in, int start, byte b, String what) throws FramingException {
        if (b != '\n') {
            throw malformed(in, start, "CR not followed by LF at the end of " + what + ", got " + HexPreview.describeByte(b));
        }
    }

    /** Checked once the size's digits end: a size over 64 bits is malformed, one over the maximum too long. */
    private void checkSize(ByteBuf in, int start) throws FramingException {
        if (significantDigits > MAX_SIZE_DIGITS) {
            throw malformed(in, start, "chunk size of " + significantDigits + " hex digits does not fit in 64 bits");
        }
        if (size < 0 || size > maxFrameLength) {
            String declared = size < 0 ? Long.toUnsignedString(size) : Long.toString(size);
            throw new FrameTooLongException("chunked: chunk size " + declared + " exceeds the maximum of " + maxFrameLength
                    + " bytes (raise it with withMaxFrameLength(n) if the peer is legitimate); size line "
                    + HexPreview.of(in, start, scanned + 1), size < 0 ? Long.MAX_VALUE : size, maxFrameLength);
        }
    }

    private void checkBounds(ByteBuf in) throws FramingException {
        int start = in.readerIndex();
        if (phase.compareTo(Phase.DATA) < 0 && scanned > ChunkedFramer.MAX_SIZE_LINE_LENGTH) {
            throw malformed(in, start, "chunk-size line longer than " + ChunkedFramer.MAX_SIZE_LINE_LENGTH + " bytes",
                    scanned);
        }
        if (phase.compareTo(Phase.DATA) > 0 && scanned - sizeLineLength > ChunkedFramer.MAX_TRAILER_LENGTH) {
            throw malformed(in, start, "trailer section longer than " + ChunkedFramer.MAX_TRAILER_LENGTH + " bytes",
                    scanned);
        }
    }

    private ByteBuf takeChunk(ByteBuf in, int start) throws FramingException {
        int dataEnd = start + sizeLineLength + (int) size;
        if (in.getByte(dataEnd) != '\r' || in.getByte(dataEnd + 1) != '\n') {
            throw malformed(in, dataEnd, "chunk data of " + size + " bytes not followed by CRLF", 2);
        }
        ByteBuf frame = in.retainedSlice(start + sizeLineLength, (int) size);
        in.skipBytes(sizeLineLength + (int) size + 2);
        reset();
        return frame;
    }

    private void endOfStreamBetweenOrInside(ByteBuf in, int start, int readable) throws TruncatedFrameException {
        if (readable == 0 && !lastChunkRequired) {
            return;
        }
        String where = readable == 0 ? "before the last chunk (a chunk of size 0)"
                : phase.compareTo(Phase.DATA) > 0 ? "inside the trailer section, after " + readable + " bytes"
                : "inside a chunk-size line, after " + readable + " bytes";
        throw new TruncatedFrameException("chunked: stream ended " + where
                + (readable == 0 ? "" : ": " + HexPreview.of(in, start, readable)), readable, TruncatedFrameException.UNKNOWN);
    }

    /** A malformed size line or trailer, shown up to and including the byte being parsed. */
    private FramingException malformed(ByteBuf in, int start, String what) {
        return malformed(in, start, what, scanned + 1);
    }

    private static FramingException malformed(ByteBuf in, int start, String what, int shown) {
        return new FramingException("chunked: " + what + ": " + HexPreview.of(in, start, shown));
    }

    private static boolean isControl(byte b) {
        return (b >= 0 && b < 0x20 && b != '\t') || b == 0x7f;
    }

    private void reset() {
        phase = Phase.SIZE;
        scanned = 0;
        digits = 0;
        significantDigits = 0;
        size = 0;
        sizeLineLength = 0;
    }

    @Override
    public String toString() {
        return "chunked decoder, max " + maxFrameLength + " bytes per chunk (" + phase + ", scanned " + scanned + " bytes)";
    }
}

package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/**
 * Length-prefixed frames: a 4-byte <b>big-endian unsigned</b> length, then exactly that many
 * payload bytes. Python's {@code struct.pack("!I", len(data)) + data}.
 *
 * <pre>
 * Framers.lengthPrefixed(), message "hello":
 *
 *   BEFORE (message)                  AFTER (9 bytes on the wire)
 *   +----+----+----+----+----+        +----+----+----+----+----+----+----+----+----+
 *   | 68 | 65 | 6c | 6c | 6f |  ---&gt;  | 00 | 00 | 00 | 05 | 68 | 65 | 6c | 6c | 6f |
 *   | h  | e  | l  | l  | o  |        |  length = 5       | h  | e  | l  | l  | o  |
 *   +----+----+----+----+----+        +----+----+----+----+----+----+----+----+----+
 * </pre>
 *
 * <p>Binary-safe: it carries any bytes, the empty message included. It costs four bytes per
 * message and no scanning: the decoder reads the header, then waits for the body.
 *
 * <p><b>Security.</b> The declared length is checked against {@link #maxFrameLength()} (1 MiB by
 * default) as soon as the four header bytes arrive, before anything is allocated for the body:
 * a header of {@code ff ff ff ff} fails at once instead of reserving 4 GiB. Header bytes that
 * read as ASCII text ({@code 47 45 54 20}, "GET ") are reported as a likely text client talking
 * to a length-prefixed port.
 */
public final class LengthPrefixFramer extends AbstractFramer {
    /** The header size: a 4-byte unsigned length. */
    public static final int HEADER_LENGTH = 4;

    static final LengthPrefixFramer DEFAULT = new LengthPrefixFramer(FrameLimits.DEFAULT_MAX_FRAME_LENGTH);

    private final FrameDecoder decoder = this::decodeFrame;
    private final FrameEncoder encoder = FrameEncoder.of(this);

    private LengthPrefixFramer(int maxFrameLength) {
        super(maxFrameLength, "length-prefix");
    }

    /**
     * Returns a framer like this one that accepts and sends payloads of up to
     * {@code maxFrameLength} bytes.
     *
     * @param maxFrameLength 1 to {@link FrameLimits#LARGEST_MAX_FRAME_LENGTH}
     * @return the new framer
     * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
     */
    public LengthPrefixFramer maxFrameLength(int maxFrameLength) {
        return new LengthPrefixFramer(FrameLimits.checkMaxFrameLength(maxFrameLength, "length-prefix"));
    }

    /**
     * Returns the decoder; length-prefix decoding keeps no state, so every connection shares one.
     */
    @Override
    public FrameDecoder newDecoder() {
        return decoder;
    }

    /** Returns the shared encoder: length-prefix encoding keeps no state. */
    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    /** Refuses a message over the maximum frame length; any bytes are fine. */
    @Override
    public MessageRefusedException check(ByteBuf message) {
        return refuseOverMaximum(message);
    }

    /** Returns {@link #HEADER_LENGTH}: the header is all this rule adds. */
    @Override
    public int overhead(int payloadLength) {
        return HEADER_LENGTH;
    }

    /** Writes the 4-byte big-endian length. */
    @Override
    public void writeHeader(int payloadLength, ByteBuf out) {
        out.writeInt(payloadLength);
    }

    private ByteBuf decodeFrame(ByteBuf in, boolean endOfStream) throws FramingException {
        int readable = in.readableBytes();
        int start = in.readerIndex();
        if (readable < HEADER_LENGTH) {
            if (endOfStream && readable > 0) {
                throw new TruncatedFrameException("length-prefix: stream ended after " + readable + " of "
                        + HEADER_LENGTH + " length-header bytes: " + HexPreview.of(in, start, readable),
                        readable, HEADER_LENGTH);
            }
            return null;
        }
        long length = in.getUnsignedInt(start);
        if (length > maxFrameLength()) {
            throw tooLong(in, length);
        }
        long frameSize = HEADER_LENGTH + length;
        if (readable < frameSize) {
            if (endOfStream) {
                throw new TruncatedFrameException("length-prefix: stream ended after " + (readable - HEADER_LENGTH)
                        + " of " + length + " payload bytes (" + readable + " of " + frameSize
                        + " frame bytes): " + HexPreview.of(in, start, readable), readable, frameSize);
            }
            return null;
        }
        in.skipBytes(HEADER_LENGTH);
        return in.readRetainedSlice((int) length);
    }

    private FrameTooLongException tooLong(ByteBuf in, long length) {
        int start = in.readerIndex();
        String message = "length-prefix: frame length " + length + " exceeds the maximum of " + maxFrameLength()
                + " bytes (raise it with maxFrameLength(n) if the peer is legitimate); header "
                + HexPreview.of(in, start, HEADER_LENGTH);
        if (HexPreview.isPrintableAscii(in, start, HEADER_LENGTH)) {
            message += "; the header reads as text \"" + in.toString(start, HEADER_LENGTH,
                    java.nio.charset.StandardCharsets.US_ASCII)
                    + "\": is a text client talking to a length-prefixed port?";
        }
        return new FrameTooLongException(message, length, maxFrameLength());
    }

    /** Describes the rule, e.g. {@code length-prefix(4-byte big-endian, max 1048576 bytes)}. */
    @Override
    public String toString() {
        return "length-prefix(4-byte big-endian, max " + maxFrameLength() + " bytes)";
    }
}

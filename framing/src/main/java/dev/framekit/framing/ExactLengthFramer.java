package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * Frames of exactly {@code n} bytes with nothing around them: no header, no padding, no
 * delimiter. The receiver counts {@code n} bytes. It is how a body whose length was announced
 * elsewhere is read, e.g. an HTTP body after {@code Content-Length: 5}: read the head with one
 * framer, {@link FrameReader#framer(Framer) switch} to {@code Framers.exactly(5)}, read one
 * frame, switch back.
 *
 * <pre>
 * Framers.exactly(5), after a head that announced 5 bytes:
 *
 *   ON THE WIRE                                       DECODED
 *   ... 0d 0a 0d 0a | 68 | 65 | 6c | 6c | 6f | 47 45 54 ...
 *       end of head | h    e    l    l    o  | next request (left buffered)
 *                   |&lt;-- exactly 5 bytes --&gt;|   ---&gt;  "hello"
 * </pre>
 *
 * <p>Unlike {@link FixedLengthFramer} nothing is stripped, so it is binary-safe, but it refuses
 * every message that is not exactly {@code n} bytes. A stream that ends inside a frame fails with
 * {@link TruncatedFrameException} (received, expected {@code n}). {@link #maxFrameLength()} is
 * {@code n}; the reader's buffer grows only with bytes that arrive, not with {@code n}.
 */
final class ExactLengthFramer implements Framer {
    private final int maxFrameLength;
    private final FrameDecoder decoder = this::decodeFrame;
    private final FrameEncoder encoder = new Encoder();

    private ExactLengthFramer(int length) {
        this.maxFrameLength = length;
    }

    static ExactLengthFramer of(int length) {
        if (length < 1 || length > FrameLimits.LARGEST_MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("exact-length: length must be between 1 and "
                    + FrameLimits.LARGEST_MAX_FRAME_LENGTH + " bytes, got " + length);
        }
        return new ExactLengthFramer(length);
    }

    /**
     * Returns the length of every frame.
     *
     * @return the frame length in bytes
     */
    int length() {
        return maxFrameLength();
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** Returns the shared decoder: exact-length decoding keeps no state. */
    @Override
    public FrameDecoder newDecoder() {
        return decoder;
    }

    /** Returns the shared encoder: exact-length encoding keeps no state. */
    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    private ByteBuf decodeFrame(ByteBuf in, boolean endOfStream) throws FramingException {
        int readable = in.readableBytes();
        if (readable >= length()) {
            return in.readRetainedSlice(length());
        }
        if (endOfStream && readable > 0) {
            throw new TruncatedFrameException("exact-length: stream ended after " + readable + " of " + length()
                    + " bytes: " + HexPreview.of(in, in.readerIndex(), readable), readable, length());
        }
        return null;
    }

    /** Describes the rule, e.g. {@code exact-length(5 bytes)}. */
    @Override
    public String toString() {
        return "exact-length(" + length() + " bytes)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExactLengthFramer that && maxFrameLength == that.maxFrameLength;
    }

    @Override
    public int hashCode() {
        return maxFrameLength;
    }

    /** The encoder: this rule's refusals, header and trailer; it keeps no state, so one is shared. */
    private final class Encoder implements FrameEncoder {
        /** Refuses every message that is not exactly {@link #length()} bytes. */
        @Override
        public MessageRefusedException check(ByteBuf message) {
            int length = message.readableBytes();
            if (length == length()) {
                return null;
            }
            return new MessageRefusedException("exact-length: message is " + length + " bytes; this framer carries "
                    + "exactly " + length() + " (make a framer for the message's length): "
                    + HexPreview.of(message, message.readerIndex(), length), length);
        }

        /** Returns 0: nothing goes around the payload. */
        @Override
        public int overhead(int payloadLength) {
            return 0;
        }

        @Override
        public String toString() {
            return ExactLengthFramer.this.toString();
        }
    }
}

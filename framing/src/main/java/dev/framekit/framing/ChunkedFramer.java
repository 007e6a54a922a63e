package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 chunked transfer coding (RFC 9112, section 7.1) as a framer: each message is one
 * chunk, its length in hexadecimal on a line of its own, then the bytes, then CRLF. A chunk of
 * size zero, the <i>last chunk</i>, and an optional trailer section end the body.
 *
 * <pre>
 * Framers.chunked(), messages "hello" and "world!", then the end of the body:
 *
 *   ON THE WIRE                                                    DECODED
 *   35 0d 0a | 68 65 6c 6c 6f | 0d 0a                               "hello"
 *   5  CR LF | h  e  l  l  o  | CR LF
 *   36 3b 78 3d 31 0d 0a | 77 6f 72 6c 64 21 | 0d 0a                "world!"
 *   6  ;  x  =  1  CR LF | w  o  r  l  d  !  | CR LF   (";x=1" is a chunk extension, ignored)
 *   30 0d 0a | 0d 0a                                                end of body
 *   0  CR LF | CR LF   (the last chunk; trailer fields, if any, come before the final CR LF)
 *   47 45 54 20 ...                                                 left buffered: the next request
 * </pre>
 *
 * <p><b>The end of the body.</b> The decoder returns each chunk's data as a frame. On the last
 * chunk and its trailers it consumes them, returns {@code null} and reports
 * {@link FrameDecoder#isFinished() finished}; from then on it returns {@code null}. A
 * {@link FrameReader} turns that into an end: {@code readFrame()} returns {@code null} with the
 * bytes after the body still buffered, and the caller {@linkplain FrameReader#framer(Framer)
 * switches} to the framer for what follows. Trailer fields are checked for shape and discarded.
 * A stream that ends between chunks ends cleanly, like every framer, unless
 * {@link #lastChunkRequired()} is set (HTTP needs it), which makes that a
 * {@link TruncatedFrameException}.
 *
 * <p>Encoding writes each message as one chunk, sizes in lower-case hex; the empty message is
 * refused, because a chunk of size zero is the last chunk. End the body with the encoder's end of
 * section, {@link FrameEncoder#writeEnd} ({@link FrameWriter#writeEnd()}), which writes the last
 * chunk, {@code 0 CR LF CR LF}, and finishes the encoder.
 *
 * <p><b>Security.</b> A chunk-size line (size and extensions) longer than
 * 1 KiB, a trailer section longer than
 * 8 KiB, a size that is not hexadecimal, one that does not fit in 64
 * bits ({@code FFFFFFFFFFFFFFFFF} is an error, never a wrap-around), bare LF line ends and data
 * not followed by CRLF all fail with {@link FramingException}; a size over
 * {@link #maxFrameLength()} fails with {@link FrameTooLongException} as soon as its digits end,
 * before any data is buffered. Each byte of the size line and trailers is examined once however
 * the stream is split.
 */
public final class ChunkedFramer implements Framer {
    private final int maxFrameLength;
    /** The longest chunk-size line accepted, size, extensions and CRLF included: 1 KiB. */
    static final int MAX_SIZE_LINE_LENGTH = 1024;

    /** The longest trailer section accepted, its final CRLF included: 8 KiB. */
    static final int MAX_TRAILER_LENGTH = 8 * 1024;

    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    static final ChunkedFramer DEFAULT = new ChunkedFramer(FrameLimits.DEFAULT_MAX_FRAME_LENGTH, false);

    private final boolean lastChunkRequired;

    private ChunkedFramer(int maxFrameLength, boolean lastChunkRequired) {
        this.maxFrameLength = maxFrameLength;
        this.lastChunkRequired = lastChunkRequired;
    }

    /**
     * Returns a framer like this one that accepts and sends chunks of up to
     * {@code maxFrameLength} bytes.
     *
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     * @return the new framer
     * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
     */
    public ChunkedFramer withMaxFrameLength(int maxFrameLength) {
        return new ChunkedFramer(FrameLimits.checkMaxFrameLength(maxFrameLength, "chunked"), lastChunkRequired);
    }

    /**
     * Returns a framer like this one whose decoder treats a stream that ends before the last
     * chunk as truncated, as an HTTP body must.
     *
     * @return the new framer
     */
    public ChunkedFramer lastChunkRequired() {
        return new ChunkedFramer(maxFrameLength(), true);
    }

    /**
     * Returns whether the stream ending before the last chunk is a {@link TruncatedFrameException}.
     *
     * @return true if the last chunk is required
     */
    public boolean isLastChunkRequired() {
        return lastChunkRequired;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** Returns the shared encoder: chunked encoding keeps no state. */
    /** Returns a new encoder: it remembers whether the body has ended. */
    @Override
    public FrameEncoder newEncoder() {
        return new Encoder();
    }

    @Override
    public FrameDecoder newDecoder() {
        return new ChunkedDecoder(maxFrameLength(), lastChunkRequired);
    }

    /** Describes the rule, e.g. {@code chunked(max 1048576 bytes per chunk)}. */
    @Override
    public String toString() {
        return "chunked(max " + maxFrameLength() + " bytes per chunk" + (lastChunkRequired ? ", last chunk required" : "")
                + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChunkedFramer that && maxFrameLength == that.maxFrameLength
                && lastChunkRequired == that.lastChunkRequired;
    }

    @Override
    public int hashCode() {
        return 31 * maxFrameLength + (lastChunkRequired ? 1 : 0);
    }

    /** One body's encoder: a chunk per message, then the last chunk at the end of the section. */
    private final class Encoder implements FrameEncoder {
        private boolean ended;

        /** Refuses the empty message (it would be the last chunk), one over the maximum, and any after the end. */
        @Override
        public MessageRefusedException check(ByteBuf message) {
            if (ended) {
                return new MessageRefusedException("chunked: the body has ended with its last chunk; a new body needs"
                        + " a new encoder", message.readableBytes());
            }
            if (!message.isReadable()) {
                return new MessageRefusedException("chunked: an empty message would be a chunk of size 0, which is the"
                        + " last chunk and ends the body (skip empty messages; end the body with writeEnd)", 0);
            }
            return FrameLimits.refuseOverMaximum(message, maxFrameLength, "chunked");
        }

        /** Returns the size line (hex digits and CRLF) plus the CRLF after the data. */
        @Override
        public int overhead(int payloadLength) {
            return Integer.toHexString(payloadLength).length() + 2 * CRLF.length;
        }

        /** Writes the size in hex and CRLF. */
        @Override
        public void writeHeader(int payloadLength, ByteBuf out) {
            out.writeCharSequence(Integer.toHexString(payloadLength), StandardCharsets.US_ASCII);
            out.writeBytes(CRLF);
        }

        /** Writes the CRLF that ends the chunk's data. */
        @Override
        public void writeTrailer(int payloadLength, ByteBuf out) {
            out.writeBytes(CRLF);
        }

        /** Writes the last chunk with no trailers, {@code 0 CR LF CR LF}, which ends the body. */
        @Override
        public void writeEnd(ByteBuf out) {
            out.writeBytes(LAST_CHUNK);
            ended = true;
        }

        @Override
        public boolean isFinished() {
            return ended;
        }

        @Override
        public String toString() {
            return ChunkedFramer.this.toString();
        }
    }
}

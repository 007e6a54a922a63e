package dev.framekit.demos.http;

import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.TruncatedFrameException;
import java.io.IOException;
import java.time.Duration;

/**
 * Reads HTTP messages off one connection with framekit's framers, switching framer mid-stream on
 * the connection's one {@link FrameReader}, so no byte is lost between the phases:
 *
 * <pre>
 * head      Framers.delimiter("\r\n\r\n").withMaxFrameLength(maxHeader)
 * body      Framers.exactly(n) | Framers.chunked().lastChunkRequired() | upTo(n) until the stream ends
 *           (a client streams a chunked body with {@link ChunkedPieces}: a size line, then the chunk in pieces)
 * next head back to the delimiter, with whatever the last read brought after the body
 * </pre>
 */
public final class MessageReader {
    /** The largest piece of a Content-Length body read as one frame. */
    static final int PIECE = 64 * 1024;

    /** Receives a body, piece by piece, as it is read. */
    @FunctionalInterface
    public interface BodySink {
        /** Takes the next piece of the body. */
        void accept(byte[] piece) throws IOException;
    }

    private final FrameReader reader;
    private final DelimiterFramer headFramer;
    private final WireTap tap;

    /** Reads heads of up to {@code maxHeader} bytes from {@code reader}, showing each phase on {@code tap}. */
    public MessageReader(FrameReader reader, int maxHeader, WireTap tap) {
        this.reader = reader;
        this.headFramer = Framers.delimiter("\r\n\r\n").withMaxFrameLength(maxHeader);
        this.tap = tap;
    }

    /**
     * Reads the next head (without its blank line), skipping empty lines before it; null if the
     * stream ended cleanly first.
     *
     * @throws FrameTooLongException if the head is over the maximum
     */
    public byte[] readHead() throws IOException {
        skipLineEnds();
        reader.framer(headFramer);
        while (true) {
            byte[] head = reader.readByteArray();
            if (head == null) {
                return null;
            }
            tap.show("received head", headFramer, head);
            if (!isOnlyLineEnds(head)) {
                return head;
            }
        }
    }

    /**
     * Whether bytes of a next message are already buffered (pipelined requests), the empty lines
     * RFC 9112 lets a client send before a request aside: it takes those, never waiting for bytes.
     */
    public boolean pipelined() throws IOException {
        skipLineEnds();
        return reader.buffered() > 0;
    }

    private void skipLineEnds() throws IOException {
        reader.framer(ReadOnlyFramers.LINE_ENDS);
        reader.readFrame(); // null: it only takes line ends already buffered
        reader.framer(headFramer);
    }

    /**
     * Reads a request body framed as {@code framing}, handing it to {@code sink} piece by piece
     * (chunk by chunk), within {@code bodyTimeout} in all ({@link BodyClock}).
     *
     * @param maxBody the most body bytes accepted, over which it fails with {@link FrameTooLongException}
     * @param bodyTimeout the longest the whole body may take; zero for no limit
     * @return the body's length
     * @throws BodyClock.Expired if the body took longer than {@code bodyTimeout}
     * @throws FramingException if the body breaks its framing or the stream ends inside it
     */
    public long readBody(BodyFraming framing, long maxBody, Duration bodyTimeout, BodySink sink) throws IOException {
        try (BodyClock clock = new BodyClock(reader, bodyTimeout)) {
            return switch (framing.kind()) {
                case NONE -> 0;
                case LENGTH -> readLength(framing.length(), clock, sink);
                case CHUNKED -> readChunks(maxBody, clock, sink);
                case CLOSE -> readToEnd(maxBody, clock, sink);
            };
        } finally {
            reader.framer(headFramer);
        }
    }

    /**
     * Reads a response body framed as {@code framing} and hands it to {@code sink} as it arrives,
     * in pieces of at most {@value #PIECE} bytes whatever the framing: a chunk of any size, or a
     * body until close, is never held whole ({@link ChunkedPieces}).
     *
     * @param maxBody the most body bytes accepted, over which it fails with {@link FrameTooLongException}
     * @return the body's length
     */
    public long streamBody(BodyFraming framing, long maxBody, BodySink sink) throws IOException {
        BodyClock none = new BodyClock(reader, Duration.ZERO);
        try {
            return switch (framing.kind()) {
                case NONE -> 0;
                case LENGTH -> {
                    if (framing.length() > maxBody) {
                        throw new FrameTooLongException("a body of " + framing.length() + " bytes (Content-Length) is over the "
                                + maxBody + " accepted", framing.length(), (int) Math.min(maxBody, Integer.MAX_VALUE));
                    }
                    yield readLength(framing.length(), none, sink);
                }
                case CHUNKED -> new ChunkedPieces(reader, PIECE, maxBody, tap).read(sink);
                case CLOSE -> readToEnd(maxBody, none, sink);
            };
        } finally {
            reader.framer(headFramer);
        }
    }

    private long readLength(long length, BodyClock clock, BodySink sink) throws IOException {
        long left = length;
        while (left > 0) {
            Framer piece = Framers.exactly((int) Math.min(PIECE, left));
            reader.framer(piece);
            byte[] bytes = read(clock, length - left);
            if (bytes == null) {
                throw new TruncatedFrameException("the stream ended after " + (length - left) + " of " + length
                        + " body bytes (Content-Length " + length + ")", length - left, length);
            }
            tap.show("received body piece", piece, bytes);
            sink.accept(bytes);
            left -= bytes.length;
        }
        return length;
    }

    private long readChunks(long maxBody, BodyClock clock, BodySink sink) throws IOException {
        Framer chunked = Framers.chunked().withMaxFrameLength((int) Math.min(maxBody, Integer.MAX_VALUE / 2)).lastChunkRequired();
        reader.framer(chunked);
        long total = 0;
        byte[] chunk;
        while ((chunk = read(clock, total)) != null) {
            total += chunk.length;
            if (total > maxBody) {
                throw new FrameTooLongException("chunked body of more than " + maxBody + " bytes", total, (int) maxBody);
            }
            tap.show("received chunk", chunked, chunk);
            sink.accept(chunk);
        }
        return total;
    }

    /** The body until the stream ends, in pieces as they arrive. */
    private long readToEnd(long maxBody, BodyClock clock, BodySink sink) throws IOException {
        Framer toEnd = ReadOnlyFramers.upTo(PIECE);
        reader.framer(toEnd);
        long total = 0;
        byte[] piece;
        while ((piece = read(clock, total)) != null) {
            total += piece.length;
            if (total > maxBody) {
                throw new FrameTooLongException("a body until close of more than " + maxBody + " bytes", total,
                        (int) Math.min(maxBody, Integer.MAX_VALUE));
            }
            tap.show("received body until close", Framers.exactly(piece.length), piece);
            sink.accept(piece);
        }
        return total;
    }

    private byte[] read(BodyClock clock, long bytesSoFar) throws IOException {
        clock.beforePiece(bytesSoFar);
        try {
            return reader.readByteArray();
        } catch (IOException e) {
            throw clock.failure(e, bytesSoFar);
        }
    }

    private static boolean isOnlyLineEnds(byte[] head) {
        for (byte b : head) {
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}

package dev.framekit.demos.http;

import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.TruncatedFrameException;
import java.io.IOException;

/**
 * Reads HTTP messages off one connection with framekit's framers, switching framer mid-stream on
 * the connection's one {@link FrameReader}, so no byte is lost between the phases:
 *
 * <pre>
 * head      Framers.delimiter("\r\n\r\n").withMaxFrameLength(maxHeader)
 * body      Framers.exactly(n) | Framers.chunked().lastChunkRequired() | Framers.sendAndClose()
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

    /** How many bytes are buffered but not yet read: pipelined requests already here. */
    public int buffered() {
        return reader.buffered();
    }

    /**
     * Reads a body framed as {@code framing}, handing it to {@code sink} piece by piece.
     *
     * @param maxBody the most body bytes accepted, over which it fails with {@link FrameTooLongException}
     * @return the body's length
     * @throws FramingException if the body breaks its framing or the stream ends inside it
     */
    public long readBody(BodyFraming framing, long maxBody, BodySink sink) throws IOException {
        try {
            return switch (framing.kind()) {
                case NONE -> 0;
                case LENGTH -> readLength(framing.length(), sink);
                case CHUNKED -> readChunks(maxBody, sink);
                case CLOSE -> readToEnd(maxBody, sink);
            };
        } finally {
            reader.framer(headFramer);
        }
    }

    private long readLength(long length, BodySink sink) throws IOException {
        long left = length;
        while (left > 0) {
            Framer piece = Framers.exactly((int) Math.min(PIECE, left));
            reader.framer(piece);
            byte[] bytes = reader.readByteArray();
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

    private long readChunks(long maxBody, BodySink sink) throws IOException {
        Framer chunked = Framers.chunked().withMaxFrameLength((int) Math.min(maxBody, Integer.MAX_VALUE / 2)).lastChunkRequired();
        reader.framer(chunked);
        long total = 0;
        byte[] chunk;
        while ((chunk = reader.readByteArray()) != null) {
            total += chunk.length;
            if (total > maxBody) {
                throw new FrameTooLongException("chunked body of more than " + maxBody + " bytes", total, (int) maxBody);
            }
            tap.show("received chunk", chunked, chunk);
            sink.accept(chunk);
        }
        return total;
    }

    private long readToEnd(long maxBody, BodySink sink) throws IOException {
        Framer toEnd = Framers.sendAndClose().withMaxFrameLength((int) Math.min(maxBody, Integer.MAX_VALUE / 2));
        reader.framer(toEnd);
        byte[] body = reader.readByteArray();
        byte[] bytes = body == null ? new byte[0] : body;
        tap.show("received body until close", toEnd, bytes);
        sink.accept(bytes);
        return bytes.length;
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

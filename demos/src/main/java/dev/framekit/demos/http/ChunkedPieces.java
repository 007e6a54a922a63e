package dev.framekit.demos.http;

import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.TruncatedFrameException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a chunked body (RFC 9112, section 7.1) as it arrives, in pieces of at most a given size,
 * by switching the reader's framer for each part, so that no chunk is held whole however large
 * it says it is (a client cannot choose the server's chunk sizes; {@code Framers.chunked()} hands
 * out whole chunks, right for a server that bounds them by its body limit):
 *
 * <pre>
 * size line   Framers.delimiter("\r\n"), at most 1 KiB: hex size, then ;extensions (ignored)
 * data        upTo(piece) until the chunk's size is read
 * CRLF        Framers.exactly(2)
 * trailers    after the last chunk (size 0): lines until an empty one, at most 8 KiB, dropped
 * </pre>
 */
final class ChunkedPieces {
    private static final DelimiterFramer LINE = Framers.delimiter("\r\n").withMaxFrameLength(1024);
    private static final int MAX_TRAILERS = 8 * 1024;

    private final FrameReader reader;
    private final int piece;
    private final long maxBody;
    private final WireTap tap;

    ChunkedPieces(FrameReader reader, int piece, long maxBody, WireTap tap) {
        this.reader = reader;
        this.piece = piece;
        this.maxBody = maxBody;
        this.tap = tap;
    }

    /** Reads the body to its last chunk and trailers, handing each piece to {@code sink}; returns its length. */
    long read(MessageReader.BodySink sink) throws IOException {
        long total = 0;
        while (true) {
            long size = sizeLine(total);
            if (size == 0) {
                trailers();
                return total;
            }
            if (size > maxBody - total) {
                throw new FrameTooLongException("a chunk of " + size + " bytes takes the body over the " + maxBody
                        + " bytes accepted", total + size, (int) Math.min(maxBody, Integer.MAX_VALUE));
            }
            for (long left = size; left > 0; ) {
                reader.framer(ReadOnlyFramers.upTo((int) Math.min(piece, left)));
                byte[] bytes = reader.readByteArray();
                if (bytes == null) {
                    throw new TruncatedFrameException("the stream ended after " + (size - left) + " of a chunk's " + size
                            + " bytes", size - left, size);
                }
                tap.show("received chunk piece", Framers.exactly(bytes.length), bytes);
                sink.accept(bytes);
                left -= bytes.length;
                total += bytes.length;
            }
            reader.framer(Framers.exactly(2));
            byte[] end = reader.readByteArray();
            if (end == null || end[0] != '\r' || end[1] != '\n') {
                throw new FramingException("a chunk's data is not followed by CRLF");
            }
        }
    }

    /** The next chunk's size, from its size line. */
    private long sizeLine(long bodySoFar) throws IOException {
        String line = line("the stream ended after " + bodySoFar + " bytes of a chunked body, before its last chunk");
        int semicolon = line.indexOf(';');
        String digits = HeadSyntax.trimWhitespace(semicolon < 0 ? line : line.substring(0, semicolon));
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new FramingException("a chunk size is not 1 to 15 hex digits: " + HeadSyntax.preview(line));
        }
        return Long.parseLong(digits, 16);
    }

    /** Reads and drops the trailer fields up to the empty line that ends the body. */
    private void trailers() throws IOException {
        int taken = 0;
        String line;
        while (!(line = line("the stream ended inside the trailers of a chunked body")).isEmpty()) {
            taken += line.length() + 2;
            if (taken > MAX_TRAILERS || line.indexOf(':') <= 0) {
                throw new FramingException(taken > MAX_TRAILERS ? "trailers over " + MAX_TRAILERS + " bytes"
                        : "a trailer line without a name and a colon: " + HeadSyntax.preview(line));
            }
        }
    }

    private String line(String endedEarly) throws IOException {
        reader.framer(LINE);
        byte[] bytes = reader.readByteArray();
        if (bytes == null) {
            throw new TruncatedFrameException(endedEarly, 0, 1);
        }
        String line = new String(bytes, StandardCharsets.ISO_8859_1);
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new FramingException("a bare CR or LF in a chunked body's line (lines end with CRLF)");
        }
        return line;
    }
}

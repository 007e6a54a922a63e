package dev.framekit.demos.http;

import dev.framekit.framing.ChunkedFramer;
import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes HTTP messages with framekit's framers into one batch buffer, sent on {@link #flush()}
 * (so pipelined responses leave in one write): the head by the {@code \r\n\r\n} delimiter, a
 * body of known length by {@code Framers.exactly(n)}, a streamed body as chunks.
 */
public final class MessageWriter {
    private static final DelimiterFramer HEAD = Framers.delimiter("\r\n\r\n").maxFrameLength(64 * 1024);
    private static final ChunkedFramer CHUNKS = Framers.chunked();
    private static final int FLUSH_AT = 64 * 1024;

    private final OutputStream out;
    private final WireTap tap;
    private ByteBuf batch = Unpooled.buffer(4096);

    /** Writes to {@code out}, showing each phase on {@code tap}. */
    public MessageWriter(OutputStream out, WireTap tap) {
        this.out = out;
        this.tap = tap;
    }

    /** Appends a head: the start line and fields joined by CRLF, without the blank line. */
    public void head(String head) throws IOException {
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        frame(HEAD, bytes, "sent head");
    }

    /**
     * Appends a body, or a piece of one, whose length the head announced. A large one goes out in
     * pieces of at most {@value #FLUSH_AT} bytes, so the batch buffer never grows to the body's
     * size (an echoed 1 MiB body would otherwise cost 2 MiB more while it is sent).
     */
    public void body(byte[] bytes, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = Math.min(FLUSH_AT, length - done);
            int from = offset + done;
            byte[] piece = from == 0 && n == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, from, from + n);
            frame(Framers.exactly(n), piece, "sent body");
            done += n;
        }
    }

    /** Appends one chunk of a chunked body; an empty piece is skipped (it would end the body). */
    public void chunk(byte[] bytes) throws IOException {
        if (bytes.length > 0) {
            frame(CHUNKS, bytes, "sent chunk");
        }
    }

    /** Appends the last chunk, which ends a chunked body. */
    public void lastChunk() throws IOException {
        CHUNKS.writeLastChunk(batch);
        if (tap != WireTap.OFF) {
            tap.show("sent last chunk (0 CRLF CRLF: the end of the body)", Framers.exactly(5), "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        flushIfFull();
    }

    /** Sends everything appended so far. */
    public void flush() throws IOException {
        if (batch.isReadable()) {
            batch.readBytes(out, batch.readableBytes());
        }
        out.flush();
        if (batch.capacity() > 4 * FLUSH_AT) {
            batch.release();
            batch = Unpooled.buffer(4096);
        } else {
            batch.clear();
        }
    }

    private void frame(Framer framer, byte[] payload, String label) throws IOException {
        try {
            framer.encode(payload, batch);
        } catch (MessageRefusedException e) {
            throw new IllegalStateException("HTTP writer built a message its framer refuses: " + e.getMessage(), e);
        }
        tap.show(label, framer, payload);
        flushIfFull();
    }

    private void flushIfFull() throws IOException {
        if (batch.readableBytes() >= FLUSH_AT) {
            flush();
        }
    }
}

package dev.framekit.demos.http;

import dev.framekit.framing.ChunkedFramer;
import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes HTTP messages through a {@link FrameWriter}, switching framer for each part: the head by
 * the {@code \r\n\r\n} delimiter, a body of known length by {@code Framers.exactly(n)}, a streamed
 * body as chunks ended by the chunked encoder's end of section (the last chunk). The writer
 * batches, so pipelined responses leave in one write on {@link #flush()}.
 */
public final class MessageWriter {
    private static final DelimiterFramer HEAD = Framers.delimiter("\r\n\r\n").withMaxFrameLength(64 * 1024);
    private static final ChunkedFramer CHUNKS = Framers.chunked();
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** A body goes out in pieces of at most this many bytes, so no write carries more. */
    private static final int PIECE = 64 * 1024;

    private final FrameWriter writer;
    private final WireTap tap;

    /** Writes to {@code out}, showing each phase on {@code tap}. */
    public MessageWriter(OutputStream out, WireTap tap) {
        this(new FrameWriter(out, HEAD), tap);
    }

    /**
     * Writes through {@code writer} (a connection's own, whose batch a server counts against its
     * memory budget), showing each phase on {@code tap}.
     */
    public MessageWriter(FrameWriter writer, WireTap tap) {
        this.writer = writer;
        this.tap = tap;
    }

    /** Appends a head: the start line and fields joined by CRLF, without the blank line. */
    public void head(String head) throws IOException {
        frame(HEAD, head.getBytes(StandardCharsets.ISO_8859_1), "sent head");
    }

    /**
     * Appends a body, or a piece of one, whose length the head announced. A large one goes out in
     * pieces of at most {@value #PIECE} bytes, each straight from {@code bytes} (the writer does
     * not copy a large payload into its batch).
     */
    public void body(byte[] bytes, int offset, int length) throws IOException {
        for (int done = 0; done < length; ) {
            int n = Math.min(PIECE, length - done);
            frame(Framers.exactly(n), Unpooled.wrappedBuffer(bytes, offset + done, n), "sent body");
            done += n;
        }
    }

    /** Appends one chunk of a chunked body; an empty piece is skipped (it would end the body). */
    public void chunk(byte[] bytes) throws IOException {
        if (bytes.length > 0) {
            frame(CHUNKS, bytes, "sent chunk");
        }
    }

    /** Appends the last chunk, which ends a chunked body: the chunked encoder's end of section. */
    public void lastChunk() throws IOException {
        writer.framer(CHUNKS);
        writer.writeEnd();
        tap.show("sent last chunk (0 CRLF CRLF: the end of the body)", Framers.exactly(LAST_CHUNK.length), LAST_CHUNK);
    }

    /** Sends everything appended so far. */
    public void flush() throws IOException {
        writer.flush();
    }

    private void frame(Framer framer, byte[] payload, String label) throws IOException {
        frame(framer, Unpooled.wrappedBuffer(payload), label);
    }

    private void frame(Framer framer, ByteBuf payload, String label) throws IOException {
        writer.framer(framer);
        try {
            writer.write(payload);
        } catch (MessageRefusedException e) {
            throw new IllegalStateException("HTTP writer built a message its framer refuses: " + e.getMessage(), e);
        }
        if (tap != WireTap.OFF) {
            tap.show(label, framer, ByteBufUtil.getBytes(payload));
        }
    }
}

package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Writes frames to a blocking {@link OutputStream} with a {@link Framer}.
 *
 * <p>{@code write} encodes a message into a batch buffer; the batch goes to the stream when it
 * reaches 64 KiB, and on {@link #flush()}. So a burst of small messages costs a few write calls,
 * not one each. {@code writeAndFlush} is {@code write} plus {@code flush}: use it when the peer
 * should see the message now. A payload of 16 KiB or more is written straight from the caller's
 * memory to the stream between its header and its trailer, without being copied into the batch
 * (unless the encoder transforms payloads: {@link FrameEncoder#sendsPayloadUnchanged()}); over a
 * {@link java.nio.channels.SocketChannel}'s socket ({@link #over(Socket, Framer)}) the batch and
 * the payload leave in one gathering write, over a plain stream in two. The writer frames through
 * the public {@link FrameEncoder} parts that {@link Framer#newEncoder()} makes, so this holds for
 * every framer, a user's own included.
 *
 * <p><b>No object per message; the caller keeps ownership.</b> {@link #write(ByteBuf)},
 * {@link #write(byte[], int, int)} and {@link #write(ByteBuffer)} frame the caller's bytes where
 * they are, without moving indices or releasing anything; an array or buffer written again (a
 * send buffer the caller refills) reuses the view the writer made of it until the next
 * {@link #flush()}, so a burst of messages from one send buffer allocates nothing per message.
 *
 * <p><b>Memory.</b> The batch grows with what is batched and, once flushed, shrinks back to
 * {@value #IDLE_CAPACITY} bytes: an idle writer holds no more, whatever it sent before.
 * {@link #onBatchResized(IntConsumer)} tells whoever counts the connection's memory.
 *
 * <pre>{@code
 * FrameWriter writer = new FrameWriter(socket.getOutputStream(), Framers.lengthPrefixed());
 * for (String line : lines) {
 *     writer.write(line);        // batched
 * }
 * writer.flush();                // one or a few write calls
 * }</pre>
 *
 * <p><b>Refusals write nothing.</b> A message the framer cannot carry fails with
 * {@link MessageRefusedException} and leaves the batch and the stream as they were. On a
 * send-and-close framer the second message is refused by the connection's encoder: a connection
 * carries one, and {@link #isFinished()} then says the output must end.
 *
 * <p>Not thread-safe: one thread writes (a reader may run beside it), and hands the writer to
 * another thread only after a {@link #flush()}: from its first write to its flush the batch is that
 * thread's, so the writes between make no atomic operation, and another thread's write or flush
 * meanwhile fails with an {@link IOException}. After an {@link IOException} from the stream, close
 * the connection. It never holds a monitor while blocked (safe on virtual threads). Another thread
 * may only {@link #close()} it: while the writing thread holds the batch (inside a write or flush,
 * or between its writes and its flush) that closes the stream only (ending a write blocked on a
 * socket; what is batched is not sent), that thread releases the batch when its current or next
 * write or flush ends with an {@link IOException}, never with a buffer error.
 */
public final class FrameWriter implements Flushable, AutoCloseable {
    /** The batch is written to the stream once it holds this many bytes: 64 KiB. */
    static final int BATCH_SIZE = 64 * 1024;

    /** Payloads at least this long skip the batch copy and go straight to the stream: 16 KiB. */
    static final int DIRECT_WRITE_THRESHOLD = 16 * 1024;

    /** The batch's capacity once flushed: what a burst grew it to is given back on {@link #flush()}. */
    static final int IDLE_CAPACITY = 512;

    private final Outbound outbound;
    private final ByteBuf batch;
    private Framer framer;
    private FrameEncoder encoder;
    private final SendView view = new SendView();

    /**
     * Creates a writer.
     *
     * @param out the stream to write; closed by {@link #close()}
     * @param framer the framing rule to start with
     */
    public FrameWriter(OutputStream out, Framer framer) {
        this(new Outbound(Objects.requireNonNull(out, "out"), null), framer);
    }

    FrameWriter(Outbound outbound, Framer framer) {
        this.outbound = outbound;
        this.batch = outbound.batch();
        framer(framer);
    }

    /**
     * Creates a writer of a socket's output. If the socket has a blocking
     * {@link java.nio.channels.SocketChannel} ({@code SocketChannel.open()}, or accepted by a
     * {@code ServerSocketChannel}), a payload of 16 KiB or more leaves with what is batched before
     * it in one gathering write, {@code write(ByteBuffer[])}; else this is
     * {@code new FrameWriter(socket.getOutputStream(), framer)}.
     *
     * @param socket the connected socket; its output stream is closed by {@link #close()}
     * @param framer the framing rule to start with
     * @return the writer
     * @throws IOException if the socket's output stream cannot be opened
     */
    public static FrameWriter over(Socket socket, Framer framer) throws IOException {
        return new FrameWriter(Outbound.over(socket), framer);
    }

    /**
     * Switches to another framing rule for the next messages (those written keep theirs). A
     * different framer starts a new encoder (so a send-and-close body may follow delimited header
     * lines, a chunked body the head of its response); setting the current one changes nothing.
     *
     * @param framer the framing rule for the next messages
     * @return this writer
     */
    public FrameWriter framer(Framer framer) {
        Objects.requireNonNull(framer, "framer");
        if (framer != this.framer) {
            this.framer = framer;
            this.encoder = Objects.requireNonNull(framer.newEncoder(), "framer.newEncoder()");
        }
        return this;
    }

    /**
     * Returns the current framing rule.
     *
     * @return the framer the next message is written with
     */
    public Framer framer() {
        return framer;
    }

    /**
     * Frames a message and adds it to the batch (sending the batch if it is full).
     *
     * @param message the payload; its readable bytes are sent, its indices are not changed
     * @return this writer
     * @throws MessageRefusedException if the framer cannot carry the message; nothing was written
     * @throws IOException if the stream fails
     */
    public FrameWriter write(ByteBuf message) throws IOException {
        return write(Unpooled.EMPTY_BUFFER, message);
    }

    /**
     * Frames a frame with its header fields (an MQTT type byte, a RESP line) and adds it to the
     * batch, so an echo of {@link FrameReader#read()} frames returns them byte for byte.
     *
     * @param frame the frame; its header fields and payload are sent, their indices not changed
     * @return this writer
     * @throws MessageRefusedException if the framer cannot carry the frame; nothing was written
     * @throws IOException if the stream fails
     */
    public FrameWriter write(Frame frame) throws IOException {
        return write(frame.headerFields(), frame.payload());
    }

    private FrameWriter write(ByteBuf headerFields, ByteBuf message) throws IOException {
        outbound.enter(); // an atomic operation only on the first write after a flush
        try {
            if (!headerFields.isReadable() && message.readableBytes() < DIRECT_WRITE_THRESHOLD) {
                encoder.encode(message, batch); // one call to the encoder, not four: see FrameEncoder#encode
            } else {
                writeInParts(headerFields, message);
            }
            outbound.sendIfFull();
        } catch (Throwable t) {
            outbound.leave();
            throw t;
        }
        outbound.reportCapacity();
        return this;
    }

    /** Check, header, payload (straight from the caller's memory when large), trailer. */
    private void writeInParts(ByteBuf headerFields, ByteBuf message) throws IOException {
        MessageRefusedException refusal = encoder.check(headerFields, message);
        if (refusal != null) {
            throw refusal;
        }
        int length = message.readableBytes();
        encoder.writeHeader(headerFields, length, batch);
        if (length >= DIRECT_WRITE_THRESHOLD && encoder.sendsPayloadUnchanged()) {
            outbound.sendWithBatch(message, message.readerIndex(), length);
        } else {
            encoder.writePayload(message, batch);
        }
        encoder.writeTrailer(length, batch);
    }

    /**
     * Frames a message and adds it to the batch; see {@link #write(ByteBuf)}.
     *
     * @param message the payload bytes (not modified, not retained)
     * @return this writer
     * @throws MessageRefusedException if the framer cannot carry the message; nothing was written
     * @throws IOException if the stream fails
     */
    public FrameWriter write(byte[] message) throws IOException {
        return write(message, 0, message.length);
    }

    /**
     * Frames {@code length} bytes of {@code message} from {@code offset} and adds them to the
     * batch. Writing from the same array again (a refilled send buffer) makes no object per
     * message; the writer lets go of the array at the next {@link #flush()}.
     *
     * @param message the array holding the payload (not modified)
     * @param offset where the payload starts in it
     * @param length the payload's length in bytes
     * @return this writer
     * @throws IndexOutOfBoundsException if the range is not inside {@code message}
     * @throws MessageRefusedException if the framer cannot carry the message; nothing was written
     * @throws IOException if the stream fails
     */
    public FrameWriter write(byte[] message, int offset, int length) throws IOException {
        return write(view.of(message, offset, length));
    }

    /**
     * Frames a buffer's remaining bytes and adds them to the batch, without moving its position.
     * Writing from the same buffer again makes no object per message, as for
     * {@link #write(byte[], int, int)}.
     *
     * @param message the payload: its bytes from position to limit (position and limit unchanged)
     * @return this writer
     * @throws MessageRefusedException if the framer cannot carry the message; nothing was written
     * @throws IOException if the stream fails
     */
    public FrameWriter write(ByteBuffer message) throws IOException {
        return write(view.of(message));
    }

    /**
     * Frames a message as UTF-8 and adds it to the batch.
     *
     * @param message the text to send
     * @return this writer
     * @throws MessageRefusedException if the framer cannot carry the message; nothing was written
     * @throws IOException if the stream fails
     */
    public FrameWriter write(String message) throws IOException {
        return write(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a message and flushes: the peer can read it now.
     *
     * @param message the payload; its readable bytes are sent, its indices are not changed
     * @return this writer
     * @throws MessageRefusedException if the framer cannot carry the message; nothing was written
     * @throws IOException if the stream fails
     */
    public FrameWriter writeAndFlush(ByteBuf message) throws IOException {
        write(message);
        flush();
        return this;
    }

    /**
     * Writes a message and flushes; see {@link #writeAndFlush(ByteBuf)}.
     *
     * @param message the payload bytes
     * @return this writer
     * @throws MessageRefusedException if the framer cannot carry the message; nothing was written
     * @throws IOException if the stream fails
     */
    public FrameWriter writeAndFlush(byte[] message) throws IOException {
        return writeAndFlush(Unpooled.wrappedBuffer(message));
    }

    /**
     * Writes a message as UTF-8 and flushes; see {@link #writeAndFlush(byte[])}.
     *
     * @param message the text to send
     * @return this writer
     * @throws MessageRefusedException if the framer cannot carry the message; nothing was written
     * @throws IOException if the stream fails
     */
    public FrameWriter writeAndFlush(String message) throws IOException {
        return writeAndFlush(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds the encoder's end mark, if it has one (a chunked body's last chunk), to the batch; the
     * encoder is finished afterwards, and switching {@linkplain #framer(Framer) framer} starts anew.
     *
     * @return this writer
     * @throws IOException if writing a full batch to the stream fails
     */
    public FrameWriter writeEnd() throws IOException {
        outbound.enter();
        try {
            encoder.writeEnd(batch);
            outbound.sendIfFull();
        } catch (Throwable t) {
            outbound.leave();
            throw t;
        }
        outbound.reportCapacity();
        return this;
    }

    /**
     * Returns whether the current encoder takes no more messages and the output must now end:
     * true after the one message of a send-and-close connection ({@link FrameEncoder#isFinished()}).
     *
     * @return true if the stream's owner should flush and close (half-close) the output
     */
    public boolean isFinished() {
        return encoder.isFinished();
    }

    /**
     * Sends the batch and flushes the stream; a batch a burst grew shrinks back to
     * {@value #IDLE_CAPACITY} bytes, and the writer lets go of the caller's array or buffer.
     *
     * @throws IOException if the stream fails
     */
    @Override
    public void flush() throws IOException {
        outbound.enter();
        try {
            view.forget();
            outbound.flush();
        } finally {
            outbound.leave();
        }
    }

    /**
     * Tells {@code listener} the capacity of the writer's batch now and at every change (a burst
     * grows it, {@link #flush()} shrinks it, 0 once released), on the writing or closing thread.
     *
     * @param listener receives the capacity in bytes
     * @return this writer
     */
    public FrameWriter onBatchResized(IntConsumer listener) {
        outbound.batchListener(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Returns how many bytes are batched and not yet handed to the stream.
     *
     * @return the batched byte count
     */
    public int batched() {
        return batch.readableBytes();
    }

    /**
     * Flushes what is batched, releases the batch and closes the stream. Safe to call from another
     * thread while the writing thread holds the batch (from its first write to its flush): then
     * nothing is flushed, the stream is closed, and the writing thread releases the batch when its
     * current or next write or flush fails.
     *
     * @throws IOException if flushing or closing fails; the stream is closed regardless
     */
    @Override
    public void close() throws IOException {
        outbound.close();
    }
}

package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Writes frames to a blocking {@link OutputStream} with a {@link Framer}.
 *
 * <p>{@code write} encodes a message into a batch buffer; the batch goes to the stream when it
 * reaches 64 KiB, and on {@link #flush()}. So a burst of small messages costs a few write calls,
 * not one each. {@code writeAndFlush} is {@code write} plus {@code flush}: use it when the peer
 * should see the message now. A payload of 16 KiB or more is written straight from the caller's
 * memory to the stream between its header and its trailer, without being copied into the batch
 * (unless the encoder transforms payloads: {@link FrameEncoder#sendsPayloadUnchanged()}). The
 * writer frames through the public {@link FrameEncoder} parts that {@link Framer#newEncoder()}
 * makes, so this holds for every framer, a user's own included.
 *
 * <p><b>Memory.</b> The batch grows with what is batched and, once flushed, shrinks back to
 * {@value #IDLE_CAPACITY} bytes: an idle writer holds no more, whatever it sent before.
 * {@link #onBatchResized(IntConsumer)} tells whoever counts the connection's memory.
 *
 * <pre>{@code
 * FrameWriter writer = new FrameWriter(socket.getOutputStream(), Framers.lengthPrefixed());
 * for (String line : lines) {
 *     writer.write(line);        // batched
 *     }
 * writer.flush();                // one or a few write calls
 * }</pre>
 *
 * <p><b>Refusals write nothing.</b> A message the framer cannot carry fails with
 * {@link MessageRefusedException} and leaves the batch and the stream as they were. On a
 * send-and-close framer the second message is refused by the connection's encoder: a connection
 * carries one, and {@link #isFinished()} then says the output must end.
 *
 * <p><b>Ownership.</b> {@link #write(ByteBuf)} reads the message's readable bytes without moving
 * its indices and does not release it: the caller keeps ownership.
 *
 * <p>Not thread-safe: one thread writes (a reader may run at the same time on another thread).
 * After an {@link IOException} from the stream the connection should be closed. It never holds a
 * monitor while blocked in a write, so it is safe on virtual threads. The one call another thread
 * may make is {@link #close()}: during a write or flush it only closes the stream (which ends a
 * write blocked on a socket), and the writing thread releases the batch on its way out; that
 * write ends with an {@link IOException}, never with a buffer error.
 */
public final class FrameWriter implements Flushable, AutoCloseable {
    /** The batch is written to the stream once it holds this many bytes: 64 KiB. */
    static final int BATCH_SIZE = 64 * 1024;

    /** Payloads at least this long skip the batch copy and go straight to the stream: 16 KiB. */
    static final int DIRECT_WRITE_THRESHOLD = 16 * 1024;

    /** The batch's capacity once flushed: what a burst grew it to is given back on {@link #flush()}. */
    static final int IDLE_CAPACITY = 512;

    /** {@link #state}: no write or flush in progress. */
    private static final int IDLE = 0;
    /** {@link #state}: a thread is inside a write or flush and owns the batch. */
    private static final int WRITING = 1;
    /** {@link #state}: closed; the batch is released by close(), or by the write it interrupted. */
    private static final int CLOSED = 2;

    private final OutputStream out;
    private final ByteBuf batch = Unpooled.buffer(IDLE_CAPACITY);
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private IntConsumer batchListener = capacity -> {};
    private int reportedCapacity = IDLE_CAPACITY; // last told to batchListener
    private Framer framer;
    private FrameEncoder encoder;

    /**
     * Creates a writer.
     *
     * @param out the stream to write; closed by {@link #close()}
     * @param framer the framing rule to start with
     */
    public FrameWriter(OutputStream out, Framer framer) {
        this.out = Objects.requireNonNull(out, "out");
        framer(framer);
    }

    /**
     * Switches to another framing rule for the next messages. Messages already written keep the
     * rule they were written with. Switching to a different framer starts a new encoder for it
     * (so a send-and-close body may follow delimited header lines, and a chunked body the head
     * of its response); setting the current framer again changes nothing.
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
     * batch, so an echo of {@link FrameReader#read()} frames returns them byte for byte. The frame
     * is not released.
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
        enter();
        try {
            writeFramed(headerFields, message);
        } finally {
            leave();
        }
        return this;
    }

    private void writeFramed(ByteBuf headerFields, ByteBuf message) throws IOException {
        MessageRefusedException refusal = encoder.check(headerFields, message);
        if (refusal != null) {
            throw refusal;
        }
        int length = message.readableBytes();
        encoder.writeHeader(headerFields, length, batch);
        if (length >= DIRECT_WRITE_THRESHOLD && encoder.sendsPayloadUnchanged()) {
            drainBatch();
            message.getBytes(message.readerIndex(), out, length);
        } else {
            encoder.writePayload(message, batch);
        }
        encoder.writeTrailer(length, batch);
        if (batch.readableBytes() >= BATCH_SIZE) {
            drainBatch();
        }
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
        return write(Unpooled.wrappedBuffer(message));
    }

    /**
     * Frames a message as UTF-8 and adds it to the batch; see {@link #write(ByteBuf)}.
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
     * Writes a message and flushes: the peer can read it now.
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
     * Writes a message as UTF-8 and flushes: the peer can read it now.
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
     * Ends the framing's section of the stream with the encoder's end mark, if it has one (a
     * chunked body's last chunk), into the batch; {@link #flush()} sends it. The encoder is
     * finished afterwards; switching {@linkplain #framer(Framer) framer} starts a new section.
     *
     * @return this writer
     * @throws IOException if writing a full batch to the stream fails
     */
    public FrameWriter writeEnd() throws IOException {
        enter();
        try {
            encoder.writeEnd(batch);
            if (batch.readableBytes() >= BATCH_SIZE) {
                drainBatch();
            }
        } finally {
            leave();
        }
        return this;
    }

    /**
     * Returns whether the current encoder takes no more messages and the output must now end:
     * true after the one message of a send-and-close connection. See
     * {@link FrameEncoder#isFinished()}.
     *
     * @return true if the stream's owner should flush and close (half-close) the output
     */
    public boolean isFinished() {
        return encoder.isFinished();
    }

    /**
     * Sends the batch and flushes the stream; a batch that a burst grew past
     * {@value #IDLE_CAPACITY} bytes shrinks back to that.
     *
     * @throws IOException if the stream fails
     */
    @Override
    public void flush() throws IOException {
        enter();
        try {
            drainBatch();
            out.flush();
            if (batch.capacity() > IDLE_CAPACITY) {
                batch.capacity(IDLE_CAPACITY);
            }
        } finally {
            leave();
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
        this.batchListener = Objects.requireNonNull(listener, "listener");
        listener.accept(reportedCapacity);
        return this;
    }

    private void reportCapacity() {
        int capacity = state.get() == CLOSED ? 0 : batch.capacity();
        if (capacity != reportedCapacity) {
            reportedCapacity = capacity;
            batchListener.accept(capacity);
        }
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
     * Flushes what is batched, releases the batch and closes the stream.
     *
     * <p>Safe to call from another thread while a write or flush is in progress: then nothing is
     * flushed, the stream is closed, and the writing thread releases the batch when its write
     * returns or fails.
     *
     * @throws IOException if flushing or closing fails; the stream is closed regardless
     */
    @Override
    public void close() throws IOException {
        int previous = state.getAndSet(CLOSED);
        if (previous == CLOSED) {
            return;
        }
        if (previous == WRITING) {
            out.close();
            return;
        }
        try {
            drainBatch();
            out.flush();
        } finally {
            batch.release();
            reportCapacity();
            out.close();
        }
    }

    /** Claims the batch for this thread's write or flush, or fails if the writer is closed. */
    private void enter() throws IOException {
        if (!state.compareAndSet(IDLE, WRITING)) {
            throw new IOException(state.get() == CLOSED ? "frame writer is closed"
                    : "frame writer is in use by another thread; one thread writes");
        }
    }

    /** Gives the batch back (and tells its capacity); if another thread closed the writer meanwhile, releases it. */
    private void leave() {
        if (!state.compareAndSet(WRITING, IDLE)) {
            batch.release();
        }
        reportCapacity();
    }

    private void drainBatch() throws IOException {
        if (batch.isReadable()) {
            batch.readBytes(out, batch.readableBytes());
        }
        batch.clear();
        if (batch.capacity() > 4 * BATCH_SIZE) {
            batch.capacity(BATCH_SIZE);
        }
    }
}

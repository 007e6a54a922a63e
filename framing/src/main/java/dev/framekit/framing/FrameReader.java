package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Reads frames from a blocking {@link InputStream} with a {@link Framer}.
 *
 * <p>It pulls large chunks (64 KiB at most per read call) into the
 * connection's buffer and hands out every complete frame that buffer holds before it reads again:
 * many small messages cost one read call, not one each. The buffer belongs to the reader, not
 * the framer, so {@link #framer(Framer)} can switch framing rules mid-stream without losing a
 * byte (read a header block by delimiter, then a body by length).
 *
 * <pre>{@code
 * try (FrameReader reader = new FrameReader(socket.getInputStream(), Framers.lengthPrefixed())) {
 *     String message;
 *     while ((message = reader.readString()) != null) {    // null: the peer ended cleanly
 *         System.out.println(message);
 *     }
 * }
 * }</pre>
 *
 * <p><b>End of stream.</b> Every read method returns {@code null} when the stream ended cleanly
 * between frames, and throws {@link TruncatedFrameException} when it ended inside one. They also
 * return {@code null}, without reading further, when the framer's section of the stream has ended
 * ({@link FrameDecoder#isFinished()}: a chunked body's last chunk); {@link #isEndOfStream()} then
 * says false, the bytes after the section stay buffered, and {@link #framer(Framer)} picks the
 * rule for what follows.
 *
 * <p><b>Payloads or typed frames.</b> {@link #readFrame()} (and {@link #readString()},
 * {@link #readByteArray()}) hand out payloads and allocate nothing per frame besides the slice;
 * {@link #read()} hands out {@link Frame}s, with what each header said besides the length (a
 * WebSocket opcode, a type byte) and oversized frames the framing skipped as outcomes.
 *
 * <p><b>Errors.</b> A {@link FramingException} (a frame too long, truncated, malformed) leaves the
 * stream out of step with the framing rule: the reader remembers it and throws it again from
 * every later read; close the connection. The one exception is a frame the framing skips (an
 * over-long line on the delimiter framer, a length prefix under {@link OversizePolicy#SKIP}):
 * {@link #read()} returns it as a {@link Frame#isSkipped() skipped} frame, {@link #readFrame()}
 * throws its {@link FrameTooLongException}, and either way the next read returns the frame after
 * it. Any other {@link IOException} from the stream (a timeout, a reset) propagates unchanged and
 * loses nothing: bytes already buffered stay buffered, so after a
 * {@link java.net.SocketTimeoutException} a later read can carry on.
 *
 * <p><b>Time.</b> The reader owns how long it waits. Over a socket ({@link #over(Socket, Framer)},
 * or a {@link FramedConnection}) it sets the socket's read timeout itself, from
 * {@link #readTimeout(Duration)} (how long a read waits for the peer's next bytes; it starts as
 * the socket's own) and the frame deadline; nothing else should set it.
 *
 * <p><b>Memory.</b> The reader's buffer grows with the bytes that arrived, never with a length a
 * peer declared, and shrinks to a few hundred bytes while the connection waits idle between
 * frames. {@link #onBufferResized(IntConsumer)} tells whoever counts the connection's memory each
 * new capacity as it happens.
 *
 * <p><b>Frame deadline.</b> {@link #frameDeadline(Duration)} bounds how long a frame may take from
 * its first byte to its last, which a read timeout cannot do against a peer that trickles bytes.
 * The reader itself knows when a frame has begun (bytes are buffered that no frame has taken), so
 * data flows one way: stream, buffer, decoder, caller. A late frame fails with
 * {@link FrameTimeoutException}. Over a plain stream the deadline is checked whenever bytes
 * arrive; over a socket ({@link #over(Socket, Framer)}, or a {@link FramedConnection}) each read
 * inside a frame also waits no longer than the time left, so a peer that goes silent mid-frame
 * is caught too.
 *
 * <p>Not thread-safe: one thread reads. It never holds a monitor while blocked in a read, so it
 * is safe on virtual threads. The one call another thread may make is {@link #close()}: it closes
 * the stream (which ends a read blocked on a socket) and leaves the buffer to the reading thread,
 * which releases it on its way out; the read ends with an {@link IOException}, never with a
 * buffer error.
 */
public final class FrameReader implements AutoCloseable {
    /** The most bytes requested from the stream per read call: 64 KiB. */
    static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

    /**
     * The buffer kept while waiting between frames with nothing arrived: 512 bytes, so that an
     * idle connection costs little. The wait reads at most this much; a larger frame grows it.
     */
    static final int IDLE_CAPACITY = 512;

    /**
     * Over a socket, how long a read between frames waits for the next bytes with the buffer as
     * it is before the buffer is shrunk to {@value #IDLE_CAPACITY} bytes for a longer wait: 10 ms.
     */
    static final int IDLE_GRACE_MILLIS = 10;

    /** {@link #state}: no read in progress. */
    private static final int IDLE = 0;
    /** {@link #state}: a thread is inside a read and owns the buffer. */
    private static final int READING = 1;
    /** {@link #state}: closed; the buffer is released by close(), or by the read it interrupted. */
    private static final int CLOSED = 2;

    /** {@link #partialSince} when no frame is partly buffered. */
    private static final long NO_PARTIAL_FRAME = Long.MIN_VALUE;

    private final InboundBuffer inbound;
    private Framer framer;
    private FrameDecoder decoder;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private FramingException failure;
    /** The frame deadline in nanoseconds, or 0 for none. */
    private long deadlineNanos;
    /** When the first byte of the partly buffered frame arrived ({@link System#nanoTime()}). */
    private long partialSince = NO_PARTIAL_FRAME;

    /**
     * Creates a reader that requests up to 64 KiB per read call.
     *
     * @param in the stream to read; closed by {@link #close()}
     * @param framer the framing rule to start with
     */
    public FrameReader(InputStream in, Framer framer) {
        this(in, framer, DEFAULT_CHUNK_SIZE);
    }

    /**
     * Creates a reader that requests up to {@code chunkSize} bytes per read call.
     *
     * @param in the stream to read; closed by {@link #close()}
     * @param framer the framing rule to start with
     * @param chunkSize the most bytes requested per read call, at least 1
     */
    public FrameReader(InputStream in, Framer framer, int chunkSize) {
        this(in, null, framer, chunkSize);
    }

    private FrameReader(InputStream in, Socket socket, Framer framer, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1, got " + chunkSize);
        }
        this.inbound = new InboundBuffer(Objects.requireNonNull(in, "in"), socket, chunkSize);
        framer(framer);
    }

    /**
     * Creates a reader of a socket's input stream that owns the socket's read timeout: it starts
     * from the socket's own ({@link #readTimeout(Duration)} changes it), and inside a frame a read
     * waits no longer than the frame deadline's time left.
     *
     * @param socket the connected socket; its input stream is closed by {@link #close()}
     * @param framer the framing rule to start with
     * @return the reader
     * @throws IOException if the socket's input stream cannot be opened
     */
    public static FrameReader over(Socket socket, Framer framer) throws IOException {
        return over(socket, socket.getInputStream(), framer);
    }

    /**
     * Creates a reader of {@code in}, a stream over {@code socket}'s input (one that counts or
     * meters the bytes it passes on, say), that owns the socket's read timeout as
     * {@link #over(Socket, Framer)} does.
     *
     * @param socket the connected socket {@code in} reads from
     * @param in the stream to read; closed by {@link #close()}
     * @param framer the framing rule to start with
     * @return the reader
     */
    public static FrameReader over(Socket socket, InputStream in, Framer framer) {
        return new FrameReader(in, Objects.requireNonNull(socket, "socket"), framer, DEFAULT_CHUNK_SIZE);
    }

    /**
     * Sets how long each read waits for the peer's next bytes before it fails with
     * {@link java.net.SocketTimeoutException} (after which a later read can carry on: nothing is
     * lost). Over a socket only: a plain stream's read cannot be cut short.
     *
     * @param timeout the wait, or {@link Duration#ZERO} to wait as long as it takes
     * @return this reader
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException if the reader is not over a socket
     */
    public FrameReader readTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("readTimeout must not be negative, got " + timeout);
        }
        if (!inbound.overSocket()) {
            throw new IllegalStateException("readTimeout needs a reader over a socket (FrameReader.over)");
        }
        long millis = timeout.toMillis();
        inbound.readTimeoutMillis(millis == 0 && !timeout.isZero() ? 1 : (int) Math.min(Integer.MAX_VALUE, millis));
        return this;
    }

    /**
     * Returns how long each read waits for the peer's next bytes.
     *
     * @return the wait, or {@link Duration#ZERO} for as long as it takes
     */
    public Duration readTimeout() {
        return Duration.ofMillis(inbound.readTimeoutMillis());
    }

    /**
     * Sets the frame deadline: a frame not complete this long after its first byte arrived fails
     * with {@link FrameTimeoutException}. The wait between frames is not bounded by it (that is
     * the read timeout). Applies from the next read; a frame already partly buffered counts from
     * when its first byte arrived.
     *
     * @param deadline the time a frame may take, or {@link Duration#ZERO} for none
     * @return this reader
     * @throws IllegalArgumentException if {@code deadline} is negative
     */
    public FrameReader frameDeadline(Duration deadline) {
        if (deadline.isNegative()) {
            throw new IllegalArgumentException("frameDeadline must not be negative, got " + deadline);
        }
        this.deadlineNanos = deadline.toNanos();
        return this;
    }

    /**
     * Returns the frame deadline.
     *
     * @return the time a frame may take from its first byte, or {@link Duration#ZERO} for none
     */
    public Duration frameDeadline() {
        return Duration.ofNanos(deadlineNanos);
    }

    /**
     * Tells {@code listener} the capacity of the reader's buffer now and at every change (0 once
     * released): the memory this connection's inbound side takes, for a server's accounting.
     * Called on the reading thread.
     *
     * @param listener receives the capacity in bytes
     * @return this reader
     */
    public FrameReader onBufferResized(IntConsumer listener) {
        inbound.capacityListener(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Switches to another framing rule. Bytes already buffered are kept and are read with the new
     * rule; a frame partly decoded with the old rule is not resumed.
     *
     * @param framer the framing rule for the next frames
     * @return this reader
     */
    public FrameReader framer(Framer framer) {
        this.framer = Objects.requireNonNull(framer, "framer");
        this.decoder = framer.newDecoder();
        return this;
    }

    /**
     * Returns the current framing rule.
     *
     * @return the framer the next frame is read with
     */
    public Framer framer() {
        return framer;
    }

    /**
     * Reads the next frame's payload as a buffer that the caller owns.
     *
     * <p><b>The caller must {@link ByteBuf#release() release} the result.</b> It is a slice of the
     * reader's buffer, not a copy; reading further frames does not disturb it, but while it is
     * unreleased it keeps that buffer's memory alive.
     *
     * @return the next frame's payload, or {@code null} if the stream ended cleanly
     * @throws FrameTooLongException for a frame over the limit; if the framing skips such
     *     frames, the next read goes on after it
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IOException if the stream fails
     */
    public ByteBuf readFrame() throws IOException {
        return next(false, ByteBuf.class);
    }

    /**
     * Reads the next frame with what its header said besides the length; an oversized frame the
     * framing skips is returned as a {@link Frame#isSkipped() skipped} frame, not thrown.
     *
     * <p><b>The caller must {@link Frame#release() release} the result.</b>
     *
     * @return the next frame, or {@code null} if the stream ended cleanly
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IOException if the stream fails
     */
    public Frame read() throws IOException {
        return next(true, Frame.class);
    }

    /**
     * Reads the next frame as a new byte array.
     *
     * @return the next frame's payload, or {@code null} if the stream ended cleanly
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IOException if the stream fails
     */
    public byte[] readByteArray() throws IOException {
        ByteBuf frame = readFrame();
        if (frame == null) {
            return null;
        }
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }

    /**
     * Reads the next frame as UTF-8 text. Only whole frames are decoded, so a character is never
     * split across reads; malformed UTF-8 becomes U+FFFD.
     *
     * @return the next frame's payload as text, or {@code null} if the stream ended cleanly
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IOException if the stream fails
     */
    public String readString() throws IOException {
        ByteBuf frame = readFrame();
        if (frame == null) {
            return null;
        }
        try {
            return frame.toString(StandardCharsets.UTF_8);
        } finally {
            frame.release();
        }
    }

    /**
     * Returns how many bytes are buffered but not yet handed out as frames.
     *
     * @return the buffered byte count
     */
    public int buffered() {
        return state.get() == CLOSED ? 0 : inbound.bytes().readableBytes();
    }

    /**
     * Returns the bytes of memory the reader's buffer takes now. It is at most the frame being
     * read plus one read chunk, and {@value #IDLE_CAPACITY} bytes while the connection waits idle
     * between frames (over a socket, from {@value #IDLE_GRACE_MILLIS} ms into the wait). A server
     * that counts it is better told each change: {@link #onBufferResized(IntConsumer)}.
     *
     * @return the buffer's capacity in bytes; 0 once closed
     */
    public int bufferCapacity() {
        return state.get() == CLOSED ? 0 : inbound.bytes().capacity();
    }

    /**
     * Returns whether the stream has reported its end (further frames may still be buffered).
     *
     * @return true once the stream's end has been read
     */
    public boolean isEndOfStream() {
        return inbound.isEndOfStream();
    }

    /**
     * Reads and drops what the peer still sends, buffered bytes included, until the peer ends
     * the stream, {@code limit} bytes have been dropped, or {@code wait} has passed: before
     * closing a connection whose peer may still be sending, so that the close is not a reset
     * and the peer gets what it was last sent.
     *
     * @param limit the most bytes to drop
     * @param wait the longest time to wait for them
     * @return the bytes dropped
     * @throws IOException if the stream fails
     */
    public long drain(long limit, Duration wait) throws IOException {
        if (!state.compareAndSet(IDLE, READING)) {
            throw new IOException("frame reader is closed");
        }
        try {
            return inbound.drain(limit, wait.toMillis());
        } finally {
            if (!state.compareAndSet(READING, IDLE)) {
                inbound.release();
            }
        }
    }

    /**
     * Releases the buffer and closes the stream. Frames already handed out stay valid until they
     * are released.
     *
     * <p>Safe to call from another thread while a read is in progress: the stream is closed, and
     * the reading thread releases the buffer when its read returns or fails.
     *
     * @throws IOException if closing the stream fails
     */
    @Override
    public void close() throws IOException {
        int previous = state.getAndSet(CLOSED);
        if (previous == CLOSED) {
            return;
        }
        try {
            inbound.stream().close();
        } finally {
            if (previous == IDLE) {
                inbound.release();
            }
        }
    }

    /** The read loop: decodes what is buffered, calls again after progress, fills when it needs bytes. */
    private <T> T next(boolean typed, Class<T> type) throws IOException {
        if (!state.compareAndSet(IDLE, READING)) {
            throw new IOException("frame reader is closed");
        }
        try {
            if (failure != null) {
                throw failure;
            }
            while (true) {
                ByteBuf buffer = inbound.bytes();
                int before = buffer.readerIndex();
                Object frame = decodeBuffered(buffer, typed);
                if (frame != null || inbound.isEndOfStream() || decoder.isFinished()) {
                    partialSince = NO_PARTIAL_FRAME;
                    return type.cast(frame);
                }
                if (buffer.readerIndex() != before) {
                    continue; // progress without a frame: call again (FrameDecoder's one rule)
                }
                if (buffer.isReadable() && partialSince == NO_PARTIAL_FRAME) {
                    partialSince = inbound.lastArrival(); // leftovers of the last read begin the next frame
                } else if (!buffer.isReadable()) {
                    partialSince = NO_PARTIAL_FRAME;
                }
                fillWithinDeadline();
            }
        } finally {
            if (!state.compareAndSet(READING, IDLE)) {
                // Closed by another thread while this one was reading: the buffer is ours to release.
                inbound.release();
            }
        }
    }

    private Object decodeBuffered(ByteBuf buffer, boolean typed) throws FramingException {
        try {
            return typed ? decoder.decodeFrame(buffer, inbound.isEndOfStream())
                    : decoder.decode(buffer, inbound.isEndOfStream());
        } catch (FrameTooLongException e) {
            if (!e.isSkipped()) {
                failure = e;
            }
            throw e;
        } catch (FramingException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Fills the buffer, keeping the frame deadline: fails if the partly buffered frame is already
     * late; over a socket lets the read wait no longer than the time left; over a plain stream,
     * whose read cannot be cut short, fails if the read returned after the deadline.
     */
    private void fillWithinDeadline() throws IOException {
        if (deadlineNanos == 0 || partialSince == NO_PARTIAL_FRAME) {
            inbound.fill(0);
            return;
        }
        long left = partialSince + deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw late();
        }
        if (!inbound.overSocket()) {
            inbound.fill(0); // cannot be interrupted: the bytes it brings are judged by when they came
            if (System.nanoTime() - partialSince > deadlineNanos) {
                throw late();
            }
            return;
        }
        int leftMillis = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(1, (left + 999_999) / 1_000_000));
        if (!inbound.fill(leftMillis)) {
            throw late();
        }
    }

    /** The frame deadline passed: remembered, like every framing error, and thrown again from later reads. */
    private FrameTimeoutException late() {
        Duration deadline = frameDeadline();
        ByteBuf buffer = inbound.bytes();
        int received = buffer.readableBytes();
        FrameTimeoutException e = new FrameTimeoutException("frame deadline: a frame was not complete within "
                + deadline.toMillis() + " ms of its first byte; " + received + " bytes of it arrived ("
                + framer + "; raise it with frameDeadline(duration) if the peer is legitimately slow): "
                + HexPreview.of(buffer, buffer.readerIndex(), received), deadline, received);
        failure = e;
        return e;
    }
}

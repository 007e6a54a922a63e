package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads frames from a blocking {@link InputStream} with a {@link Framer}.
 *
 * <p>It pulls large chunks ({@value #DEFAULT_CHUNK_SIZE} bytes at most per read call) into the
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
 * <p><b>Errors.</b> A {@link FramingException} (a frame too long, truncated, malformed) leaves the
 * stream out of step with the framing rule: the reader remembers it and throws it again from
 * every later read; close the connection. The one exception is a
 * {@link FrameTooLongException#resumable() resumable} frame-too-long error (an over-long line on
 * the delimiter framer): reading again skips the rest of that frame and returns the next one. Any other {@link IOException} from the stream (a
 * timeout, a reset) propagates unchanged and loses nothing: bytes already buffered stay
 * buffered, so after a {@link java.net.SocketTimeoutException} a later read can carry on.
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
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

    /** An empty buffer larger than this is given back rather than kept for the next frame. */
    private static final int KEEP_CAPACITY = 4 * DEFAULT_CHUNK_SIZE;

    /** The first read request, and the smallest the adaptive request shrinks to: 8 KiB. */
    private static final int SMALLEST_READ = 8 * 1024;

    /** A slow stream's reads fill the buffer's free room, if at least this much, before it grows. */
    private static final int MIN_ROOM = 1024;

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

    private final InputStream in;
    private final ByteBufAllocator allocator = UnpooledByteBufAllocator.DEFAULT;
    private final int chunkSize;
    private final int smallestRead;
    private int nextRead;
    private Framer framer;
    private FrameDecoder decoder;
    private ByteBuf buffer;
    private boolean endOfStream;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private FramingException failure;

    /** {@link #partialSince} when no frame is partly buffered. */
    private static final long NO_PARTIAL_FRAME = Long.MIN_VALUE;
    /** Bounds each read inside a frame by the deadline's time left; null over a plain stream. */
    private Socket socket;
    /** The frame deadline in nanoseconds, or 0 for none. */
    private long deadlineNanos;
    /** When the first byte of the partly buffered frame arrived ({@link System#nanoTime()}). */
    private long partialSince = NO_PARTIAL_FRAME;
    /** When the last bytes arrived from the stream. */
    private long lastArrival;

    /**
     * Creates a reader that requests up to {@value #DEFAULT_CHUNK_SIZE} bytes per read call.
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
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1, got " + chunkSize);
        }
        this.in = Objects.requireNonNull(in, "in");
        this.chunkSize = chunkSize;
        this.smallestRead = Math.min(chunkSize, SMALLEST_READ);
        this.nextRead = smallestRead;
        this.buffer = allocator.heapBuffer(Math.min(IDLE_CAPACITY, smallestRead));
        framer(framer);
    }

    /**
     * Creates a reader of a socket's input stream whose frame deadline, if set, also bounds each
     * blocking read: inside a frame, a read waits no longer than the deadline's time left (the
     * socket's own read timeout still applies when it is shorter, and is restored afterwards).
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
     * meters the bytes it passes on, say), that manages the socket's read timeout as
     * {@link #over(Socket, Framer)} does.
     *
     * @param socket the connected socket {@code in} reads from
     * @param in the stream to read; closed by {@link #close()}
     * @param framer the framing rule to start with
     * @return the reader
     */
    public static FrameReader over(Socket socket, InputStream in, Framer framer) {
        FrameReader reader = new FrameReader(in, framer);
        reader.socket = Objects.requireNonNull(socket, "socket");
        return reader;
    }

    /**
     * Sets the frame deadline: a frame not complete this long after its first byte arrived fails
     * with {@link FrameTimeoutException}. The wait between frames is not bounded by it (that is
     * the socket's read timeout). Applies from the next read; a frame already partly buffered
     * counts from when its first byte arrived.
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
     * Switches to another framing rule. Bytes already buffered are kept and are read with the new
     * rule; a frame partly decoded with the old rule is not resumed.
     *
     * @param framer the framing rule for the next frames
     */
    public void framer(Framer framer) {
        this.framer = Objects.requireNonNull(framer, "framer");
        this.decoder = framer.newDecoder();
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
     * Reads the next frame as a buffer that the caller owns.
     *
     * <p><b>The caller must {@link ByteBuf#release() release} the result.</b> It is a slice of the
     * reader's buffer, not a copy; reading further frames does not disturb it, but while it is
     * unreleased it keeps that buffer's memory alive.
     *
     * @return the next frame's payload, or {@code null} if the stream ended cleanly
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IOException if the stream fails
     */
    public ByteBuf readFrame() throws IOException {
        if (!state.compareAndSet(IDLE, READING)) {
            throw new IOException("frame reader is closed");
        }
        try {
            if (failure != null) {
                throw failure;
            }
            while (true) {
                ByteBuf frame = decodeBuffered();
                if (frame != null || endOfStream || decoder.isFinished()) {
                    partialSince = NO_PARTIAL_FRAME;
                    return frame;
                }
                if (buffer.isReadable() && partialSince == NO_PARTIAL_FRAME) {
                    partialSince = lastArrival; // leftovers of the last read begin the next frame
                } else if (!buffer.isReadable()) {
                    partialSince = NO_PARTIAL_FRAME;
                }
                fillWithinDeadline();
            }
        } finally {
            if (!state.compareAndSet(READING, IDLE)) {
                // Closed by another thread while this one was reading: the buffer is ours to release.
                buffer.release();
            }
        }
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
        return state.get() == CLOSED ? 0 : buffer.readableBytes();
    }

    /**
     * Returns the bytes of memory the reader's buffer takes now: what a server accounts for this
     * connection's inbound side. It is at most the frame being read plus one read chunk, and
     * {@value #IDLE_CAPACITY} bytes while the connection waits idle between frames (over a
     * socket, from {@value #IDLE_GRACE_MILLIS} ms into the wait).
     *
     * @return the buffer's capacity in bytes; 0 once closed
     */
    public int bufferCapacity() {
        return state.get() == CLOSED ? 0 : buffer.capacity();
    }

    /**
     * Returns whether the stream has reported its end (further frames may still be buffered).
     *
     * @return true once the stream's end has been read
     */
    public boolean isEndOfStream() {
        return endOfStream;
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
            in.close();
        } finally {
            if (previous == IDLE) {
                buffer.release();
            }
        }
    }

    private ByteBuf decodeBuffered() throws FramingException {
        try {
            return decoder.decode(buffer, endOfStream);
        } catch (FrameTooLongException e) {
            if (!e.resumable()) {
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
            fill();
            return;
        }
        long left = partialSince + deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw late();
        }
        if (socket == null) {
            fill(); // cannot be interrupted: the bytes it brings are judged by when they came
            if (System.nanoTime() - partialSince > deadlineNanos) {
                throw late();
            }
            return;
        }
        int leftMillis = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(1, (left + 999_999) / 1_000_000));
        if (!withinMillis(leftMillis, this::fill)) {
            throw late();
        }
    }

    /** A step of a read that may block on the socket. */
    @FunctionalInterface
    private interface SocketStep {
        void run() throws IOException;
    }

    /**
     * Runs {@code step} with the socket's read timeout cut to {@code millis} when that is shorter
     * than its own (0: none), and restored afterwards. Returns false if the cut-short timeout
     * expired; the socket's own timeout is thrown as it came.
     */
    private boolean withinMillis(int millis, SocketStep step) throws IOException {
        int own = socket.getSoTimeout();
        boolean cut = own == 0 || millis < own;
        if (cut) {
            socket.setSoTimeout(millis);
        }
        try {
            step.run();
            return true;
        } catch (SocketTimeoutException e) {
            if (cut) {
                return false;
            }
            throw e;
        } finally {
            if (cut && !socket.isClosed()) {
                socket.setSoTimeout(own);
            }
        }
    }

    /** The frame deadline passed: remembered, like every framing error, and thrown again from later reads. */
    private FrameTimeoutException late() {
        Duration deadline = frameDeadline();
        int received = buffer.readableBytes();
        FrameTimeoutException e = new FrameTimeoutException("frame deadline: a frame was not complete within "
                + deadline.toMillis() + " ms of its first byte; " + received + " bytes of it arrived ("
                + framer + "; raise it with frameDeadline(duration) if the peer is legitimately slow): "
                + HexPreview.of(buffer, buffer.readerIndex(), received), deadline, received);
        failure = e;
        return e;
    }

    /**
     * Reads one chunk from the stream into the buffer, or notes the end of the stream.
     *
     * <p>The request size adapts, as netty's receive buffers do: it starts at
     * {@value #SMALLEST_READ} bytes (at most {@code chunkSize}), doubles up to {@code chunkSize}
     * while reads fill it, and halves when they return less than half. So a fast stream is read
     * in large chunks, while a slow one (a frame trickling in) keeps a small buffer that grows
     * only with the bytes that actually arrived, never with a length the peer declared.
     *
     * <p>Between frames, when nothing has arrived yet ({@link InputStream#available()} says 0),
     * the buffer is shrunk to {@value #IDLE_CAPACITY} bytes for the wait: an idle connection
     * holds a few hundred bytes, not a chunk. Over a socket the reader first waits up to
     * {@value #IDLE_GRACE_MILLIS} ms with the buffer as it is: a busy stream whose reader catches
     * up with the writer after every frame (a fast reader, or both ends on one CPU) would
     * otherwise give its buffer back and grow it again, copying as it grows, for every frame.
     */
    private void fill() throws IOException {
        if (!buffer.isReadable() && nothingWaiting()) {
            boolean graceOver = false;
            if (socket != null && buffer.capacity() > IDLE_CAPACITY && buffer.refCnt() == 1) {
                buffer.clear();
                int request = Math.min(buffer.writableBytes(), nextRead);
                if (withinMillis(IDLE_GRACE_MILLIS, () -> readInto(request, true))) {
                    return;
                }
                graceOver = true;
            }
            if (buffer.capacity() > IDLE_CAPACITY || buffer.refCnt() > 1) {
                replaceBuffer(IDLE_CAPACITY);
            }
            buffer.clear();
            int request = Math.min(buffer.writableBytes(), chunkSize);
            int own = graceOver ? socket.getSoTimeout() : 0;
            if (own == 0) {
                readInto(request, false);
            } else if (!withinMillis(Math.max(1, own - IDLE_GRACE_MILLIS), () -> readInto(request, false))) {
                throw new SocketTimeoutException("Read timed out"); // the socket's own timeout, less the grace
            }
            return;
        }
        int request = nextRead;
        makeRoom(request);
        int room = buffer.writableBytes();
        if (request == smallestRead && room >= Math.min(MIN_ROOM, smallestRead)) {
            request = Math.min(request, room); // a slow stream: fill the room there is before growing
        }
        readInto(request, true);
    }

    /** Reads up to {@code request} bytes into the buffer's room; adapts the next request if {@code adapt}. */
    private void readInto(int request, boolean adapt) throws IOException {
        int read = buffer.writeBytes(in, request);
        if (read > 0) {
            lastArrival = System.nanoTime();
        }
        if (read < 0) {
            endOfStream = true;
        } else if (!adapt) {
            return;
        } else if (read == request) {
            nextRead = Math.min(nextRead * 2, chunkSize);
        } else if (read < request / 2) {
            nextRead = Math.max(nextRead / 2, smallestRead);
        }
    }

    /** Whether the next read would wait for the peer: nothing has arrived that the stream could hand over now. */
    private boolean nothingWaiting() {
        try {
            return in.available() <= 0;
        } catch (IOException e) {
            return false; // let the read itself report the failure
        }
    }

    /**
     * Makes room for the next read of {@code request} bytes without disturbing frames handed out
     * as slices: bytes are moved within the buffer only while nobody else holds it; otherwise the
     * unread bytes move to a fresh buffer. An empty, oversized buffer is replaced by a small one.
     *
     * <p>The buffer grows with the bytes that arrived, never past them plus one read: to
     * {@code buffered + max(request, min(buffered, chunkSize))}, so it doubles while small and
     * then grows a chunk at a time. (Netty's own growth would double it: a frame just over 1 MiB
     * would take a 2 MiB buffer.)
     */
    private void makeRoom(int request) {
        boolean shared = buffer.refCnt() > 1;
        if (!buffer.isReadable() && (shared || buffer.capacity() > KEEP_CAPACITY)) {
            replaceBuffer(Math.max(request, smallestRead));
            return;
        }
        if (buffer.writableBytes() >= request) {
            return;
        }
        int readable = buffer.readableBytes();
        if (!shared && buffer.capacity() - readable >= request) {
            buffer.discardReadBytes();
            return;
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) readable + Math.max(request, Math.min(readable, chunkSize)));
        if (shared) {
            replaceBuffer(capacity);
        } else {
            buffer.discardReadBytes();
            buffer.capacity(capacity);
        }
    }

    private void replaceBuffer(int capacity) {
        ByteBuf fresh = allocator.heapBuffer(capacity);
        fresh.writeBytes(buffer);
        buffer.release();
        buffer = fresh;
    }
}

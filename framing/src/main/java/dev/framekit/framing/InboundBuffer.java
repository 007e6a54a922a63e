package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * One connection's inbound bytes: the buffer a {@link FrameReader} decodes from, the stream it is
 * filled from, and the wait for the peer's next bytes. It owns the buffer's size (grown with the
 * bytes that arrived, shrunk while idle) and, over a socket, the socket's read timeout: nothing
 * else sets it. Whoever counts the connection's memory is told each new capacity, so nothing
 * calls back up into the reader to ask.
 */
final class InboundBuffer {
    /** An empty buffer larger than this is given back rather than kept for the next frame. */
    private static final int KEEP_CAPACITY = 4 * FrameReader.DEFAULT_CHUNK_SIZE;

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
    /** The wait for the peer: the socket's read timeout, which only it sets. */
    private final ReadWait wait;
    private final ByteBufAllocator allocator = UnpooledByteBufAllocator.DEFAULT;
    private final int chunkSize;
    private final int smallestRead;
    private int nextRead;
    private ByteBuf buffer;
    private boolean endOfStream;
    /** When the last bytes arrived from the stream ({@link System#nanoTime()}). */
    private long lastArrival;
    private IntConsumer capacityListener = capacity -> {};
    /** What the decoder holds of its own ({@link FrameDecoder#heldCapacity()}), told with the buffer's capacity. */
    private int decoderHeld;
    private final AtomicInteger state = new AtomicInteger(IDLE);

    InboundBuffer(InputStream in, Socket socket, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1, got " + chunkSize);
        }
        this.in = in;
        this.wait = new ReadWait(socket);
        this.chunkSize = chunkSize;
        this.smallestRead = Math.min(chunkSize, SMALLEST_READ);
        this.nextRead = smallestRead;
        this.buffer = allocator.heapBuffer(Math.min(IDLE_CAPACITY, smallestRead));
    }

    ByteBuf bytes() {
        return buffer;
    }

    boolean isEndOfStream() {
        return endOfStream;
    }

    long lastArrival() {
        return lastArrival;
    }

    ReadWait readWait() {
        return wait;
    }

    void capacityListener(IntConsumer listener) {
        this.capacityListener = listener;
        report();
    }

    /** Notes what the decoder holds of its own now; a change is told with the buffer's capacity. */
    void decoderHolds(int bytes) {
        if (bytes != decoderHeld) {
            decoderHeld = bytes;
            if (!isClosed()) {
                report();
            }
        }
    }

    /** Tells the listener the buffer's capacity plus what the decoder holds. */
    private void report() {
        capacityListener.accept((int) Math.min(Integer.MAX_VALUE, (long) buffer.capacity() + decoderHeld));
    }

    /** A read begins: the reading thread owns the buffer until {@link #leave()}. */
    void enter() throws IOException {
        if (!state.compareAndSet(IDLE, READING)) {
            throw new IOException(isClosed() ? "frame reader is closed"
                    : "frame reader is in use: one thread reads, and a FrameVisitor must not read from its reader");
        }
    }

    /** A read ends; if another thread closed the reader meanwhile, the buffer is released here. */
    void leave() {
        if (!state.compareAndSet(READING, IDLE)) {
            release();
        }
    }

    boolean isClosed() {
        return state.get() == CLOSED;
    }

    /**
     * Closes the stream, from any thread: that ends a read blocked on a socket. The buffer is
     * released here if no read is in progress, else by the read on its way out.
     */
    void close() throws IOException {
        int previous = state.getAndSet(CLOSED);
        if (previous == CLOSED) {
            return;
        }
        try {
            in.close();
        } finally {
            if (previous == IDLE) {
                release();
            }
        }
    }

    private void release() {
        buffer.release();
        capacityListener.accept(0);
    }

    /**
     * Reads one chunk from the stream into the buffer, or notes the end of the stream, waiting at
     * most {@code limitMillis} (0: no limit besides the read timeout) for the peer.
     *
     * <p>The request size adapts, as netty's receive buffers do: it starts at
     * {@value #SMALLEST_READ} bytes (at most the chunk size), doubles up to the chunk size while
     * reads fill it, and halves when they return less than half. So a fast stream is read in
     * large chunks, while a slow one (a frame trickling in) keeps a small buffer that grows only
     * with the bytes that actually arrived, never with a length the peer declared.
     *
     * <p>Between frames, when nothing has arrived yet ({@link InputStream#available()} says 0),
     * the buffer is shrunk to {@value #IDLE_CAPACITY} bytes for the wait: an idle
     * connection holds a few hundred bytes, not a chunk. Over a socket it first waits up to
     * {@value #IDLE_GRACE_MILLIS} ms with the buffer as it is: a busy stream whose
     * reader catches up with the writer after every frame would otherwise give its buffer back
     * and grow it again, copying as it grows, for every frame.
     *
     * @return false if the wait was cut short by {@code limitMillis}; the read timeout itself
     *     throws {@link SocketTimeoutException}
     */
    boolean fill(int limitMillis) throws IOException {
        if (!buffer.isReadable() && nothingWaiting()) {
            return fillIdle(limitMillis);
        }
        int request = nextRead;
        makeRoom(request);
        int room = buffer.writableBytes();
        if (request == smallestRead && room >= Math.min(MIN_ROOM, smallestRead)) {
            request = Math.min(request, room); // a slow stream: fill the room there is before growing
        }
        int chunk = request;
        return wait.within(limitMillis, () -> readInto(chunk, true));
    }

    private boolean fillIdle(int limitMillis) throws IOException {
        int waited = 0;
        if (wait.overSocket() && buffer.capacity() > IDLE_CAPACITY && buffer.refCnt() == 1) {
            buffer.clear();
            int request = Math.min(buffer.writableBytes(), nextRead);
            int grace = limitMillis == 0 ? IDLE_GRACE_MILLIS : Math.min(limitMillis, IDLE_GRACE_MILLIS);
            int timeout = wait.timeoutMillis();
            if (timeout != 0 && timeout <= grace) {
                return wait.within(limitMillis, () -> readInto(request, true)); // the read timeout is the whole wait
            }
            if (wait.withinOrTimeout(grace, () -> readInto(request, true))) {
                return true;
            }
            waited = grace;
            if (limitMillis != 0 && limitMillis <= waited) {
                return false;
            }
            if (timeout != 0 && timeout <= waited) {
                throw new SocketTimeoutException("Read timed out");
            }
        }
        if (buffer.capacity() > IDLE_CAPACITY || buffer.refCnt() > 1) {
            replaceBuffer(IDLE_CAPACITY);
        }
        buffer.clear();
        int request = Math.min(buffer.writableBytes(), chunkSize);
        int rest = limitMillis == 0 ? 0 : limitMillis - waited;
        int ownRest = wait.timeoutMillis() == 0 ? 0 : wait.timeoutMillis() - waited;
        if (ownRest != 0 && (rest == 0 || ownRest < rest)) {
            if (!wait.withinOrTimeout(ownRest, () -> readInto(request, false))) {
                throw new SocketTimeoutException("Read timed out"); // the read timeout, less the grace
            }
            return true;
        }
        return wait.within(rest, () -> readInto(request, false));
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
            report();
        }
    }

    private void replaceBuffer(int capacity) {
        ByteBuf fresh = allocator.heapBuffer(capacity);
        fresh.writeBytes(buffer);
        buffer.release();
        buffer = fresh;
        report();
    }

    /**
     * Reads and drops what the peer still sends, until it ends the stream, {@code limit} bytes
     * have been dropped, or {@code waitMillis} have passed: for closing a connection without
     * resetting it while the peer may still be sending.
     *
     * @return the bytes dropped
     */
    long drainAll(long limit, long waitMillis) throws IOException {
        enter();
        try {
            return drain(limit, waitMillis);
        } finally {
            leave();
        }
    }

    private long drain(long limit, long waitMillis) throws IOException {
        long dropped = buffer.readableBytes();
        buffer.skipBytes(buffer.readableBytes());
        byte[] sink = new byte[8192];
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (dropped < limit && !endOfStream) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            wait.apply((int) Math.min(Integer.MAX_VALUE, left));
            try {
                int n = in.read(sink, 0, (int) Math.min(sink.length, limit - dropped));
                if (n < 0) {
                    endOfStream = true;
                } else {
                    dropped += n;
                }
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        return dropped;
    }
}

package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
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

    /** {@link #appliedTimeout} before the reader has set the socket's read timeout. */
    private static final int UNSET = -1;

    private final InputStream in;
    /** The socket under {@link #in}, whose read timeout this buffer sets; null over a plain stream. */
    private final Socket socket;
    private final ByteBufAllocator allocator = UnpooledByteBufAllocator.DEFAULT;
    private final int chunkSize;
    private final int smallestRead;
    private int nextRead;
    private ByteBuf buffer;
    private boolean endOfStream;
    /** When the last bytes arrived from the stream ({@link System#nanoTime()}). */
    private long lastArrival;
    /** How long a read waits for the peer's next bytes, in milliseconds; 0 for as long as it takes. */
    private int readTimeoutMillis;
    /** The read timeout last set on the socket, so that it is set only when it changes. */
    private int appliedTimeout = UNSET;
    private IntConsumer capacityListener = capacity -> {};

    InboundBuffer(InputStream in, Socket socket, int chunkSize) {
        this.in = in;
        this.socket = socket;
        this.chunkSize = chunkSize;
        this.smallestRead = Math.min(chunkSize, SMALLEST_READ);
        this.nextRead = smallestRead;
        this.buffer = allocator.heapBuffer(Math.min(FrameReader.IDLE_CAPACITY, smallestRead));
        if (socket != null) {
            try {
                readTimeoutMillis = socket.getSoTimeout(); // what the socket's owner set before handing it over
                appliedTimeout = readTimeoutMillis;
            } catch (java.net.SocketException closed) {
                // the first read says so
            }
        }
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

    boolean overSocket() {
        return socket != null;
    }

    int readTimeoutMillis() {
        return readTimeoutMillis;
    }

    void readTimeoutMillis(int millis) {
        this.readTimeoutMillis = millis;
    }

    void capacityListener(IntConsumer listener) {
        this.capacityListener = listener;
        listener.accept(buffer.capacity());
    }

    void release() {
        buffer.release();
        capacityListener.accept(0);
    }

    InputStream stream() {
        return in;
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
     * the buffer is shrunk to {@value FrameReader#IDLE_CAPACITY} bytes for the wait: an idle
     * connection holds a few hundred bytes, not a chunk. Over a socket it first waits up to
     * {@value FrameReader#IDLE_GRACE_MILLIS} ms with the buffer as it is: a busy stream whose
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
        return within(limitMillis, () -> readInto(chunk, true));
    }

    private boolean fillIdle(int limitMillis) throws IOException {
        int waited = 0;
        if (socket != null && buffer.capacity() > FrameReader.IDLE_CAPACITY && buffer.refCnt() == 1) {
            buffer.clear();
            int request = Math.min(buffer.writableBytes(), nextRead);
            int grace = limitMillis == 0 ? FrameReader.IDLE_GRACE_MILLIS : Math.min(limitMillis, FrameReader.IDLE_GRACE_MILLIS);
            if (readTimeoutMillis != 0 && readTimeoutMillis <= grace) {
                return within(limitMillis, () -> readInto(request, true)); // the read timeout is the whole wait
            }
            if (withinOrTimeout(grace, () -> readInto(request, true))) {
                return true;
            }
            waited = grace;
            if (limitMillis != 0 && limitMillis <= waited) {
                return false;
            }
            if (readTimeoutMillis != 0 && readTimeoutMillis <= waited) {
                throw new SocketTimeoutException("Read timed out");
            }
        }
        if (buffer.capacity() > FrameReader.IDLE_CAPACITY || buffer.refCnt() > 1) {
            replaceBuffer(FrameReader.IDLE_CAPACITY);
        }
        buffer.clear();
        int request = Math.min(buffer.writableBytes(), chunkSize);
        int rest = limitMillis == 0 ? 0 : limitMillis - waited;
        int ownRest = readTimeoutMillis == 0 ? 0 : readTimeoutMillis - waited;
        if (ownRest != 0 && (rest == 0 || ownRest < rest)) {
            if (!withinOrTimeout(ownRest, () -> readInto(request, false))) {
                throw new SocketTimeoutException("Read timed out"); // the read timeout, less the grace
            }
            return true;
        }
        return within(rest, () -> readInto(request, false));
    }

    /** A read that may block on the socket. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /**
     * Runs {@code step} waiting at most {@code limitMillis} (0: none) or the read timeout, the
     * shorter. Returns false if the limit expired; the read timeout is thrown as it came.
     */
    private boolean within(int limitMillis, Step step) throws IOException {
        boolean limited = limitMillis != 0 && (readTimeoutMillis == 0 || limitMillis < readTimeoutMillis);
        if (!limited) {
            applyTimeout(readTimeoutMillis);
            step.run();
            return true;
        }
        return withinOrTimeout(limitMillis, step);
    }

    /** Runs {@code step} waiting at most {@code millis}; false if that wait expired. */
    private boolean withinOrTimeout(int millis, Step step) throws IOException {
        applyTimeout(millis);
        try {
            step.run();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Sets the socket's read timeout, when there is a socket and the value changed. */
    private void applyTimeout(int millis) throws IOException {
        if (socket != null && millis != appliedTimeout && !socket.isClosed()) {
            socket.setSoTimeout(millis);
            appliedTimeout = millis;
        }
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
            capacityListener.accept(capacity);
        }
    }

    private void replaceBuffer(int capacity) {
        ByteBuf fresh = allocator.heapBuffer(capacity);
        fresh.writeBytes(buffer);
        buffer.release();
        buffer = fresh;
        capacityListener.accept(fresh.capacity());
    }

    /**
     * Reads and drops what the peer still sends, until it ends the stream, {@code limit} bytes
     * have been dropped, or {@code waitMillis} have passed: for closing a connection without
     * resetting it while the peer may still be sending.
     *
     * @return the bytes dropped
     */
    long drain(long limit, long waitMillis) throws IOException {
        long dropped = buffer.readableBytes();
        buffer.skipBytes(buffer.readableBytes());
        byte[] sink = new byte[8192];
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (dropped < limit && !endOfStream) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            applyTimeout((int) Math.min(Integer.MAX_VALUE, left));
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

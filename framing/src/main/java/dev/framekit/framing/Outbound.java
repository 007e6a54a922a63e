package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A {@link FrameWriter}'s outbound side: the batch, the stream it goes to, and who may touch them
 * (the writing thread, or the closing one). Given the blocking channel under the stream (a socket's),
 * a large payload leaves with the batch before it in one gathering write; else in two writes.
 *
 * <p>A thread claims the batch with a compare-and-set on its first write and holds it until it
 * flushes (or a write fails): its writes in between check two fields and make no atomic
 * operation, which at 16 B a message was most of a write's cost. A {@link #close()} from another
 * thread while the batch is held only closes the stream; the holder releases the batch when its
 * next write or flush fails.
 */
final class Outbound {
    /** {@link #state}: no thread holds the batch. */
    private static final int IDLE = 0;
    /** {@link #state}: a thread holds the batch, from its first write to its flush (or a failed write). */
    private static final int WRITING = 1;
    /** {@link #state}: closed; the batch is released by close(), or by the holder's next write or flush. */
    private static final int CLOSED = 2;

    private final OutputStream out;
    /** The blocking channel the stream writes to, for gathering writes, or null. */
    private final GatheringByteChannel channel;
    private final ByteBuf batch = Unpooled.buffer(FrameWriter.IDLE_CAPACITY);
    private final ByteBuffer[] gather = new ByteBuffer[2];
    private final AtomicInteger state = new AtomicInteger(IDLE);
    /**
     * The thread holding the batch between its writes, or null. Written only by that thread while
     * {@link #state} is WRITING; another thread reading it sees null, the holder, or an earlier
     * holder, never itself unless it holds the batch.
     */
    private Thread holder;
    private IntConsumer batchListener = capacity -> {};
    private int reportedCapacity = FrameWriter.IDLE_CAPACITY; // last told to batchListener

    /** An outbound side writing to {@code out}, and large payloads to {@code channel} (blocking; null for none). */
    Outbound(OutputStream out, GatheringByteChannel channel) {
        this.out = out;
        this.channel = channel;
    }

    /** The outbound side of a socket: its stream, and its channel if it has a blocking one. */
    static Outbound over(Socket socket) throws IOException {
        SocketChannel channel = socket.getChannel();
        return new Outbound(socket.getOutputStream(), channel != null && channel.isBlocking() ? channel : null);
    }

    ByteBuf batch() {
        return batch;
    }

    void batchListener(IntConsumer listener) {
        this.batchListener = listener;
        listener.accept(reportedCapacity);
    }

    /** Claims the batch for this thread, unless it holds it from its last write; fails if the writer is closed or held by another thread. */
    void enter() throws IOException {
        if (holder != Thread.currentThread() || state.get() != WRITING) {
            claim();
        }
    }

    private void claim() throws IOException {
        if (holder == Thread.currentThread()) { // held, and closed by another thread since this thread's last write
            holder = null;
            releaseBatch();
            throw new IOException("frame writer is closed");
        }
        if (!state.compareAndSet(IDLE, WRITING)) {
            throw new IOException(state.get() == CLOSED ? "frame writer is closed"
                    : "frame writer is in use by another thread; one thread writes, and hands it on after a flush");
        }
        holder = Thread.currentThread();
    }

    /** Tells the batch listener the batch's capacity if it changed: a write that grew the batch calls it. */
    void reportCapacity() {
        int capacity = batch.capacity();
        if (capacity != reportedCapacity) {
            reportedCapacity = capacity;
            batchListener.accept(capacity);
        }
    }

    /** Gives the batch back (after a flush or a failed write); if another thread closed the writer meanwhile, releases it. */
    void leave() {
        holder = null;
        if (state.compareAndSet(WRITING, IDLE)) {
            reportCapacity();
        } else {
            releaseBatch();
        }
    }

    private void releaseBatch() {
        if (batch.refCnt() > 0) {
            batch.clear().release(); // what it held is not sent: the writer says it batches nothing
        }
        if (reportedCapacity != 0) {
            reportedCapacity = 0;
            batchListener.accept(0);
        }
    }

    /** Sends the batch if it holds a full batch's worth. */
    void sendIfFull() throws IOException {
        if (batch.readableBytes() >= FrameWriter.BATCH_SIZE) {
            drainBatch();
        }
    }

    /**
     * Sends the batch, then {@code length} bytes of {@code payload} from {@code index}, straight
     * from the payload's memory: in one gathering write over a channel, else in two writes.
     */
    void sendWithBatch(ByteBuf payload, int index, int length) throws IOException {
        if (channel == null) {
            drainBatch();
            payload.getBytes(index, out, length);
            return;
        }
        gather[0] = batch.nioBuffer();
        gather[1] = payload.nioBuffer(index, length);
        try {
            while (gather[1].hasRemaining()) {
                channel.write(gather); // blocking: returns once some bytes went
            }
        } finally {
            gather[0] = null;
            gather[1] = null;
        }
        resetBatch();
    }

    /** Sends the batch and flushes the stream; a batch grown past the idle capacity shrinks back. */
    void flush() throws IOException {
        drainBatch();
        out.flush();
        if (batch.capacity() > FrameWriter.IDLE_CAPACITY) {
            batch.capacity(FrameWriter.IDLE_CAPACITY);
        }
    }

    /**
     * Closes: flushes what is batched and closes the stream; while another thread holds the batch
     * (inside a write or flush, or between its writes and its flush), only closes the stream (which
     * ends a write blocked on a socket) and leaves the batch to that thread.
     */
    void close() throws IOException {
        boolean holding = holder == Thread.currentThread();
        int previous = state.getAndSet(CLOSED);
        if (!holding && previous != IDLE) {
            if (previous == WRITING) {
                out.close(); // the holder, if any, still holds the batch and releases it
            }
            return;
        }
        holder = null; // only the holder clears it: another thread's close leaves the batch to the holder
        if (previous == CLOSED) {
            releaseBatch(); // another thread closed the stream while this one held the batch
            return;
        }
        try {
            drainBatch();
            out.flush();
        } finally {
            releaseBatch();
            out.close();
        }
    }

    private void drainBatch() throws IOException {
        if (batch.isReadable()) {
            batch.readBytes(out, batch.readableBytes());
        }
        resetBatch();
    }

    private void resetBatch() {
        batch.clear();
        if (batch.capacity() > 4 * FrameWriter.BATCH_SIZE) {
            batch.capacity(FrameWriter.BATCH_SIZE);
        }
    }
}

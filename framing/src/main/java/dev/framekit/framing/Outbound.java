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
 */
final class Outbound {
    /** {@link #state}: no write or flush in progress. */
    private static final int IDLE = 0;
    /** {@link #state}: a thread is inside a write or flush and owns the batch. */
    private static final int WRITING = 1;
    /** {@link #state}: closed; the batch is released by close(), or by the write it interrupted. */
    private static final int CLOSED = 2;

    private final OutputStream out;
    /** The blocking channel the stream writes to, for gathering writes, or null. */
    private final GatheringByteChannel channel;
    private final ByteBuf batch = Unpooled.buffer(FrameWriter.IDLE_CAPACITY);
    private final ByteBuffer[] gather = new ByteBuffer[2];
    private final AtomicInteger state = new AtomicInteger(IDLE);
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

    /** Claims the batch for this thread's write or flush, or fails if the writer is closed. */
    void enter() throws IOException {
        if (!state.compareAndSet(IDLE, WRITING)) {
            throw new IOException(state.get() == CLOSED ? "frame writer is closed"
                    : "frame writer is in use by another thread; one thread writes");
        }
    }

    /** Gives the batch back (and tells its capacity); if another thread closed the writer meanwhile, releases it. */
    void leave() {
        int capacity = batch.capacity();
        if (!state.compareAndSet(WRITING, IDLE)) {
            batch.release();
            capacity = 0;
        }
        if (capacity != reportedCapacity) {
            reportedCapacity = capacity;
            batchListener.accept(capacity);
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
     * Closes: flushes what is batched and closes the stream; during another thread's write or
     * flush, only closes the stream (which ends a write blocked on a socket).
     */
    void close() throws IOException {
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
            reportedCapacity = 0;
            batchListener.accept(0);
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

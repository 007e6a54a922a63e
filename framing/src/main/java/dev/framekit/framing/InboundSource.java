package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ScatteringByteChannel;

/**
 * Where a reader's bytes come from, and what buffer they go into: a stream, read into a heap
 * buffer; or, over a blocking socket channel ({@link FrameReader#over(java.nio.channels.SocketChannel,
 * Framer)}), the channel, read straight into a direct buffer with no copy through the JDK's
 * temporary one. There a wait for the peer goes through the socket's stream, one byte, so that
 * the socket's read timeout still bounds it; the channel is read only once bytes have arrived.
 * It counts the bytes read.
 */
final class InboundSource {
    private final InputStream in;
    /** The channel under {@link #in}, read into direct buffers; null to read the stream into heap ones. */
    private final ScatteringByteChannel channel;
    private final ByteBufAllocator allocator = UnpooledByteBufAllocator.DEFAULT;
    private long bytesRead;

    InboundSource(InputStream in, ScatteringByteChannel channel) {
        this.in = in;
        this.channel = channel;
    }

    /** A buffer of {@code capacity} bytes to read into: direct over a channel, else on the heap. */
    ByteBuf allocate(int capacity) {
        return channel == null ? allocator.heapBuffer(capacity) : allocator.directBuffer(capacity);
    }

    /** Reads at most {@code request} bytes into {@code buffer}'s room, waiting for the peer: the count, or -1 at the end. */
    int read(ByteBuf buffer, int request) throws IOException {
        return counted(channel == null ? buffer.writeBytes(in, request) : readChannel(buffer, request));
    }

    /** Reads at most {@code length} bytes into {@code sink} (bytes to drop): the count, or -1 at the end. */
    int read(byte[] sink, int length) throws IOException {
        return counted(in.read(sink, 0, length));
    }

    private int readChannel(ByteBuf buffer, int request) throws IOException {
        if (in.available() > 0) {
            return buffer.writeBytes(channel, request); // blocking, but bytes are there: it returns at once
        }
        int first = in.read(); // waits for the peer, as long as the read timeout lets it
        if (first < 0) {
            return -1;
        }
        buffer.writeByte(first);
        return request == 1 || in.available() <= 0 ? 1 : 1 + Math.max(0, buffer.writeBytes(channel, request - 1));
    }

    private int counted(int read) {
        if (read > 0) {
            bytesRead += read;
        }
        return read;
    }

    /** How many bytes can be read without waiting, as {@link InputStream#available()} says. */
    int available() throws IOException {
        return in.available();
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Closes the stream, and with it the socket or channel under it. */
    void close() throws IOException {
        in.close();
    }
}

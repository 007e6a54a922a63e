package dev.framekit.framing.testing;

import java.io.InputStream;
import java.util.Arrays;

/**
 * A test stream over fixed bytes that hands them out in chunks of chosen sizes, however much
 * the caller asks for: a TCP stream split into reads at the places a test wants. Part of the
 * conformance kit.
 */
public final class ChunkedInputStream extends InputStream {
    private final byte[] data;
    private final int[] chunkSizes;
    private int position;
    private int chunk;
    private int readCalls;

    /**
     * Creates the stream.
     *
     * @param data the bytes to hand out
     * @param chunkSizes the size of each successive read, each at least 1; the last size repeats
     */
    public ChunkedInputStream(byte[] data, int... chunkSizes) {
        if (chunkSizes.length == 0 || Arrays.stream(chunkSizes).anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("chunk sizes must be at least 1: " + Arrays.toString(chunkSizes));
        }
        this.data = data;
        this.chunkSizes = chunkSizes;
    }

    /**
     * A stream that returns one byte per read call.
     *
     * @param data the bytes to hand out
     * @return the stream
     */
    public static ChunkedInputStream oneByteAtATime(byte[] data) {
        return new ChunkedInputStream(data, 1);
    }

    /**
     * Returns how many times read was called (including the call that reported the end).
     *
     * @return the read calls so far
     */
    public int readCalls() {
        return readCalls;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        readCalls++;
        if (len == 0) {
            return 0;
        }
        if (position >= data.length) {
            return -1;
        }
        int size = chunkSizes[Math.min(chunk, chunkSizes.length - 1)];
        chunk++;
        int n = Math.min(Math.min(size, len), data.length - position);
        System.arraycopy(data, position, b, off, n);
        position += n;
        return n;
    }

    /**
     * Returns how many bytes the next read call hands out: the bytes of its chunk "have arrived",
     * so a reader can tell a stream with more waiting from one it would wait on.
     *
     * @return the size of the next chunk, or 0 at the end
     */
    @Override
    public int available() {
        if (position >= data.length) {
            return 0;
        }
        return Math.min(chunkSizes[Math.min(chunk, chunkSizes.length - 1)], data.length - position);
    }
}

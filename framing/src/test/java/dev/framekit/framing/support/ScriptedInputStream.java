package dev.framekit.framing.support;

import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * A stream whose read sizes follow a script, cycling through it, and which can time out once at
 * a chosen position (a {@link SocketTimeoutException}, after which the peer carries on): the
 * network as a fuzz test drives it.
 */
public final class ScriptedInputStream extends InputStream {
    /** No timeout. */
    public static final int NEVER = -1;

    private final byte[] data;
    private final int[] readSizes;
    private final int timeoutAt;
    private int position;
    private int reads;
    private boolean timedOut;

    /**
     * @param data the bytes to hand out
     * @param readSizes the most bytes each successive read returns, cycling; each at least 1
     * @param timeoutAt the position at which one read throws a {@link SocketTimeoutException}, or
     *     {@link #NEVER}; a position past the end never comes
     */
    public ScriptedInputStream(byte[] data, int[] readSizes, int timeoutAt) {
        for (int size : readSizes) {
            if (size < 1) {
                throw new IllegalArgumentException("read sizes must be at least 1, got " + size);
            }
        }
        this.data = data;
        this.readSizes = readSizes.length == 0 ? new int[] {Integer.MAX_VALUE} : readSizes;
        this.timeoutAt = timeoutAt > data.length ? NEVER : timeoutAt;
    }

    /** Whether the one timeout has been thrown. */
    public boolean timedOut() {
        return timedOut;
    }

    @Override
    public int read() throws SocketTimeoutException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws SocketTimeoutException {
        if (len == 0) {
            return 0;
        }
        if (position == timeoutAt && !timedOut) {
            timedOut = true;
            throw new SocketTimeoutException("scripted timeout after " + position + " bytes");
        }
        if (position >= data.length) {
            return -1;
        }
        int size = readSizes[reads++ % readSizes.length];
        int end = timeoutAt > position && !timedOut ? timeoutAt : data.length;
        int n = Math.min(Math.min(size, len), end - position);
        System.arraycopy(data, position, b, off, n);
        position += n;
        return n;
    }
}

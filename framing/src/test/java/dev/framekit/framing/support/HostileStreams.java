package dev.framekit.framing.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Small, named input streams that misbehave the way real peers and networks do: a peer that
 * never sends the delimiter, a peer that hangs up mid-frame, a connection that fails or times
 * out partway through. Each hands out at most the bytes a test asks for, however many the
 * reader requests.
 */
public final class HostileStreams {
    private HostileStreams() {}

    /** A peer that sends {@code fill} forever and never a frame boundary. */
    public static EndlessStream endless(byte fill) {
        return new EndlessStream(fill);
    }

    /** A peer that sends only the first {@code keep} bytes of {@code frames}, then ends cleanly. */
    public static InputStream endingAfter(byte[] frames, int keep) {
        if (keep > frames.length) {
            throw new IllegalArgumentException("keep " + keep + " is past the end of " + frames.length + " bytes");
        }
        return new ByteArrayInputStream(Arrays.copyOf(frames, keep));
    }

    /**
     * A connection that hands out the first {@code failAt} bytes of {@code data}, then throws the
     * supplied exception from <b>every</b> later read: a reset.
     */
    public static FailingStream failingAfter(byte[] data, int failAt, Supplier<IOException> failure) {
        return new FailingStream(data, failAt, failure, false);
    }

    /**
     * A connection that hands out the first {@code failAt} bytes of {@code data}, throws the
     * supplied exception from the <b>next</b> read only, then hands out the rest: a read timeout
     * after which the peer carries on.
     */
    public static FailingStream failingOnceAfter(byte[] data, int failAt, Supplier<IOException> failure) {
        return new FailingStream(data, failAt, failure, true);
    }

    /** Endless bytes of one value; counts what it has handed out. */
    public static final class EndlessStream extends InputStream {
        private final byte fill;
        private long served;

        private EndlessStream(byte fill) {
            this.fill = fill;
        }

        /** How many bytes the reader has taken so far. */
        public long served() {
            return served;
        }

        @Override
        public int read() {
            served++;
            return fill & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, fill);
            served += len;
            return len;
        }
    }

    /** Bytes up to a failure point, then an exception (once or for ever). */
    public static final class FailingStream extends InputStream {
        private final byte[] data;
        private final int failAt;
        private final Supplier<IOException> failure;
        private final boolean failOnce;
        private int position;
        private int failures;

        private FailingStream(byte[] data, int failAt, Supplier<IOException> failure, boolean failOnce) {
            if (failAt < 0 || failAt > data.length) {
                throw new IllegalArgumentException("failAt " + failAt + " is outside 0.." + data.length);
            }
            this.data = data.clone();
            this.failAt = failAt;
            this.failure = failure;
            this.failOnce = failOnce;
        }

        /** How many reads have thrown so far. */
        public int failures() {
            return failures;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            boolean mustFail = position == failAt && (!failOnce || failures == 0);
            if (mustFail) {
                failures++;
                throw failure.get();
            }
            int end = position < failAt ? failAt : data.length;
            if (position >= end) {
                return -1;
            }
            int n = Math.min(len, end - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }
}

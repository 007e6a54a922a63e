package dev.framekit.demos.server;

import dev.framekit.framing.FrameReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An accepted socket whose input stream enforces the idle and frame timeouts (see
 * {@link FrameDeadlineInputStream}) and whose output stream lets the {@link Watchdog} see a
 * peer that stopped reading ({@link WatchedOutputStream}). Made by {@link DeadlineServerSocket#accept()}.
 */
final class DeadlineSocket extends Socket {
    private final Duration idleTimeout;
    private final Duration frameTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private FrameDeadlineInputStream in;
    private volatile WatchedOutputStream out;
    private volatile String closedBecause;

    DeadlineSocket(Duration idleTimeout, Duration frameTimeout) {
        this.idleTimeout = idleTimeout;
        this.frameTimeout = frameTimeout;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        lock.lock();
        try {
            if (in == null) {
                in = new FrameDeadlineInputStream(super.getInputStream(), this, idleTimeout, frameTimeout);
            }
            return in;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        lock.lock();
        try {
            if (out == null) {
                out = new WatchedOutputStream(super.getOutputStream());
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The output stream, for the {@link Watchdog} to see a stalled write; null until the connection writes. */
    WatchedOutputStream watchedOutput() {
        return out;
    }

    /**
     * Closes the connection from another thread (a watchdog, the memory budget), noting why: the
     * connection's own thread, whose read or write then fails, logs {@code reason} as its end.
     * The first reason given is kept.
     */
    void closeFor(String reason) {
        if (closedBecause == null) {
            closedBecause = reason;
        }
        ConnectionErrors.closeQuietly(this);
    }

    /** Why {@link #closeFor} closed the connection, or null if it did not. */
    String closedBecause() {
        return closedBecause;
    }

    /** Lets the deadlines see how much of a frame the connection's reader holds. */
    void attach(FrameReader reader) throws IOException {
        ((FrameDeadlineInputStream) getInputStream()).attach(reader);
    }
}

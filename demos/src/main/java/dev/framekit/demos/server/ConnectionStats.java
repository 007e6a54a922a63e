package dev.framekit.demos.server;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** What one connection carried, for its closing log line. Safe to update from two threads. */
public final class ConnectionStats {
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong messagesOut = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong damaged = new AtomicLong();

    /** Counts one message received. */
    public void received(int bytes) {
        messagesIn.incrementAndGet();
        bytesIn.addAndGet(bytes);
    }

    /** Counts one message sent. */
    public void sent(int bytes) {
        messagesOut.incrementAndGet();
        bytesOut.addAndGet(bytes);
    }

    /** Counts one message over the limit that the framing skipped ({@code --on-oversize skip}). */
    public void skipped() {
        skipped.incrementAndGet();
    }

    /** Counts one damaged frame that the framing skipped ({@code --on-bad-checksum skip}). */
    public void damaged() {
        damaged.incrementAndGet();
    }

    /** Counts one text message received, by its UTF-8 payload bytes (as {@link #received(int)} counts a byte message). */
    public void received(String text) {
        received(text.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Counts one text message sent, by its UTF-8 payload bytes. */
    public void sent(String text) {
        sent(text.getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * E.g. {@code 3 messages in (45 bytes), 3 out (45 bytes)}, or {@code 1 message in ...}; with
     * {@code , 2 skipped over --max-frame} after it when the framing skipped some, and
     * {@code , 1 damaged frame skipped} for bad checksums skipped.
     */
    @Override
    public String toString() {
        long in = messagesIn.get();
        long over = skipped.get();
        return in + (in == 1 ? " message" : " messages") + " in (" + bytesIn.get() + " bytes), " + messagesOut.get()
                + " out (" + bytesOut.get() + " bytes)" + (over == 0 ? "" : ", " + over + " skipped over --max-frame")
                + (damaged.get() == 0 ? "" : ", " + damaged.get() + (damaged.get() == 1 ? " damaged frame" : " damaged frames")
                        + " skipped");
    }
}

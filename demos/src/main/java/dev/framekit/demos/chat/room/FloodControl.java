package dev.framekit.demos.chat.room;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.LockSupport;

/**
 * Throttles, never drops: a member may post {@code linesPerSecond} lines per second (with a burst
 * of as many); past that, {@link #acquire()} makes the member's reader wait, so the member's
 * TCP connection pushes back on the sender. Posts on several connections at once (send-and-close)
 * wait their turn.
 */
final class FloodControl {
    private final int linesPerSecond;
    private final long nanosPerLine;
    private final long burstNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private long nextFree;
    private boolean warned;

    /** @param linesPerSecond the sustained rate; 0 turns flood control off */
    FloodControl(int linesPerSecond) {
        this.linesPerSecond = linesPerSecond;
        this.nanosPerLine = linesPerSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / linesPerSecond;
        this.burstNanos = TimeUnit.SECONDS.toNanos(1);
        this.nextFree = System.nanoTime() - burstNanos;
    }

    /**
     * Takes the right to handle one line, waiting if the member is over its rate.
     *
     * @return true if it had to wait
     */
    boolean acquire() {
        if (nanosPerLine == 0) {
            return false;
        }
        long now = System.nanoTime();
        nextFree = Math.max(nextFree, now - burstNanos) + nanosPerLine;
        long wait = nextFree - now;
        if (wait <= 0) {
            return false;
        }
        LockSupport.parkNanos(wait);
        while (System.nanoTime() < nextFree) {
            LockSupport.parkNanos(nextFree - System.nanoTime());
        }
        return true;
    }

    /**
     * Takes the right to handle one line, as {@link #acquire()}, and says whether the member is to
     * be told now that it is slowed down: true only the first time it had to wait.
     */
    boolean acquireFirstWait() {
        lock.lock();
        try {
            if (acquire() && !warned) {
                warned = true;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The one notice a slowed member gets, e.g. {@code slowed = "your posts are"}. */
    String notice(String slowed) {
        return "-- you are sending more than " + linesPerSecond + " lines a second; " + slowed
                + " being slowed down (nothing is lost)";
    }
}

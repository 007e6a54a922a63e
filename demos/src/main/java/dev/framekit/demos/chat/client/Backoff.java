package dev.framekit.demos.chat.client;

import java.time.Duration;

/**
 * The pauses between attempts to reconnect: {@value #FIRST_MILLIS} ms, doubling up to
 * {@value #MAX_MILLIS} ms, for at most a given time in all.
 */
final class Backoff {
    static final long FIRST_MILLIS = 500;
    static final long MAX_MILLIS = 10_000;

    private final Duration limit;
    private final long deadline;
    private long nextMillis = FIRST_MILLIS;
    private int attempts;

    /** Starts counting now; {@link #pause()} says no once {@code limit} has passed. */
    Backoff(Duration limit) {
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /**
     * Sleeps before the next attempt (never past the time limit).
     *
     * @return false if the time is up: give up instead of trying again
     */
    boolean pause() throws InterruptedException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return false;
        }
        Thread.sleep(Math.min(nextMillis, left));
        nextMillis = Math.min(nextMillis * 2, MAX_MILLIS);
        attempts++;
        return true;
    }

    /** How many attempts {@link #pause()} has allowed so far. */
    int attempts() {
        return attempts;
    }

    /** The time limit, in words: "2 min", "30 s". */
    String limitText() {
        long seconds = limit.toSeconds();
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}

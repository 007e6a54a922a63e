package dev.framekit.demos.compare;

import java.time.Duration;

/**
 * How much one streaming trial sends: at most {@code maxMessages}, and, if a duration is set,
 * only until it has passed (checked every few messages, so the clock costs nothing per message).
 */
record Budget(long maxMessages, Duration duration) {
    /** Exactly {@code messages} messages. */
    static Budget messages(long messages) {
        return new Budget(messages, Duration.ZERO);
    }

    /** A smaller cap, same duration: for send-and-close, a connection per message. */
    Budget capped(long cap) {
        return new Budget(Math.min(maxMessages, cap), duration);
    }

    /** The nanoTime after which the sender stops, or Long.MAX_VALUE for none. */
    long deadline(long startNanos) {
        return duration.isZero() ? Long.MAX_VALUE : startNanos + duration.toNanos();
    }

    /** Whether the sender, having sent {@code sent}, sends another. */
    boolean more(long sent, long deadline) {
        return sent < maxMessages && ((sent & 31) != 0 || sent == 0 || System.nanoTime() < deadline);
    }
}

package dev.framekit.demos.server;

import dev.framekit.demos.console.Console;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs refused connections without flooding the log: the first refusal, then at most one line
 * a second, each with the running total, so a flood of thousands costs a few lines.
 */
final class RefusalLog {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Console console;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);

    RefusalLog(Console console) {
        this.console = console;
    }

    /** Counts one refusal of {@code peer} and logs it unless a line went out less than a second ago. */
    void refuse(String peer, String reason) {
        long total = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if ((last == Long.MIN_VALUE || now - last >= INTERVAL_NANOS) && lastLogged.compareAndSet(last, now)) {
            console.log(peer + " refused: " + reason + " (" + total + " refused so far)");
        }
    }

    /** How many connections were refused. */
    long count() {
        return refused.get();
    }
}

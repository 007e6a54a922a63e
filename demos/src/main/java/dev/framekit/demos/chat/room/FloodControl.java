package dev.framekit.demos.chat.room;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Throttles, never drops: a member may post {@code linesPerSecond} lines and {@code bytesPerSecond}
 * bytes a second (with a burst of one second's worth of each); past either, {@link #acquire} makes
 * the member's reader wait, so the member's TCP connection pushes back on the sender. Posts on
 * several connections at once (send-and-close) wait their turn.
 */
public final class FloodControl {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** The limits for each member: lines and bytes a second, 0 for no limit. */
    public record Limits(int linesPerSecond, long bytesPerSecond) {
        /** No flood control. */
        public static final Limits NONE = new Limits(0, 0);

        /** A member's own flood control, starting with a full burst. */
        FloodControl start() {
            return new FloodControl(this);
        }
    }

    private final Limits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private long nextLine = System.nanoTime() - SECOND;
    private long nextByte = nextLine;
    private boolean warned;
    /** Whether the limit that slowed the member first was the one on bytes. */
    private boolean byBytes;

    FloodControl(Limits limits) {
        this.limits = limits;
    }

    /**
     * Takes the right to handle one line of {@code bytes} bytes, waiting if the member is over a rate.
     *
     * @return true if it had to wait
     */
    boolean acquire(int bytes) {
        long now = System.nanoTime();
        long lineDue = nextLine = Math.max(nextLine, now - SECOND) + spacing(1, limits.linesPerSecond());
        long byteDue = nextByte = Math.max(nextByte, now - SECOND) + spacing(bytes, limits.bytesPerSecond());
        long due = Math.max(lineDue, byteDue);
        if (due <= now) {
            return false;
        }
        byBytes = warned ? byBytes : byteDue > lineDue;
        for (long left = due - now; left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        return true;
    }

    /** Whether a full burst is due again, so that forgetting this control would change nothing. */
    boolean rested() {
        lock.lock();
        try {
            long rested = System.nanoTime() - SECOND;
            return nextLine <= rested && nextByte <= rested;
        } finally {
            lock.unlock();
        }
    }

    /** How far apart {@code units} at {@code perSecond} must be, in nanoseconds; 0 for no limit. */
    private static long spacing(long units, long perSecond) {
        return perSecond > 0 ? units * SECOND / perSecond : 0;
    }

    /**
     * Takes the right to handle one line, as {@link #acquire}, and says whether the member is to
     * be told now that it is slowed down: true only the first time it had to wait.
     */
    boolean acquireFirstWait(int bytes) {
        lock.lock();
        try {
            if (acquire(bytes) && !warned) {
                warned = true;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the right to have {@code line} handled, as {@link #acquire}; the first wait {@code member} is told of. */
    void pace(ChatRoom room, Member member, String line, String slowed) {
        if (acquireFirstWait(Member.cost(line))) {
            room.reply(member, notice(slowed));
        }
    }

    /** The one notice a slowed member gets, naming the limit it passed, e.g. {@code slowed = "your posts are"}. */
    String notice(String slowed) {
        long bytes = limits.bytesPerSecond();
        String size = bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes % 1024 == 0 ? (bytes >> 10) + " KiB"
                : bytes + " bytes";
        return "-- you are sending more than " + (byBytes ? size : limits.linesPerSecond() + " lines") + " a second; "
                + slowed + " being slowed down (nothing is lost)";
    }
}

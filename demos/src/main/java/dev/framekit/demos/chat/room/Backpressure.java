package dev.framekit.demos.chat.room;

import dev.framekit.demos.options.Durations;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Slows senders instead of dropping lines. A member whose queue of unsent lines passes the
 * high-water mark ({@code --max-queue}) is <em>behind</em> until it is back at half of it; while a
 * member is behind, every other member's next line waits in {@link #await} before the room
 * handles it, so the sender's connection is read no further and TCP pushes back on it. One behind
 * that takes nothing for the write timeout has stalled and is handed back to be dropped: a member
 * that stopped reading holds the others back for that long at most.
 *
 * <p>A sender never waits for itself (a client that posts and then polls, one at a time, would
 * wait for ever), nor with the room's lock held. Locks are taken in this order: the room's, a
 * member's own, this one.
 */
public final class Backpressure {
    /** For rooms in tests: nobody is ever behind. */
    public static final Backpressure NONE = new Backpressure(Long.MAX_VALUE, Duration.ZERO);

    private final long highWater;
    private final long lowWater;
    private final long stallNanos;
    /** Why a stalled member leaves, as the room is told it. */
    final String stallReason;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition eased = lock.newCondition();
    private final Set<Member> behind = new LinkedHashSet<>();
    private boolean closed;

    /**
     * @param highWater bytes of unsent lines past which a member is behind ({@code --max-queue})
     * @param writeTimeout how long a member behind may take nothing before it is dropped; zero for ever
     */
    public Backpressure(long highWater, Duration writeTimeout) {
        this.highWater = highWater;
        this.lowWater = highWater / 2;
        this.stallNanos = writeTimeout.isZero() ? Long.MAX_VALUE : writeTimeout.toNanos();
        this.stallReason = "disconnected: too far behind, it took no line for " + Durations.format(writeTimeout)
                + " (--write-timeout)";
    }

    /** A line was queued to {@code member}, who is in the room: past the high-water mark, it is behind. */
    void queued(Member member) {
        if (!member.behind && member.backlog() > highWater) {
            lock.lock();
            try {
                member.behind = !closed && behind.add(member);
            } finally {
                lock.unlock();
            }
            eased(member); // its writer may have caught up before it could see the member behind
        }
    }

    /** {@code member}'s queue shrank: back at the low-water mark, it is no longer behind. */
    void eased(Member member) {
        if (member.behind && member.backlog() <= lowWater) {
            gone(member);
        }
    }

    /** {@code member} has left the room (or caught up): nobody waits for it. */
    void gone(Member member) {
        if (member.behind) {
            lock.lock();
            try {
                member.behind = false;
                behind.remove(member);
                eased.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The server is stopping: nobody waits any more. */
    void close() {
        lock.lock();
        try {
            closed = true;
            behind.forEach(member -> member.behind = false);
            behind.clear();
            eased.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code member} has had lines to take, and taken none, for the write timeout (behind or not). */
    boolean stalled(Member member) {
        return member.backlog() > 0 && System.nanoTime() - member.progress >= stallNanos;
    }

    /**
     * Waits while a member other than {@code sender} is behind; hands one that stalls meanwhile to
     * {@code drop}, without this lock. Call without the room's lock.
     */
    void await(Member sender, Consumer<Member> drop) {
        for (Member stalled; (stalled = stalledOrNone(sender)) != null; ) {
            drop.accept(stalled);
        }
    }

    /** Waits until no member but {@code sender} is behind (null), or one has stalled (that one). */
    Member stalledOrNone(Member sender) {
        lock.lock();
        try {
            while (true) {
                long wait = -1; // none yet: nobody else is behind
                for (Member member : behind) {
                    long left = stallNanos - (System.nanoTime() - member.progress);
                    if (member == sender) {
                        continue;
                    } else if (left <= 0) {
                        return member;
                    }
                    wait = wait < 0 ? left : Math.min(wait, left);
                }
                if (wait < 0) {
                    return null;
                }
                eased.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the connection is ending: go on, and its next read fails
            return null;
        } finally {
            lock.unlock();
        }
    }
}

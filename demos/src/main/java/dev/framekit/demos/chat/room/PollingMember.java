package dev.framekit.demos.chat.room;

import dev.framekit.demos.server.PeerMemory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A member on send-and-close framing: it posts with one connection per line and receives by long
 * polling. Its lines are numbered; a poll names the last one it has seen, so a lost reply is sent
 * again and nothing is missed between polls. A poll that acknowledges lines is its progress
 * ({@link #took}): one that polls without acknowledging, or not at all, makes none.
 */
final class PollingMember extends Member {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final String token;
    private final FloodControl flood;
    private volatile PeerMemory memory = PeerMemory.NONE;
    private volatile long queuedBytes;
    private long firstNumber = 1;
    private final long joinedAt = System.nanoTime();
    private volatile long lastSeen = joinedAt;
    private int polling;
    private volatile boolean heardFrom;
    private String goneReason;

    /** @param flood paces its posts: past its limits the reply to each comes later */
    PollingMember(String token, String peer, FloodControl flood) {
        super(peer);
        this.token = token;
        this.flood = flood;
    }

    /** Counts the member's lines against {@code budgetAccount} from now on. */
    void account(PeerMemory budgetAccount) {
        this.memory = budgetAccount;
    }

    /** Paces the member's posts: past its flood limit the reply to each comes later, and its client slows down. */
    FloodControl flood() {
        return flood;
    }

    /** The result of a poll: the last line number included, and the lines; or why the member is gone. */
    record Batch(long last, List<String> lines, String goneReason) {}

    String token() {
        return token;
    }

    @Override
    protected long backlog() {
        return queuedBytes;
    }

    @Override
    protected boolean deliver(String line) {
        lock.lock();
        try {
            if (goneReason != null) {
                return true;
            }
            int cost = cost(line);
            if (!memory.add(memoryCost(line))) {
                return false;
            }
            if (lines.isEmpty()) {
                waiting();
            }
            queuedBytes += cost;
            lines.addLast(line);
            arrived.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** After /quit the next poll says the member is gone; a shutdown needs nothing: the server stops. */
    @Override
    protected void close(Outbound.Close how) {
        if (how == Outbound.Close.BYE) {
            end("quit");
        }
    }

    /** Dropped by the room: what is queued is dropped and given back; the next poll says it is gone. */
    @Override
    protected void disconnect(String reason) {
        lock.lock();
        try {
            memory.add(-queuedBytes - (long) lines.size() * QUEUED_LINE_OVERHEAD);
            queuedBytes = 0;
            firstNumber += lines.size();
            lines.clear();
        } finally {
            lock.unlock();
        }
        end(reason);
    }

    /** Ends the membership; a waiting poll returns at once. */
    void end(String reason) {
        lock.lock();
        try {
            if (goneReason == null) {
                goneReason = reason;
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Notes that the member's client is still there (it polled or posted). */
    void touch() {
        lastSeen = System.nanoTime();
        heardFrom = true;
    }

    /** True if the client has sent nothing for {@code timeout} and is not polling now. */
    boolean idleFor(Duration timeout) {
        lock.lock();
        try {
            return polling == 0 && System.nanoTime() - lastSeen > timeout.toNanos();
        } finally {
            lock.unlock();
        }
    }

    /**
     * True if the client has neither polled nor posted in the {@code grace} since it joined: a real
     * client polls at once, so this one is gone, or never was one (a flood of JOINs), and its lines
     * are held for nobody.
     */
    boolean silentSinceJoiningFor(Duration grace) {
        return !heardFrom && System.nanoTime() - joinedAt > grace.toNanos();
    }

    /**
     * Drops lines up to {@code acknowledged}, then waits up to {@code wait} for more and returns
     * the lines after it, at most {@code maxBytes} of text in all (at least one line).
     */
    Batch poll(long acknowledged, Duration wait, int maxBytes) throws InterruptedException {
        lock.lock();
        boolean acknowledgedAny = false;
        try {
            polling++;
            touch();
            while (firstNumber <= acknowledged && !lines.isEmpty()) {
                String line = lines.removeFirst();
                queuedBytes -= cost(line);
                memory.add(-memoryCost(line));
                firstNumber++;
                acknowledgedAny = true;
            }
            if (acknowledgedAny) {
                took(); // takes the Backpressure's lock, which is never held while waiting for this one
            }
            long deadline = System.nanoTime() + wait.toNanos();
            while (lines.isEmpty() && goneReason == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                arrived.awaitNanos(left);
            }
            if (lines.isEmpty() && goneReason != null) {
                return new Batch(firstNumber - 1, List.of(), goneReason);
            }
            List<String> batch = new ArrayList<>();
            int bytes = 0;
            for (String line : lines) {
                int size = line.length() * 3 + 1;
                if (!batch.isEmpty() && bytes + size > maxBytes) {
                    break;
                }
                batch.add(line);
                bytes += size;
            }
            return new Batch(firstNumber - 1 + batch.size(), batch, null);
        } finally {
            polling--;
            touch();
            lock.unlock();
        }
    }
}

package dev.framekit.demos.chat;

import dev.framekit.demos.server.PeerMemory;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One member's outbound lines, bounded in bytes ({@code --max-queue}) and counted against the
 * server's memory budget. It takes memory only for the lines in it (nothing is preallocated).
 * The writer's own markers (end of stream, a close frame) go in uncounted and come out as the
 * same instances, so a writer tells them apart from chat lines by identity.
 */
final class LineQueue {
    /** A queued line and what it counts (0 for a marker). */
    private record Entry(String line, int cost) {}

    private final BlockingQueue<Entry> entries = new LinkedBlockingQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private final PeerMemory memory;

    /**
     * @param maxBytes the most bytes of unsent lines; past it the member is too far behind
     * @param memory the member's share of the server's memory budget
     */
    LineQueue(long maxBytes, PeerMemory memory) {
        this.maxBytes = maxBytes;
        this.memory = memory;
    }

    /** Queues a line; false if it would pass the byte bound or the server's memory budget. */
    boolean offer(String line) {
        int cost = Member.cost(line);
        if (bytes.get() + cost > maxBytes || !memory.add(cost)) {
            return false;
        }
        bytes.addAndGet(cost);
        entries.add(new Entry(line, cost));
        return true;
    }

    /** Queues one of the writer's markers, which counts nothing and always fits. */
    void mark(String marker) {
        entries.add(new Entry(marker, 0));
    }

    /** Takes the next line or marker, waiting for one. */
    String take() throws InterruptedException {
        return taken(entries.take());
    }

    /** Takes the next line or marker, or returns null if there is none now. */
    String poll() {
        Entry entry = entries.poll();
        return entry == null ? null : taken(entry);
    }

    /** Drops every queued line and marker, giving back what the lines counted. */
    void clear() {
        Entry entry;
        while ((entry = entries.poll()) != null) {
            taken(entry);
        }
    }

    private String taken(Entry entry) {
        if (entry.cost() > 0) {
            bytes.addAndGet(-entry.cost());
            memory.add(-entry.cost());
        }
        return entry.line();
    }
}

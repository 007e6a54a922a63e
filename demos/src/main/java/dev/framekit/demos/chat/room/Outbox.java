package dev.framekit.demos.chat.room;

import dev.framekit.demos.server.PeerMemory;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One member's outbound queue, bounded in bytes of lines ({@code --max-queue}) and counted against
 * the server's memory budget. It takes memory only for the lines in it. A {@link Outbound.Close}
 * or {@link Outbound.Stop} counts nothing and always fits.
 */
final class Outbox {
    private record Entry(Outbound item, int cost) {}

    private final BlockingQueue<Entry> entries = new LinkedBlockingQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private final PeerMemory memory;

    Outbox(long maxBytes, PeerMemory memory) {
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
        entries.add(new Entry(new Outbound.Line(line), cost));
        return true;
    }

    /** Queues a close or a stop. */
    void put(Outbound item) {
        entries.add(new Entry(item, 0));
    }

    /** The next item, waiting for one. */
    Outbound take() throws InterruptedException {
        return taken(entries.take());
    }

    /** The next item, or null if there is none now. */
    Outbound poll() {
        Entry entry = entries.poll();
        return entry == null ? null : taken(entry);
    }

    /** Drops everything queued, giving back what the lines counted. */
    void clear() {
        while (poll() != null) {
            // Given back by taken().
        }
    }

    private Outbound taken(Entry entry) {
        bytes.addAndGet(-entry.cost());
        memory.add(-entry.cost());
        return entry.item();
    }
}

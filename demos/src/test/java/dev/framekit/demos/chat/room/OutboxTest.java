package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.server.PeerMemory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private final AtomicLong held = new AtomicLong();
    private final PeerMemory counting = delta -> {
        held.addAndGet(delta);
        return true;
    };

    @Test
    void countsTheUtf8BytesOfItsLinesForTheBackpressureAndTheBudget() {
        QueuedMember.Outbox queue = new QueuedMember.Outbox(counting);

        assertTrue(queue.offer("héllo"));          // 6 UTF-8 bytes
        assertTrue(queue.offer("wor"));
        assertEquals(9, queue.bytes());
        assertEquals(9 + 2 * Member.QUEUED_LINE_OVERHEAD, held.get(), "the budget also counts each entry's objects");
    }

    @Test
    void theBudgetCountsEachQueuedLinesObjectsSoTinyLinesCannotOutgrowIt() {
        AtomicLong budget = new AtomicLong(64 * 1024);
        QueuedMember.Outbox queue = new QueuedMember.Outbox(delta -> {
            if (delta > 0 && budget.get() < delta) {
                return false;
            }
            budget.addAndGet(-delta);
            return true;
        });
        int queued = 0;
        while (queue.offer("x")) {
            queued++;
        }
        assertEquals(64 * 1024 / (1 + Member.QUEUED_LINE_OVERHEAD), queued,
                "1-byte lines: each counts 65 bytes, not 1");
        assertEquals(queued, queue.bytes(), "the backlog the room's back-pressure watches stays in line bytes");
        queue.clear();
        assertEquals(64 * 1024, budget.get(), "everything given back");
    }

    @Test
    void takingALineGivesBackWhatItCountedAndACloseCountsNothing() throws InterruptedException {
        QueuedMember.Outbox queue = new QueuedMember.Outbox(counting);
        queue.offer("bye");
        queue.put(Outbound.Close.BYE);

        Outbound first = queue.take();
        assertEquals(new Outbound.Line("bye"), first);
        assertFalse(first instanceof Outbound.Close, "a chat line with a close's text is not the close");
        assertSame(Outbound.Close.BYE, queue.take());
        assertEquals(0, held.get());
        assertNull(queue.poll());
    }

    @Test
    void clearingGivesBackEveryLine() {
        QueuedMember.Outbox queue = new QueuedMember.Outbox(counting);
        queue.offer("one");
        queue.offer("two");
        queue.put(new Outbound.Stop());

        queue.clear();

        assertEquals(0, held.get());
        assertNull(queue.poll());
        assertEquals(0, queue.bytes(), "nothing is counted any more");
    }

    @Test
    void aLineTheMemoryBudgetRefusesIsNotQueued() {
        QueuedMember.Outbox queue = new QueuedMember.Outbox(delta -> delta < 0);

        assertFalse(queue.offer("shed"));
        assertNull(queue.poll());
    }
}

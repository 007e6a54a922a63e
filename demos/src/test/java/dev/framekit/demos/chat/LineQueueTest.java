package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.server.PeerMemory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LineQueueTest {
    private final AtomicLong held = new AtomicLong();
    private final PeerMemory counting = delta -> {
        held.addAndGet(delta);
        return true;
    };

    @Test
    void refusesALineThatWouldPassTheByteBoundAndCountsUtf8Bytes() {
        LineQueue queue = new LineQueue(10, counting);

        assertTrue(queue.offer("héllo"));          // 6 UTF-8 bytes
        assertFalse(queue.offer("world"), "6 + 5 bytes is over the bound of 10");
        assertTrue(queue.offer("wor"));
        assertEquals(9, held.get());
    }

    @Test
    void takingALineGivesBackWhatItCountedAndMarkersCountNothing() throws InterruptedException {
        LineQueue queue = new LineQueue(100, counting);
        String end = new String("end of stream");
        queue.offer("end of stream");
        queue.mark(end);

        String first = queue.take();
        assertEquals("end of stream", first);
        assertFalse(first == end, "a chat line with a marker's text is not the marker");
        assertSame(end, queue.take());
        assertEquals(0, held.get());
        assertNull(queue.poll());
    }

    @Test
    void clearingGivesBackEveryLine() {
        LineQueue queue = new LineQueue(100, counting);
        queue.offer("one");
        queue.offer("two");
        queue.mark(new String("stop"));

        queue.clear();

        assertEquals(0, held.get());
        assertNull(queue.poll());
        assertTrue(queue.offer("x".repeat(100)), "the whole bound is free again");
    }

    @Test
    void aLineTheMemoryBudgetRefusesIsNotQueued() {
        LineQueue queue = new LineQueue(100, delta -> delta < 0);

        assertFalse(queue.offer("shed"));
        assertNull(queue.poll());
    }
}

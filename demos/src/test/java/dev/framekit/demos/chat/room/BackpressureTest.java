package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Senders held back while a member is behind, and let go when it catches up, leaves or stalls. */
class BackpressureTest {
    private final Backpressure pressure = new Backpressure(100, Duration.ofMinutes(10));
    private final Queue sender = new Queue();
    private final Queue slow = new Queue();

    /** A member whose backlog the test sets. */
    private final class Queue extends Member {
        volatile long backlog;

        Queue() {
            super("test");
            pacedBy(pressure);
        }

        /** Queues {@code bytes} more, as the room does. */
        void fill(long bytes) {
            backlog += bytes;
            pressure.queued(this);
        }

        /** Its writer takes {@code bytes}. */
        void drain(long bytes) {
            backlog -= bytes;
            took();
        }

        @Override
        protected long backlog() {
            return backlog;
        }

        @Override
        protected boolean deliver(String line) {
            return true;
        }

        @Override
        protected void close(Outbound.Close how) {}

        @Override
        protected void disconnect(String reason) {}
    }

    private CompletableFuture<Member> awaitFor(Member who, Backpressure on) {
        CompletableFuture<Member> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> result.complete(on.stalledOrNone(who)));
        return result;
    }

    @Test
    void aMemberIsBehindPastTheHighWaterMarkUntilItIsBackAtHalfOfIt() {
        slow.fill(100);
        assertFalse(slow.behind, "at the mark");
        slow.fill(1);
        assertTrue(slow.behind);
        slow.drain(50);
        assertTrue(slow.behind, "51 bytes: over the low-water mark");
        slow.drain(1);
        assertFalse(slow.behind);
    }

    @Test
    void aSenderWaitsWhileAnotherMemberIsBehindAndGoesOnWhenItCatchesUp() throws Exception {
        slow.fill(500);
        CompletableFuture<Member> waiting = awaitFor(sender, pressure);
        Thread.sleep(100);
        assertFalse(waiting.isDone(), "the sender went on while a member was behind");
        slow.drain(450);
        assertNull(waiting.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aSenderNeverWaitsForItself() throws Exception {
        sender.fill(500);
        assertNull(awaitFor(sender, pressure).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aMemberThatLeavesLetsTheSendersGo() throws Exception {
        slow.fill(500);
        CompletableFuture<Member> waiting = awaitFor(sender, pressure);
        Thread.sleep(100);
        assertFalse(waiting.isDone());
        pressure.gone(slow);
        assertNull(waiting.get(5, TimeUnit.SECONDS));
    }

    @Test
    void shuttingDownLetsEverySenderGoAndHoldsNobodyBackAfter() throws Exception {
        slow.fill(500);
        CompletableFuture<Member> waiting = awaitFor(sender, pressure);
        pressure.close();
        assertNull(waiting.get(5, TimeUnit.SECONDS));
        slow.fill(500);
        assertNull(awaitFor(sender, pressure).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aMemberBehindThatTakesNothingForTheWriteTimeoutIsHandedBackToBeDropped() throws Exception {
        Backpressure quick = new Backpressure(100, Duration.ofMillis(200));
        Queue stuck = new Queue();
        stuck.pacedBy(quick);
        stuck.backlog = 500;
        quick.queued(stuck);
        assertFalse(quick.stalled(stuck));
        assertSame(stuck, awaitFor(sender, quick).get(5, TimeUnit.SECONDS));
        assertTrue(quick.stalled(stuck));
        assertEquals("disconnected: too far behind, it took no line for 200 ms (--write-timeout)", quick.stallReason);
    }

    @Test
    void aMemberBehindThatKeepsTakingIsNeverStalled() throws Exception {
        Backpressure quick = new Backpressure(1000, Duration.ofSeconds(1));
        Queue reading = new Queue();
        reading.pacedBy(quick);
        reading.backlog = 5000;
        quick.queued(reading);
        CompletableFuture<Member> waiting = awaitFor(sender, quick);
        for (int i = 0; i < 45; i++) { // down to the low-water mark, 100 bytes every 25 ms: longer than the timeout
            Thread.sleep(25);
            reading.backlog -= 100;
            reading.took();
        }
        assertNull(waiting.get(5, TimeUnit.SECONDS), "held back until it caught up, never handed back as stalled");
    }
}

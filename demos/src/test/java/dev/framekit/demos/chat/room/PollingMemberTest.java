package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PollingMemberTest {
    private final PollingMember member = new PollingMember("token", "test", FloodControl.Limits.NONE.start());
    /** Behind past ten 6-byte lines, caught up at five. */
    private final Backpressure pressure = new Backpressure(60, Duration.ofSeconds(30));

    private boolean deliver(PollingMember to, String line) {
        boolean queued = to.deliver(line);
        pressure.queued(to);
        return queued;
    }

    @Test
    void aPollReturnsTheLinesSinceTheLastAcknowledgedOne() throws Exception {
        member.deliver("one");
        member.deliver("two");
        PollingMember.Batch first = member.poll(0, Duration.ZERO, 1 << 20);
        assertEquals(List.of("one", "two"), first.lines());
        assertEquals(2, first.last());
        member.deliver("three");
        PollingMember.Batch second = member.poll(first.last(), Duration.ZERO, 1 << 20);
        assertEquals(List.of("three"), second.lines());
        assertEquals(3, second.last());
    }

    @Test
    void aMemberNeverHeardFromSinceJoiningIsSilentOnceItsGraceIsOver() throws Exception {
        assertFalse(member.silentSinceJoiningFor(Duration.ofHours(1)), "within its grace");
        Thread.sleep(2); // some time has passed since it joined
        assertTrue(member.silentSinceJoiningFor(Duration.ofMillis(1)), "never polled nor posted: a JOIN and nothing else");
    }

    @Test
    void aMemberThatPolledOrPostedIsNeverSilentSinceJoining() throws Exception {
        PollingMember poster = new PollingMember("poster", "test", FloodControl.Limits.NONE.start());
        poster.touch(); // a SAY
        member.poll(0, Duration.ZERO, 1 << 20);
        Thread.sleep(2);
        assertFalse(member.silentSinceJoiningFor(Duration.ofMillis(1)), "it polled");
        assertFalse(poster.silentSinceJoiningFor(Duration.ofMillis(1)), "it posted");
    }

    @Test
    void aLostPollReplyIsSentAgainSoNothingIsMissed() throws Exception {
        member.deliver("one");
        member.poll(0, Duration.ZERO, 1 << 20);
        // The client never got that reply and polls again from 0.
        PollingMember.Batch again = member.poll(0, Duration.ZERO, 1 << 20);
        assertEquals(List.of("one"), again.lines());
    }

    @Test
    void aWaitingPollIsAnsweredWhenALineArrives() throws Exception {
        CompletableFuture<PollingMember.Batch> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return member.poll(0, Duration.ofSeconds(10), 1 << 20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(poll.isDone());
        member.deliver("hello");
        assertEquals(List.of("hello"), poll.get(5, TimeUnit.SECONDS).lines());
    }

    @Test
    void aPollWithNothingNewTimesOutEmpty() throws Exception {
        PollingMember.Batch batch = member.poll(0, Duration.ofMillis(50), 1 << 20);
        assertTrue(batch.lines().isEmpty());
        assertNull(batch.goneReason());
    }

    @Test
    void aMemberThatNeverPollsFallsBehindAtItsHighWaterAndCatchesUpByAcknowledging() throws Exception {
        member.pacedBy(pressure);
        for (int i = 0; i < 10; i++) {
            assertTrue(deliver(member, "line " + i));
            assertFalse(member.behind, "line " + i);
        }
        assertTrue(deliver(member, "one too many"), "a line is never refused for being behind");
        assertTrue(member.behind);
        PollingMember.Batch batch = member.poll(0, Duration.ZERO, 1 << 20);
        assertTrue(member.behind, "lines sent in a reply but not acknowledged are still queued");
        assertEquals(11, batch.last());
        member.poll(5, Duration.ZERO, 1 << 20);
        assertTrue(member.behind, "42 bytes left: not yet back at the low-water mark of 30");
        member.poll(7, Duration.ZERO, 1 << 20);
        assertFalse(member.behind, "30 bytes left");
    }

    @Test
    void aMemberFallsBehindByBytesNotLines() {
        Backpressure small = new Backpressure(1000, Duration.ofSeconds(30));
        PollingMember poller = new PollingMember("token", "test", FloodControl.Limits.NONE.start());
        poller.pacedBy(small);
        assertTrue(poller.deliver("x".repeat(999)));
        small.queued(poller);
        assertFalse(poller.behind);
        assertTrue(poller.deliver("yy"));
        small.queued(poller);
        assertTrue(poller.behind, "1,001 bytes unread is past a 1,000-byte high-water mark");
    }

    @Test
    void aPollReplyIsCappedInSizeButCarriesAtLeastOneLine() throws Exception {
        PollingMember roomy = new PollingMember("token", "test", FloodControl.Limits.NONE.start());
        roomy.deliver("x".repeat(100));
        roomy.deliver("y".repeat(100));
        PollingMember.Batch batch = roomy.poll(0, Duration.ZERO, 10);
        assertEquals(1, batch.lines().size());
        assertEquals(1, batch.last());
    }

    @Test
    void afterTheMemberEndsQueuedLinesAreStillDeliveredThenItIsGone() throws Exception {
        member.deliver("-- bye");
        member.close(Outbound.Close.BYE);
        PollingMember.Batch last = member.poll(0, Duration.ZERO, 1 << 20);
        assertEquals(List.of("-- bye"), last.lines());
        PollingMember.Batch gone = member.poll(last.last(), Duration.ZERO, 1 << 20);
        assertEquals("quit", gone.goneReason());
    }

    @Test
    void theBudgetCountsEachQueuedLinesObjectsAndGetsThemBack() throws Exception {
        java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();
        member.account(delta -> {
            held.addAndGet(delta);
            return true;
        });
        member.deliver("a");
        member.deliver("héllo");
        member.deliver("x");
        assertEquals(1 + 6 + 1 + 3 * Member.QUEUED_LINE_OVERHEAD, held.get());
        assertEquals(8, member.backlog(), "the backlog stays in line bytes");
        member.poll(2, Duration.ZERO, 1 << 20); // "a" and "héllo" acknowledged
        assertEquals(1 + Member.QUEUED_LINE_OVERHEAD, held.get());
        member.disconnect("disconnected: too far behind");
        assertEquals(0, held.get(), "a dropped member gives back its lines and their objects");
    }
}

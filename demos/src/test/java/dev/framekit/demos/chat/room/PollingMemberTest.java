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
    private final PollingMember member = new PollingMember("token", 60, "test", 0); // ten 6-byte lines

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
    void aMemberThatNeverPollsFallsBehindAtItsCapacity() {
        for (int i = 0; i < 10; i++) {
            assertTrue(member.deliver("line " + i));
        }
        assertFalse(member.deliver("one too many"));
    }

    @Test
    void aMemberFallsBehindByBytesNotLines() {
        PollingMember small = new PollingMember("token", 1000, "test", 0);
        assertTrue(small.deliver("x".repeat(999)));
        assertFalse(small.deliver("yy"), "1,001 bytes unread is past a 1,000-byte queue");
        assertTrue(small.deliver("z"));
    }

    @Test
    void aPollReplyIsCappedInSizeButCarriesAtLeastOneLine() throws Exception {
        PollingMember roomy = new PollingMember("token", 1000, "test", 0);
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
}

package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Slow;
import org.junit.jupiter.api.Test;

@Slow
class FloodControlTest {
    @Test
    void aBurstWithinTheLimitIsNotSlowed() {
        FloodControl flood = new FloodControl.Limits(100, 0).start();
        for (int i = 0; i < 90; i++) {
            assertFalse(flood.acquire(10), "line " + i);
        }
    }

    @Test
    void postingFasterThanTheLimitWaitsInsteadOfDropping() {
        FloodControl flood = new FloodControl.Limits(200, 0).start();
        boolean waited = false;
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            waited |= flood.acquire(10);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited);
        // 300 lines at 200/s with a one-second burst: the last 100 need about half a second.
        assertTrue(elapsedMillis >= 350, "took only " + elapsedMillis + " ms");
    }

    @Test
    void aControlIsRestedUntilItsBurstIsTakenSoAnIdleOneCanBeForgotten() {
        FloodControl joins = new FloodControl.Limits(5, 0).start();
        assertTrue(joins.rested(), "a fresh control has its whole burst");
        for (int i = 0; i < 5; i++) {
            joins.acquire(0);
        }
        assertFalse(joins.rested(), "the burst is taken: forgetting the control would give another");
    }

    @Test
    void zeroTurnsFloodControlOff() {
        FloodControl flood = FloodControl.Limits.NONE.start();
        for (int i = 0; i < 100_000; i++) {
            assertFalse(flood.acquire(10));
        }
    }

    @Test
    void firstWaitIsReportedOnceAndTheNoticeNamesTheLimit() {
        FloodControl flood = new FloodControl.Limits(50, 0).start();
        int reported = 0;
        for (int i = 0; i < 120; i++) {
            reported += flood.acquireFirstWait(10) ? 1 : 0;
        }
        assertEquals(1, reported, "the member is told once, however long it floods");
        assertEquals("-- you are sending more than 50 lines a second; your posts are being slowed down (nothing is lost)",
                flood.notice("your posts are"));
    }

    @Test
    void bytesAreCountedTooAndTheNoticeNamesTheByteLimit() {
        FloodControl flood = new FloodControl.Limits(1000, 64 * 1024).start();
        assertFalse(flood.acquireFirstWait(64 * 1024), "a burst of one second's worth goes at once");
        long start = System.nanoTime();
        assertTrue(flood.acquireFirstWait(16 * 1024), "past the bytes a second, the member waits though few lines came");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 200, "16 KiB at 64 KiB a second waited only " + elapsedMillis + " ms");
        assertEquals("-- you are sending more than 64 KiB a second; your connection is being slowed down (nothing is lost)",
                flood.notice("your connection is"));
    }
}

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
        FloodControl flood = new FloodControl(100);
        for (int i = 0; i < 90; i++) {
            assertFalse(flood.acquire(), "line " + i);
        }
    }

    @Test
    void postingFasterThanTheLimitWaitsInsteadOfDropping() {
        FloodControl flood = new FloodControl(200);
        boolean waited = false;
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            waited |= flood.acquire();
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited);
        // 300 lines at 200/s with a one-second burst: the last 100 need about half a second.
        assertTrue(elapsedMillis >= 350, "took only " + elapsedMillis + " ms");
    }

    @Test
    void zeroTurnsFloodControlOff() {
        FloodControl flood = new FloodControl(0);
        for (int i = 0; i < 100_000; i++) {
            assertFalse(flood.acquire());
        }
    }

    @Test
    void firstWaitIsReportedOnceAndTheNoticeNamesTheLimit() {
        FloodControl flood = new FloodControl(50);
        int reported = 0;
        for (int i = 0; i < 120; i++) {
            reported += flood.acquireFirstWait() ? 1 : 0;
        }
        assertEquals(1, reported, "the member is told once, however long it floods");
        assertEquals("-- you are sending more than 50 lines a second; your posts are being slowed down (nothing is lost)",
                flood.notice("your posts are"));
    }
}

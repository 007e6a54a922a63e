package dev.framekit.demos.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.compare.measure.KeepAwake;
import dev.framekit.framing.support.Slow;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
@Slow

class KeepAwakeTest {
    private static long spinners() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("compare-keep-awake-") && t.isAlive()).count();
    }

    @Test
    void spinnersBurnCpuWhileOpenAndAreGoneWhenClosed() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids;
        try (KeepAwake awake = new KeepAwake(2)) {
            assertEquals(2, spinners());
            ids = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("compare-keep-awake-")).mapToLong(Thread::threadId).toArray();
            Thread.sleep(200);
            long cpu = Arrays.stream(ids).map(threads::getThreadCpuTime).sum();
            assertTrue(cpu > 50_000_000L, "the spinners spun for only " + cpu + " ns of CPU in 200 ms");
        }
        assertEquals(0, spinners(), "close() stops and joins every spinner");
    }

    @Test
    void noThreadsMeansNoSpinners() {
        try (KeepAwake awake = new KeepAwake(0)) {
            assertEquals(0, spinners());
        }
    }

    @Test
    void leavesOneCpuForTheRunningSide() {
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), KeepAwake.defaultThreads());
    }
}

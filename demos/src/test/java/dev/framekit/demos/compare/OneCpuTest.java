package dev.framekit.demos.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.compare.measure.OneCpu;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole process moves onto one CPU and back, as the kernel sees it (each thread's
 * {@code Cpus_allowed_list}). Needs Linux with two CPUs or more and util-linux's taskset, as CI has.
 */
@Peer
@Needs(Capability.TASKSET)
@Timeout(60)
class OneCpuTest {
    @Test
    void planPicksTheLastOfTheProcessCpus() {
        OneCpu.Plan plan = OneCpu.plan();

        assertTrue(plan.possible(), "this test needs Linux, 2+ CPUs and taskset: " + plan.describe());
        List<Integer> cpus = OneCpu.parse(plan.original());
        assertEquals(cpus.get(cpus.size() - 1), plan.cpu());
        assertEquals("one CPU (cpu " + plan.cpu() + " of " + plan.original() + ")", plan.describe());
    }

    @Test
    void pinMovesEveryThreadAndThreadsStartedMeanwhileAndCloseMovesThemAllBack() throws Exception {
        OneCpu.Plan plan = OneCpu.plan();
        String before = allowed(tid());
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> earlier = new AtomicReference<>();
        Thread started = parked(earlier, release);
        AtomicReference<String> later = new AtomicReference<>();
        String mine;
        String laterThread;
        try (OneCpu pinned = OneCpu.pin(plan)) {
            assertEquals(plan.cpu(), pinned.cpu());
            mine = allowed(tid());
            Thread meanwhile = parked(later, release);
            laterThread = allowed(later.get());
            assertEquals(String.valueOf(plan.cpu()), allowed(earlier.get()), "a thread that was already running");
            release.countDown();
            meanwhile.join();
        }
        started.join();

        assertEquals(String.valueOf(plan.cpu()), mine, "the pinning thread");
        assertEquals(String.valueOf(plan.cpu()), laterThread, "a thread started while pinned inherits the CPU");
        assertEquals(before, allowed(tid()), "close gives the CPUs back");
        assertFalse(before.equals(String.valueOf(plan.cpu())));
    }

    @Test
    void parseReadsTheKernelsCpuLists() {
        assertEquals(List.of(0, 1, 2, 3, 6, 8, 9), OneCpu.parse("0-3,6,8-9"));
        assertEquals(List.of(5), OneCpu.parse("5"));
    }

    @Test
    void noPlanMeansNoPinning() throws Exception {
        String before = allowed(tid());
        try (OneCpu pinned = OneCpu.pin(OneCpu.Plan.notAsked())) {
            assertEquals(-1, pinned.cpu());
            assertEquals(before, allowed(tid()));
        }
        assertEquals("all CPUs (--all-cpus)", OneCpu.Plan.notAsked().describe());
    }

    /** A thread that records its tid, then waits for {@code release}; returns once the tid is known. */
    private static Thread parked(AtomicReference<String> tid, CountDownLatch release) throws InterruptedException {
        CountDownLatch known = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                tid.set(tid());
                known.countDown();
                release.await();
            } catch (Exception e) {
                known.countDown();
            }
        });
        thread.start();
        known.await();
        return thread;
    }

    private static String tid() throws Exception {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }

    private static String allowed(String tid) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/task", tid, "status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElseThrow();
    }
}

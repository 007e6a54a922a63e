package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Slow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    private static final int PEER = MemoryBudget.PER_PEER_BYTES;

    private final List<String> shed = new ArrayList<>();
    private final MemoryBudget budget = MemoryBudget.of(3 * PEER + 100_000);

    private MemoryBudget.Account open(String name) {
        return budget.open(reason -> shed.add(name + ": " + reason));
    }

    private record Peers(MemoryBudget.Account small, MemoryBudget.Account big, MemoryBudget.Account growing) {}

    /** small, big and growing take 10,000, 60,000 and 40,000 bytes: growing takes the budget over, and big is shed. */
    private Peers bigShed() {
        Peers peers = new Peers(open("small"), open("big"), open("growing"));
        peers.small().set(10_000);
        peers.big().set(60_000);
        peers.growing().set(40_000);
        return peers;
    }

    @Test
    void everyPeerIsChargedItsFixedCostAndGivesItBackWhenClosed() {
        MemoryBudget.Account one = open("one");
        assertEquals(PEER, budget.used());
        one.set(1000);
        assertEquals(PEER + 1000, budget.used());
        one.close();
        assertEquals(0, budget.used());
    }

    @Test
    void goingOverShedsThePeerThatHoldsMostAndOnlyIt() {
        MemoryBudget.Account small = open("small");
        MemoryBudget.Account big = open("big");
        MemoryBudget.Account growing = open("growing");
        assertTrue(small.set(10_000));
        assertTrue(big.set(60_000));

        assertTrue(growing.set(40_000), "the one that asked is not the costliest: it is served");

        assertEquals(1, shed.size(), shed.toString());
        assertTrue(shed.get(0).startsWith("big: holding 60000 bytes, the most of any peer"), shed.get(0));
        assertTrue(shed.get(0).endsWith("closed it (--max-memory)"), shed.get(0));
        assertFalse(big.set(1), "a shed peer takes nothing more");
        assertEquals(1, budget.shedCount());
        big.close();
        assertFalse(budget.over());
    }

    @Test
    void aShedPeerStillCountsAsHeldUntilItsConnectionHasEnded() {
        MemoryBudget.Account big = bigShed().big();

        assertEquals(List.of("big"), shed.stream().map(line -> line.substring(0, line.indexOf(':'))).toList());
        assertEquals(2 * PEER + 50_000, budget.used(), "the peers still counted; nobody else is shed for big");
        assertEquals(PEER + 60_000, budget.releasing(), "big's thread has not yet let go of what it held");
        assertTrue(budget.over(), "so the heap still holds it: new peers are refused");
        assertTrue(budget.fullReason().contains((PEER + 60_000) + " more by shed peers not yet ended"), budget.fullReason());

        big.close();
        assertEquals(0, budget.releasing());
        assertFalse(budget.over());
        big.close();
        assertEquals(0, budget.releasing(), "closing twice gives back nothing more");
    }

    @Slow
    @Test
    void aReadWaitsForShedPeersToLetGoAndGoesOnAsSoonAsTheyHave() throws InterruptedException {
        Peers peers = bigShed();
        MemoryBudget.Account big = peers.big();
        MemoryBudget.Account growing = peers.growing();

        Thread reader = Thread.ofVirtual().start(growing::awaitReleases);
        reader.join(Duration.ofMillis(300));
        assertTrue(reader.isAlive(), "while big still holds its bytes, the next read waits");
        big.close();
        reader.join(Duration.ofMillis(500));
        assertFalse(reader.isAlive(), "once big has let go, it goes on");
    }

    @Slow
    @Test
    void aReadDoesNotWaitUnderTheLimitNorForLongerThanTheReleaseWait() {
        MemoryBudget.Account small = open("small");
        MemoryBudget.Account big = open("big");
        MemoryBudget.Account growing = open("growing");
        small.set(10_000);
        long start = System.nanoTime();
        small.awaitReleases();
        assertTrue(System.nanoTime() - start < Duration.ofMillis(200).toNanos(), "nothing shed: no wait");

        big.set(60_000);
        growing.set(40_000); // sheds big, which never ends
        start = System.nanoTime();
        growing.awaitReleases();
        long waited = System.nanoTime() - start;
        assertTrue(waited >= MemoryBudget.RELEASE_WAIT.toNanos(), "waited " + waited + " ns");
        assertTrue(waited < MemoryBudget.RELEASE_WAIT.toNanos() * 3, "waited " + waited + " ns: a stuck peer must not stop reads");
        assertEquals(PEER + 60_000, budget.releasing());
    }

    @Test
    void aPeerThatAsksForTooMuchIsShedItself() {
        MemoryBudget.Account greedy = open("greedy");

        assertFalse(greedy.set(1_000_000));

        assertEquals(1, shed.size());
        assertEquals(0, budget.used());
    }

    @Test
    void theDefaultIsHalfTheMaxHeapAndSaysSo() {
        MemoryBudget defaults = MemoryBudget.of(0);
        assertTrue(defaults.limit() > 0);
        assertTrue(defaults.describe().contains("50% of the"), defaults.describe());
    }

    @Test
    void peersThatGoOverAtOnceShedOnlyTheOneThatHoldsMost() throws Exception {
        int readers = 4;
        for (int round = 0; round < 300; round++) {
            MemoryBudget room = MemoryBudget.of((readers + 1) * PEER + 1_000_000);
            List<String> roundShed = java.util.Collections.synchronizedList(new ArrayList<>());
            MemoryBudget.Account stuck = room.open(reason -> roundShed.add("stuck"));
            assertTrue(stuck.set(990_000), "a never-reader holds nearly all of it");
            List<MemoryBudget.Account> reading = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                String name = "reader" + r;
                reading.add(room.open(reason -> roundShed.add(name)));
            }
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(readers);
            List<Thread> lines = new ArrayList<>();
            for (MemoryBudget.Account reader : reading) { // a line to each reader at once takes the total over
                lines.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    reader.add(5_000);
                }));
            }
            for (Thread line : lines) {
                line.join();
            }
            assertEquals(List.of("stuck"), roundShed, "round " + round + ": the never-reader alone, however the readers raced");
        }
    }

    @Test
    void peersThatGrowAndShrinkOnManyThreadsWhileOthersAreShedLeaveNothingBehind() throws Exception {
        MemoryBudget tight = MemoryBudget.of(8 * PEER + 50_000);
        int threads = 8;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = t;
            workers.add(Thread.ofPlatform().start(() -> {
                java.util.Random random = new java.util.Random(seed);
                for (int peer = 0; peer < 200; peer++) {
                    MemoryBudget.Account account = tight.open(reason -> { });
                    for (int step = 0; step < 50; step++) {
                        int bytes = random.nextInt(20_000);
                        if (random.nextBoolean()) {
                            account.add(bytes);
                        } else {
                            account.set(bytes);
                        }
                        account.add(-random.nextInt(1 + (int) account.held()));
                    }
                    account.close();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }

        assertEquals(0, tight.used(), "every account closed: nothing may stay counted (a leak refuses every new peer)");
        assertEquals(0, tight.releasing(), "every shed account closed: nothing may stay owed");
        assertFalse(tight.over());
    }

    @Test
    void whenTheHeapIsFullerThanTheBudgetKnowsThePeerThatHoldsMostIsShedUnderItsLimit() {
        MemoryBudget.Account small = open("small");
        MemoryBudget.Account big = open("big");
        small.set(10_000);
        big.set(20_000);
        assertFalse(budget.over(), "well under the budget's own limit");

        assertTrue(budget.shedForHeap(HeapWatch.describe("G1 Old Gen", 55 << 20, 64 << 20)));
        assertTrue(budget.over(), "for a moment new peers are refused, and reads wait for the shed one to let go");
        assertTrue(budget.fullReason().contains("the heap is nearly full"), budget.fullReason());

        assertEquals(1, shed.size(), shed.toString());
        assertTrue(shed.get(0).startsWith("big: holding 20000 bytes, the most of any peer, when a collection left the heap"
                + " with G1 Old Gen at 55.0 of 64.0 MiB, over its " + HeapWatch.THRESHOLD_PERCENT + "% threshold"), shed.get(0));
        assertTrue(shed.get(0).endsWith("closed it (--max-memory)"), shed.get(0));
        assertFalse(budget.shedForHeap("again"), "big has not let go yet: the next collection tells whether that was enough");
        big.close();
        assertTrue(budget.shedForHeap("still full"), "it was not: the next costliest goes");
        assertEquals(2, shed.size());
        assertFalse(small.set(1));
    }

    @Test
    void theHeapIsWatchedOnItsOldGenerationAtAThresholdUnderItsMax() {
        MemoryBudget.of(0);
        List<java.lang.management.MemoryPoolMXBean> pools = HeapWatch.watchedPools();
        assertFalse(pools.isEmpty(), "every collector of this JVM has an old generation pool with thresholds");
        for (java.lang.management.MemoryPoolMXBean pool : pools) {
            long max = pool.getUsage().getMax();
            assertEquals(max / 100 * HeapWatch.THRESHOLD_PERCENT, pool.getCollectionUsageThreshold(), pool.getName());
        }
    }

    @Test
    void anIdleConnectionIsCountedWithItsTwoIdleBuffers() {
        assertEquals(PEER + 1024, MemoryBudget.of(1 << 20).idlePeerBytes());
        assertEquals(20 * 1024 + 1024, MemoryBudget.of(1 << 20, 20 * 1024).idlePeerBytes());
        assertEquals(MemoryBudget.IDLE_BUFFER_BYTES, MemoryBudget.heapCost(512) * 2);
    }
}

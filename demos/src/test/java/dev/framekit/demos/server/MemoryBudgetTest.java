package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertFalse(budget.over());
        assertFalse(big.set(1), "a shed peer takes nothing more");
        assertEquals(1, budget.shedCount());
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
        assertFalse(tight.over());
    }
}

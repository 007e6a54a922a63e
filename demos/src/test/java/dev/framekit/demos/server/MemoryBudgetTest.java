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
}

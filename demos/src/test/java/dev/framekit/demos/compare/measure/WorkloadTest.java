package dev.framekit.demos.compare.measure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The expected tally, computed once per workload and kept, is the tally of the messages themselves. */
class WorkloadTest {

    /** The tally a receiver makes of messages 0..count-1, message by message. */
    private static Tally received(Workload workload, long count, Tally.Mode mode) {
        Tally tally = new Tally(mode);
        for (long i = 0; i < count; i++) {
            tally.add(workload.message(i), 0, workload.size());
        }
        return tally;
    }

    @Test
    void expectsWhatAReceiverTalliesForAnyCountInAnyOrder() {
        for (int size : new int[] {1, 16, 1024}) {
            Workload workload = new Workload(size);
            for (long count : new long[] {0, 1, 700, 5, 3000, 2999, 1}) {
                for (Tally.Mode mode : Tally.Mode.values()) {
                    Tally expected = workload.expected(count, mode);
                    assertTrue(expected.sameAs(received(workload, count, mode)),
                            size + " B, " + count + " messages, " + mode + ": " + expected);
                }
            }
        }
    }

    @Test
    void aLostReorderedOrShortMessageDoesNotMatch() {
        Workload workload = new Workload(16);
        Tally missingOne = new Tally(Tally.Mode.MESSAGES);
        Tally reordered = new Tally(Tally.Mode.MESSAGES);
        for (long i = 0; i < 10; i++) {
            if (i != 4) {
                missingOne.add(workload.message(i), 0, 16);
            }
            reordered.add(workload.message(i == 3 ? 4 : i == 4 ? 3 : i), 0, 16);
        }
        Tally shortLast = received(workload, 9, Tally.Mode.MESSAGES);
        shortLast.add(workload.message(9), 0, 15);

        assertFalse(workload.expected(10, Tally.Mode.MESSAGES).sameAs(missingOne));
        assertFalse(workload.expected(10, Tally.Mode.MESSAGES).sameAs(reordered));
        assertFalse(workload.expected(10, Tally.Mode.MESSAGES).sameAs(shortLast));
    }
}

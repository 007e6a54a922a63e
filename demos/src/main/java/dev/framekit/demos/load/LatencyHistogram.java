package dev.framekit.demos.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Round-trip times in a fixed, small histogram that any number of threads record into at once:
 * exact below 128 ns, then 64 buckets per power of two (within 1.6%). Its memory does not grow
 * with the number of samples, so a long run costs no more than a short one.
 */
final class LatencyHistogram {
    private static final int SUB_BUCKETS = 64;
    private static final int EXACT = 2 * SUB_BUCKETS;
    private static final int SIZE = EXACT + (63 - 7) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(SIZE);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    /** Records one round trip of {@code nanos}. */
    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.incrementAndGet(index(value));
        total.incrementAndGet();
        max.accumulateAndGet(value, Math::max);
    }

    /** How many round trips were recorded. */
    long count() {
        return total.get();
    }

    /** The longest round trip, in nanoseconds. */
    long max() {
        return max.get();
    }

    /** The round trip that {@code quantile} (e.g. 0.99) of all are no longer than, in nanoseconds; 0 when empty. */
    long percentile(double quantile) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * n));
        long seen = 0;
        for (int i = 0; i < SIZE; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(max.get(), highestIn(i));
            }
        }
        return max.get();
    }

    static int index(long value) {
        if (value < EXACT) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) (value >>> (exponent - 6)) & (SUB_BUCKETS - 1);
        return EXACT + (exponent - 7) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long highestIn(int index) {
        if (index < EXACT) {
            return index;
        }
        int exponent = (index - EXACT) / SUB_BUCKETS + 7;
        int sub = (index - EXACT) % SUB_BUCKETS;
        long lowest = (long) (SUB_BUCKETS + sub) << (exponent - 6);
        return lowest + (1L << (exponent - 6)) - 1;
    }
}

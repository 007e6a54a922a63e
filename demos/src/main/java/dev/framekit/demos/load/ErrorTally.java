package dev.framekit.demos.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Errors counted by kind, each kind with the first one seen as an example. Safe for any number of threads. */
final class ErrorTally {
    private final AtomicLongArray counts = new AtomicLongArray(ErrorKind.values().length);
    private final AtomicReferenceArray<String> examples = new AtomicReferenceArray<>(ErrorKind.values().length);

    /** Counts one error of {@code kind}; the first of each kind is kept as its example. */
    void add(ErrorKind kind, String example) {
        counts.incrementAndGet(kind.ordinal());
        examples.compareAndSet(kind.ordinal(), null, example);
    }

    /** How many errors of {@code kind}. */
    long count(ErrorKind kind) {
        return counts.get(kind.ordinal());
    }

    /** Every error, of every kind. */
    long total() {
        long sum = 0;
        for (ErrorKind kind : ErrorKind.values()) {
            sum += count(kind);
        }
        return sum;
    }

    /** Failed verifications: corrupt or out-of-order echoes. */
    long verificationFailures() {
        return count(ErrorKind.CORRUPT) + count(ErrorKind.OUT_OF_ORDER);
    }

    /** The kinds that happened, in declaration order, with their counts. */
    Map<ErrorKind, Long> byKind() {
        Map<ErrorKind, Long> out = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            if (count(kind) > 0) {
                out.put(kind, count(kind));
            }
        }
        return out;
    }

    /** The first error of {@code kind}, in one line. */
    String example(ErrorKind kind) {
        return examples.get(kind.ordinal());
    }
}

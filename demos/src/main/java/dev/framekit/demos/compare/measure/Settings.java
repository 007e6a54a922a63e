package dev.framekit.demos.compare.measure;

import java.time.Duration;
import java.util.List;

/**
 * What a comparison runs: the message sizes; per streaming trial a message count or a duration
 * (a count wins when given); round trips per ping-pong trial; trials, i.e. measured rounds (the
 * median and spread over them are reported) after warm-up rounds (at least {@code warmups}, and up
 * to {@code maxWarmups} while the JIT compiler is still busy); and a cap on send-and-close
 * messages, which cost a connection each; whether the whole run moves onto one CPU ({@link OneCpu});
 * and how many spinning threads keep the other CPUs awake during ping-pong trials when it does not
 * ({@link KeepAwake}; 0 for none).
 */
public record Settings(List<Integer> sizes, Long messages, Duration duration, int roundTrips, int trials, int warmups,
        int maxWarmups, int closeCap, boolean oneCpu, int keepAwakeThreads) {

    /** Milliseconds per streaming trial in the quick run. */
    public static final int QUICK_TRIAL_MILLIS = 40;
    /** Milliseconds per streaming trial in the full run. */
    public static final int FULL_TRIAL_MILLIS = 300;
    /** Measured rounds in the quick run. */
    public static final int QUICK_TRIALS = 12;
    /** Measured rounds in the full run. */
    public static final int FULL_TRIALS = 15;

    /**
     * The --quick run: 40 ms trials, whose three warm-up rounds give the JIT too little time, so
     * warm-up goes on (up to 12 rounds) while it is busy.
     */
    public static Settings quick(List<Integer> sizes, Long messages) {
        return new Settings(sizes, messages, Duration.ofMillis(QUICK_TRIAL_MILLIS), 1000, QUICK_TRIALS, 3, 12, 200, true,
                KeepAwake.defaultThreads());
    }

    /** The default, fuller run: three warm-up rounds of 300 ms trials. */
    public static Settings full(List<Integer> sizes, Long messages, Duration duration) {
        return new Settings(sizes, messages, duration == null ? Duration.ofMillis(FULL_TRIAL_MILLIS) : duration, 5000,
                FULL_TRIALS, 3, 3, 2000, true, KeepAwake.defaultThreads());
    }

    /** These settings with no keep-awake spinners: for a run on one CPU, where a spinner would take its time. */
    public Settings withoutKeepAwake() {
        return new Settings(sizes, messages, duration, roundTrips, trials, warmups, maxWarmups, closeCap, oneCpu, 0);
    }

    /** The budget of one streaming trial at {@code size}. */
    public Budget budget() {
        return messages != null ? Budget.messages(messages) : new Budget(Long.MAX_VALUE, duration);
    }

    /** Messages up to this size get every round trip of a ping-pong trial; larger ones proportionally fewer. */
    public static final int FULL_ROUND_TRIP_SIZE = 8 * 1024;
    /** The fewest round trips a large message's ping-pong trial is cut to (enough for the floor check). */
    public static final int MIN_LARGE_ROUND_TRIPS = 250;

    /**
     * Round trips per ping-pong trial of {@code size}-byte messages: {@link #roundTrips()} up to
     * {@link #FULL_ROUND_TRIP_SIZE}, then as many as carry the same bytes (at least
     * {@link #MIN_LARGE_ROUND_TRIPS}), so a 64 KiB trial does not take eight times as long as a
     * 1 KiB one; never more than the message count, if one was given, or than the send-and-close cap.
     */
    public int roundTripsFor(Contender contender, int size) {
        long perSize = size <= FULL_ROUND_TRIP_SIZE ? roundTrips
                : Math.max(Math.min(roundTrips, MIN_LARGE_ROUND_TRIPS), (long) roundTrips * FULL_ROUND_TRIP_SIZE / size);
        long cap = contender instanceof SendAndCloseContender ? closeCap : Long.MAX_VALUE;
        long count = messages != null ? Math.min(messages, perSize) : perSize;
        return (int) Math.max(1, Math.min(count, cap));
    }
}

package dev.framekit.demos.compare.measure;

import java.time.Duration;
import java.util.List;

/**
 * What a comparison runs: the message sizes; per streaming trial a message count or a duration
 * (a count wins when given; {@code largeDuration} from {@link #LARGE_FROM} bytes up); round trips per ping-pong trial; trials, i.e. measured rounds (the
 * median and spread over them are reported) after warm-up rounds (at least {@code warmups}, and up
 * to {@code maxWarmups} while the JIT compiler is still busy); and a cap on send-and-close
 * messages, which cost a connection each; whether the whole run moves onto one CPU ({@link OneCpu});
 * and how many spinning threads keep the other CPUs awake during ping-pong trials when it does not
 * ({@link KeepAwake}; 0 for none).
 */
public record Settings(List<Integer> sizes, Long messages, Duration duration, Duration largeDuration, int roundTrips,
        int trials, int warmups, int maxWarmups, int closeCap, boolean oneCpu, int keepAwakeThreads) {

    /** Milliseconds per streaming trial in the quick run, under {@link #LARGE_FROM} bytes. */
    public static final int QUICK_TRIAL_MILLIS = 20;
    /** Milliseconds per streaming trial in the quick run, from {@link #LARGE_FROM} bytes up. */
    public static final int QUICK_LARGE_TRIAL_MILLIS = 12;
    /** The size from which a trial lasts {@link #largeDuration()}. */
    public static final int LARGE_FROM = 1024;
    /** Milliseconds per streaming trial in the full run. */
    public static final int FULL_TRIAL_MILLIS = 100;
    /** Measured rounds in the quick run. */
    public static final int QUICK_TRIALS = 16;
    /** Measured rounds in the full run. */
    public static final int FULL_TRIALS = 45;

    /*
     * Many short rounds rather than a few long ones: on the 2-vCPU VMs compare was measured on,
     * a trial's rate moved by about ±20 % from one trial to the next whether it lasted 40 ms or
     * 300 ms, so the noise of the median over the rounds falls with the number of rounds, not
     * with their length (docs/performance.md, "Rounds"). Round trips per ping-pong trial are cut
     * in proportion, so the run's round trips (p99 and p99.9 are taken over all of them) stay
     * as many.
     */

    /*
     * --quick's trials are shorter from 1 KiB up: on one CPU a 16 B trial's rate depends on how its
     * sender and receiver share the CPU's time slices, and 20 ms holds few of them, while a 1 KiB
     * or 64 KiB trial moves enough in 12 ms. In the same hour, two three-run checks of this kept 60
     * and 57 of 63 ratios within ±15 % of their medians in 44-47 s a run, and one of 20 ms trials
     * throughout 60 in 54-55 s (docs/performance.md).
     */

    /**
     * The --quick run: 16 rounds of 20 ms trials (12 ms from 1 KiB) and 500 round trips, after 6
     * warm-up rounds at the first size and 2 at the others, and more (up to 8) while the JIT
     * compiler is busy.
     */
    public static Settings quick(List<Integer> sizes, Long messages) {
        return new Settings(sizes, messages, Duration.ofMillis(QUICK_TRIAL_MILLIS), Duration.ofMillis(QUICK_LARGE_TRIAL_MILLIS),
                500, QUICK_TRIALS, 6, 8, 100, true, KeepAwake.defaultThreads());
    }

    /**
     * The default, fuller run: 45 rounds of 100 ms trials and 1,700 round trips, after 9 warm-up
     * rounds and more (up to 18) while the JIT compiler is busy.
     */
    public static Settings full(List<Integer> sizes, Long messages, Duration duration) {
        Duration trial = duration == null ? Duration.ofMillis(FULL_TRIAL_MILLIS) : duration;
        return new Settings(sizes, messages, trial, trial, 1700, FULL_TRIALS, 9, 18, 700, true, KeepAwake.defaultThreads());
    }

    /** These settings with no keep-awake spinners: for a run on one CPU, where a spinner would take its time. */
    public Settings withoutKeepAwake() {
        return new Settings(sizes, messages, duration, largeDuration, roundTrips, trials, warmups, maxWarmups, closeCap, oneCpu, 0);
    }

    /** The budget of one streaming trial at {@code size}. */
    public Budget budget(int size) {
        return messages != null ? Budget.messages(messages) : new Budget(Long.MAX_VALUE, duration(size));
    }

    /** The length of one streaming trial at {@code size}. */
    public Duration duration(int size) {
        return size >= LARGE_FROM ? largeDuration : duration;
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

package dev.framekit.demos.compare.measure;

import java.time.Duration;
import java.util.List;

/**
 * What a comparison runs: the message sizes; per streaming trial a message count or a duration
 * (a count wins when given); round trips per ping-pong trial; trials, i.e. measured rounds (the
 * median and spread over them are reported) after warm-up rounds; and a cap on send-and-close
 * messages, which cost a connection each.
 */
public record Settings(List<Integer> sizes, Long messages, Duration duration, int roundTrips, int trials, int warmups,
        int closeCap) {

    /** The --quick run: the whole comparison in well under a minute. */
    public static Settings quick(List<Integer> sizes, Long messages) {
        return new Settings(sizes, messages, Duration.ofMillis(100), 2000, 5, 1, 200);
    }

    /** The default, fuller run. */
    public static Settings full(List<Integer> sizes, Long messages, Duration duration) {
        return new Settings(sizes, messages, duration == null ? Duration.ofSeconds(1) : duration, 10000, 5, 1, 2000);
    }

    /** The budget of one streaming trial at {@code size}. */
    public Budget budget() {
        return messages != null ? Budget.messages(messages) : new Budget(Long.MAX_VALUE, duration);
    }

    /** Round trips per ping-pong trial (never more than the message count, if one was given). */
    public int roundTripsFor(Contender contender) {
        long cap = contender instanceof SendAndCloseContender ? closeCap : Long.MAX_VALUE;
        long count = messages != null ? Math.min(messages, roundTrips) : roundTrips;
        return (int) Math.max(1, Math.min(count, cap));
    }
}

package dev.framekit.demos.compare.measure;

/**
 * One streaming trial: the sender pushed {@code sent} messages as fast as the contender allows;
 * the receiver tallied what arrived, counting {@code wireBytes} off the socket; {@code nanos} runs
 * from the sender's first byte to the receiver's last message. {@code sender} and
 * {@code receiver} are what the two sides' threads spent on it.
 */
public record StreamRun(long sent, Tally received, long wireBytes, long nanos, int connections, Cost sender,
        Cost receiver) {
    public double messagesPerSecond() {
        return sent * 1e9 / nanos;
    }

    /** This run with {@code more} added to the sender's cost (the thread that called the contender). */
    public StreamRun withSenderCost(Cost more) {
        return new StreamRun(sent, received, wireBytes, nanos, connections, sender.plus(more), receiver);
    }

    /** Sender and receiver CPU nanoseconds per message sent. */
    public double cpuNanosPerMessage() {
        return sent == 0 ? Double.NaN : (double) (sender.cpuNanos() + receiver.cpuNanos()) / sent;
    }

    /** Sender and receiver heap bytes allocated per message sent. */
    public double allocatedBytesPerMessage() {
        return sent == 0 ? Double.NaN : (double) (sender.allocatedBytes() + receiver.allocatedBytes()) / sent;
    }
}

package dev.framekit.demos.compare.measure;

/**
 * One streaming trial: the sender pushed {@code sent} messages as fast as the contender allows;
 * the receiver tallied what arrived, counting {@code wireBytes} off the socket; {@code nanos} runs
 * from the sender's first byte to the receiver's last message.
 */
public record StreamRun(long sent, Tally received, long wireBytes, long nanos, int connections) {
    public double messagesPerSecond() {
        return sent * 1e9 / nanos;
    }
}

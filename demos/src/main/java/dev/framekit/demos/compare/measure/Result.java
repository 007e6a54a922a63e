package dev.framekit.demos.compare.measure;

/**
 * One row of the comparison: a contender at one message size. Every measured figure is a
 * {@link Figure}, the median over the rounds with its spread; every ratio is taken pair by pair
 * within each round (so drift on a busy machine hits both sides alike) and {@link Figure#NONE}
 * where none applies.
 *
 * @param name the contender
 * @param kind framekit, a baseline, Netty, or the user's own framer
 * @param size the payload size in bytes
 * @param messagesPerSecond streaming throughput
 * @param megabytesPerSecond payload megabytes (10^6 bytes) per second
 * @param throughputVsRaw messages/s over the raw pump's, round by round
 * @param classic the classic JDK baseline this row is compared with, or null
 * @param throughputVsClassic messages/s over that baseline's
 * @param netty the Netty contender this row is compared with, or null
 * @param throughputVsNetty messages/s over that Netty row's
 * @param p50Micros round-trip time: each round's median, over the rounds
 * @param p99Micros 99th percentile of every measured round trip of every round
 * @param p999Micros 99.9th percentile of every measured round trip of every round
 * @param p50VsRaw p50 over the raw ping-pong's, round by round (1.0 = as fast as no framing)
 * @param p50VsNetty p50 over the matching Netty row's p50
 * @param cpuNanosPerMessage sender and receiver threads' CPU time per message streamed
 * @param cpuVsRaw CPU per message over the raw pump's, round by round: the cost ratio, which a
 *     descheduled thread does not move (it spends no CPU), so it holds on a busy machine
 * @param senderCpuNanosPerMessage the sender's share of it
 * @param receiverCpuNanosPerMessage the receiver's share of it
 * @param allocatedBytesPerMessage heap bytes sender and receiver allocated per message streamed
 * @param wireBytesPerMessage bytes on the wire per message, counted at the receiver
 * @param overheadPercent wire bytes over payload bytes, minus one, in percent
 * @param connectionsPer1000 TCP connections opened per 1,000 messages streamed
 * @param roundTrips measured round trips behind the percentiles (warm-up left out)
 * @param verifiedMessages messages checked on arrival over all runs (count and checksum)
 * @param qualities the properties that are not measured
 */
public record Result(String name, Kind kind, int size, Figure messagesPerSecond, Figure megabytesPerSecond,
        Figure throughputVsRaw, String classic, Figure throughputVsClassic, String netty, Figure throughputVsNetty,
        Figure p50Micros, double p99Micros, double p999Micros, Figure p50VsRaw, Figure p50VsNetty,
        Figure cpuNanosPerMessage, Figure cpuVsRaw, Figure senderCpuNanosPerMessage, Figure receiverCpuNanosPerMessage,
        Figure allocatedBytesPerMessage, double wireBytesPerMessage, double overheadPercent,
        double connectionsPer1000, long roundTrips, long verifiedMessages, Qualities qualities) {

    /** What a contender is. */
    public enum Kind {
        /** One of framekit's framers. */
        FRAMEKIT,
        /** The raw pump or a classic JDK idiom. */
        BASELINE,
        /** A real Netty client and server. */
        NETTY,
        /** The user's own framer, from --framer-jar. */
        USER;

        /** The name in JSON and CSV. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** True for the raw pump and the classic JDK idioms. */
    public boolean baseline() {
        return kind == Kind.BASELINE;
    }
}

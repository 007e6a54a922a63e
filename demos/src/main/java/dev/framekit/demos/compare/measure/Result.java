package dev.framekit.demos.compare.measure;

/**
 * One row of the comparison: a contender at one message size, medians over the trials, and its
 * ratios to the baselines measured in the same run. A ratio is {@code NaN} where none applies.
 *
 * @param name the contender
 * @param baseline whether it is a baseline
 * @param size the payload size in bytes
 * @param messagesPerSecond streaming throughput, median
 * @param megabytesPerSecond payload megabytes (10^6 bytes) per second, median
 * @param throughputVsRaw messages/s over the raw pump's at this size
 * @param classic the classic baseline this row is compared with, or null
 * @param throughputVsClassic messages/s over that baseline's
 * @param p50Micros round-trip time, median of the trials' medians
 * @param p99Micros round-trip time, median of the trials' 99th percentiles
 * @param p50VsRaw p50 over the raw ping-pong's p50 (1.0 = as fast as no framing)
 * @param wireBytesPerMessage bytes on the wire per message, counted at the receiver
 * @param overheadPercent wire bytes over payload bytes, minus one, in percent
 * @param connectionsPer1000 TCP connections opened per 1,000 messages streamed
 * @param verifiedMessages messages checked on arrival over all trials (count and checksum)
 * @param qualities the properties that are not measured
 */
public record Result(String name, boolean baseline, int size, double messagesPerSecond, double megabytesPerSecond,
        double throughputVsRaw, String classic, double throughputVsClassic, double p50Micros, double p99Micros,
        double p50VsRaw, double wireBytesPerMessage, double overheadPercent, double connectionsPer1000,
        long verifiedMessages, Qualities qualities) {}

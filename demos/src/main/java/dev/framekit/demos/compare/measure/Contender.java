package dev.framekit.demos.compare.measure;

import dev.framekit.framing.Framer;

/**
 * One way of carrying messages over loopback that compare measures: a framekit framer, a
 * baseline (the raw byte pump, the classic JDK idioms), a Netty pipeline, or the user's framer. Each run opens its own loopback server,
 * sends the workload, and returns what the receiver tallied; {@link Comparison} checks it.
 */
public interface Contender {
    /** The name in the table, e.g. {@code length} or {@code raw pump}. */
    public String name();

    /** True for a baseline (the raw pump, the classic JDK idioms), false for every other contender. */
    public boolean baseline();

    /** What it is: framekit, a baseline, Netty or the user's own; drawn from {@link #baseline()} unless told. */
    default Result.Kind kind() {
        return baseline() ? Result.Kind.BASELINE : Result.Kind.FRAMEKIT;
    }

    /** How the receiver tallies: per message, or per byte for an unframed stream. */
    default Tally.Mode tallyMode() {
        return Tally.Mode.MESSAGES;
    }

    /**
     * The framekit framer that carries messages of {@code size} bytes from the end that connects
     * (the sender when streaming, the pinger in ping-pong); null for a baseline.
     */
    public default Framer framer(int size) {
        return null;
    }

    /**
     * The framer of the end that accepts (the receiver, the echo): the same as {@link #framer(int)}
     * for every framing whose two ends are alike, which is every one but WebSocket's.
     */
    public default Framer serverFramer(int size) {
        return framer(size);
    }

    /**
     * Whether this contender can carry messages of {@code size} bytes; compare leaves out a row
     * it cannot (a u16 length field declares at most 65,535 bytes, so it has no 64 KiB row; the
     * JSON framings carry no message under 6 bytes, which is not JSON).
     */
    public default boolean carries(int size) {
        Framer framer = framer(size);
        return framer == null || (framer.maxFrameLength() >= size && framer.check(new Workload(size).message(0)) == null);
    }

    /** The framer's properties that are not measured. */
    public Qualities qualities(int size);

    /** Streams messages one way, pipelined, as fast as they go. */
    public StreamRun stream(Workload workload, Budget budget) throws Exception;

    /** Sends {@code roundTrips} messages one at a time, each echoed back before the next. */
    public LatencyRun pingPong(Workload workload, int roundTrips) throws Exception;
}

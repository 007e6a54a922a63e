package dev.framekit.framing.internal;

/**
 * The first occurrence of one byte value in part of an array: the fast scan that the delimiter
 * search (and the COBS, SLIP and JSON-sequence decoders) skip ahead with.
 *
 * <p>Two implementations give the same answers: {@link #swar()}, eight bytes per step in a
 * {@code long} (plain Java 17), and {@link #vector()}, a whole SIMD register per step through the
 * Vector API ({@code jdk.incubator.vector}), which exists only in a JVM started with
 * {@code --add-modules jdk.incubator.vector} (the {@code framekit} launcher does so). The library
 * targets Java 17 and never needs the module: {@link #best()} looks for it in the boot layer at
 * run time, and only then loads the vector class (reflectively, so no other class refers to it);
 * without it, or on hardware with registers narrower than 128 bits, the SWAR scan runs. The
 * system property {@value #PROPERTY} ({@code swar} or {@code vector}) picks one by hand, for
 * benchmarks; a {@code vector} the JVM cannot run falls back to {@code swar}.
 */
public interface ByteSearch {
    /** The system property that picks a scan by hand: {@code swar}, {@code vector}, or unset (the best available). */
    String PROPERTY = "framekit.scan";

    /** The module that holds the Vector API. */
    String VECTOR_MODULE = "jdk.incubator.vector";

    /**
     * The index of the first byte equal to {@code value} in {@code bytes[from, to)}, or -1.
     * Requires {@code 0 <= from <= to <= bytes.length}.
     */
    int indexOf(byte[] bytes, int from, int to, byte value);

    /** What this scan is, for reports: {@code "swar (8 bytes per step)"}, {@code "vector (64 bytes per step)"}. */
    String describe();

    /** The scan this process uses: {@link #vector()} where the JVM has it (unless {@value #PROPERTY} says {@code swar}), else {@link #swar()}. */
    static ByteSearch best() {
        return ScanChoice.BEST;
    }

    /** The word-at-a-time scan, available everywhere. */
    static ByteSearch swar() {
        return SwarByteSearch.INSTANCE;
    }

    /** The Vector API scan, or null where this JVM does not have {@code jdk.incubator.vector} (or its registers are too narrow to gain). */
    static ByteSearch vector() {
        return ScanChoice.VECTOR;
    }
}

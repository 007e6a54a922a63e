package dev.framekit.framing.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The byte scan a SIMD register at a time, through the Vector API ({@code jdk.incubator.vector}):
 * 16, 32 or 64 bytes per compare, four registers per step with one test of their combined masks,
 * then the register that holds the first match, then the SWAR scan for the last bytes that fill
 * no register.
 *
 * <p>Only {@link ScanChoice} loads this class, by name, and only when the module is in the boot
 * layer: on a JVM without it, nothing refers to this class and it is never loaded. It is compiled
 * against Java 17's edition of the API and uses only what every edition since 16 has
 * ({@code fromArray}, {@code eq}, {@code or}, {@code anyTrue}, {@code firstTrue}).
 */
final class VectorByteSearch implements ByteSearch {
    private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int STEP = 4 * LANES;

    /** Refuses registers narrower than 128 bits, where the SWAR scan is as fast. */
    VectorByteSearch() {
        if (SPECIES.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("SIMD registers of " + SPECIES.vectorBitSize() + " bits");
        }
    }

    @Override
    public int indexOf(byte[] bytes, int from, int to, byte value) {
        int at = from;
        for (int last = to - STEP; at <= last; at += STEP) {
            VectorMask<Byte> any = ByteVector.fromArray(SPECIES, bytes, at).eq(value)
                    .or(ByteVector.fromArray(SPECIES, bytes, at + LANES).eq(value))
                    .or(ByteVector.fromArray(SPECIES, bytes, at + 2 * LANES).eq(value))
                    .or(ByteVector.fromArray(SPECIES, bytes, at + 3 * LANES).eq(value));
            if (any.anyTrue()) {
                break; // one of these four registers holds it: the loop below finds which
            }
        }
        for (int last = to - LANES; at <= last; at += LANES) {
            VectorMask<Byte> found = ByteVector.fromArray(SPECIES, bytes, at).eq(value);
            if (found.anyTrue()) {
                return at + found.firstTrue();
            }
        }
        return SwarByteSearch.scan(bytes, at, to, value);
    }

    @Override
    public String describe() {
        return "vector (" + LANES + " bytes per compare, " + STEP + " per step)";
    }

    @Override
    public String toString() {
        return describe();
    }
}

package dev.framekit.framing.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The byte scan eight bytes at a time in a {@code long} (SIMD within a register), in plain Java:
 * the scan where the Vector API is absent, and the tail of the vector scan.
 *
 * <p>The word test is the classic exact one (no false positives): a byte of
 * {@code x = word ^ pattern} is zero exactly where the word holds the value, and
 * {@code ~(((x & 0x7F..) + 0x7F..) | x | 0x7F..)} has the high bit set in exactly those bytes
 * (the addition cannot carry from one byte into the next). Words are read through a byte-array
 * {@code VarHandle} (little-endian, so the lowest set bit is the first matching byte).
 */
final class SwarByteSearch implements ByteSearch {
    static final SwarByteSearch INSTANCE = new SwarByteSearch();

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long EVERY_BYTE = 0x0101010101010101L;

    private SwarByteSearch() {
    }

    @Override
    public int indexOf(byte[] bytes, int from, int to, byte value) {
        return scan(bytes, from, to, value);
    }

    /** {@link #indexOf}, static, for the vector scan's tail. */
    static int scan(byte[] bytes, int from, int to, byte value) {
        long pattern = (value & 0xFFL) * EVERY_BYTE;
        int at = from;
        for (int lastWord = to - Long.BYTES; at <= lastWord; at += Long.BYTES) {
            long x = (long) LONGS.get(bytes, at) ^ pattern;
            long matches = ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x | LOW_SEVEN_BITS);
            if (matches != 0) {
                return at + (Long.numberOfTrailingZeros(matches) >>> 3);
            }
        }
        for (; at < to; at++) {
            if (bytes[at] == value) {
                return at;
            }
        }
        return -1;
    }

    @Override
    public String describe() {
        return "swar (8 bytes per step)";
    }

    @Override
    public String toString() {
        return describe();
    }
}

package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The first occurrence of one byte value in a buffer, eight bytes at a time: the fast scan the
 * delimiter search skips ahead with.
 *
 * <p>Netty's {@code ByteBuf.indexOf} does the same word-at-a-time search, but it reads each word
 * through a virtual call on the buffer ({@code _getLong}) from one shared method, whose type
 * profile is that of every buffer class the whole JVM has searched. In a process that also runs
 * Netty's own decoders (on pooled direct buffers), that call site goes megamorphic, and the
 * scan's speed then depends on which buffer classes the JIT compiler had seen when it compiled
 * it: {@code compare} measured framekit's delimiter scan at half speed in one JVM of three, and
 * the sender's check at about 1 GB/s where JMH, one framing per JVM, measures 7 GB/s. This scan
 * reads the heap buffer's own array through a byte-array view, so it is the same code in every
 * process. Buffers with no accessible array (direct, composite) still go to
 * {@link ByteBuf#indexOf(int, int, byte)}.
 *
 * <p>The word test is the classic exact one (no false positives): a byte of
 * {@code x = word ^ pattern} is zero exactly where the word holds the value, and
 * {@code ~(((x & 0x7F..) + 0x7F..) | x | 0x7F..)} has the high bit set in exactly those bytes
 * (the addition cannot carry from one byte into the next).
 */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long EVERY_BYTE = 0x0101010101010101L;

    private ByteScan() {
    }

    /**
     * The index of the first byte equal to {@code value} in {@code buf}'s {@code [from, to)}
     * (absolute indexes, {@code from <= to}), or -1.
     */
    static int indexOf(ByteBuf buf, int from, int to, byte value) {
        if (!buf.hasArray()) {
            return buf.indexOf(from, to, value);
        }
        int offset = buf.arrayOffset();
        int found = indexOf(buf.array(), offset + from, offset + to, value);
        return found < 0 ? -1 : found - offset;
    }

    /** The index of the first byte equal to {@code value} in {@code bytes[from, to)}, or -1. */
    static int indexOf(byte[] bytes, int from, int to, byte value) {
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
}

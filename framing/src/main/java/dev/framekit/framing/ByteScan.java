package dev.framekit.framing;

import dev.framekit.framing.internal.ByteSearch;
import io.netty.buffer.ByteBuf;

/**
 * The first occurrence of one byte value in a buffer: the fast scan the delimiter search skips
 * ahead with, a SIMD register at a time where the JVM has the Vector API and eight bytes at a
 * time elsewhere ({@link ByteSearch#best()}).
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
 */
final class ByteScan {
    /** A constant, so the JIT compiler calls the one implementation directly. */
    private static final ByteSearch SEARCH = ByteSearch.best();

    private ByteScan() {
    }

    /**
     * The index of the first byte equal to {@code value} in {@code buf}'s {@code [from, to)}
     * (absolute indexes, {@code from <= to}), or -1.
     */
    static int indexOf(ByteBuf buf, int from, int to, byte value) {
        return indexOf(buf, from, to, value, SEARCH);
    }

    /** {@link #indexOf(ByteBuf, int, int, byte)} with the given scan for heap buffers. */
    static int indexOf(ByteBuf buf, int from, int to, byte value, ByteSearch search) {
        if (!buf.hasArray()) {
            return buf.indexOf(from, to, value);
        }
        int offset = buf.arrayOffset();
        int found = search.indexOf(buf.array(), offset + from, offset + to, value);
        return found < 0 ? -1 : found - offset;
    }

    /** The index of the first byte equal to {@code value} in {@code bytes[from, to)}, or -1. */
    static int indexOf(byte[] bytes, int from, int to, byte value) {
        return SEARCH.indexOf(bytes, from, to, value);
    }
}

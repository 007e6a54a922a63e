package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/** Finding a delimiter in buffered bytes: the one search shared by the encoder's check and the decoder. */
final class DelimiterSearch {
    private DelimiterSearch() {}

    /**
     * Returns the absolute index of the first occurrence of {@code delimiter} that starts in
     * {@code [from, lastStart]} and lies wholly before {@code end}, or -1. Each candidate start is
     * found with a byte scan and checked against at most {@code delimiter.length} bytes.
     */
    static int indexOf(ByteBuf buf, int from, int lastStart, int end, byte[] delimiter) {
        int candidateEnd = Math.min(lastStart + 1, end - delimiter.length + 1);
        int at = from;
        while (at < candidateEnd) {
            int found = buf.indexOf(at, candidateEnd, delimiter[0]);
            if (found < 0) {
                return -1;
            }
            if (matchesAt(buf, found, delimiter)) {
                return found;
            }
            at = found + 1;
        }
        return -1;
    }

    /** Returns the absolute index of the first whole occurrence of {@code delimiter} in {@code [from, end)}, or -1. */
    static int indexOf(ByteBuf buf, int from, int end, byte[] delimiter) {
        return indexOf(buf, from, end - delimiter.length, end, delimiter);
    }

    /**
     * Returns how many trailing bytes of the message's readable bytes, followed by the delimiter,
     * would start a delimiter inside the message (the longest such count), or 0 if none. With
     * delimiter {@code "#*#"}, a message ending in {@code "#*"} gives 2.
     */
    static int tailOverlap(ByteBuf message, byte[] delimiter) {
        int length = message.readableBytes();
        int end = message.writerIndex();
        for (int k = Math.min(delimiter.length - 1, length); k >= 1; k--) {
            if (tailThenDelimiterMatches(message, end - k, k, delimiter)) {
                return k;
            }
        }
        return 0;
    }

    /** True if the k bytes at {@code start} followed by the delimiter's first bytes spell the delimiter. */
    private static boolean tailThenDelimiterMatches(ByteBuf message, int start, int k, byte[] delimiter) {
        for (int i = 0; i < delimiter.length; i++) {
            byte actual = i < k ? message.getByte(start + i) : delimiter[i - k];
            if (actual != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAt(ByteBuf buf, int index, byte[] delimiter) {
        for (int i = 1; i < delimiter.length; i++) {
            if (buf.getByte(index + i) != delimiter[i]) {
                return false;
            }
        }
        return true;
    }
}

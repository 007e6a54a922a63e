package dev.framekit.framing;

import dev.framekit.framing.internal.ByteSearch;
import io.netty.buffer.ByteBuf;

/**
 * Finding a delimiter in buffered bytes, in time linear in the bytes whatever the delimiter: the
 * one search shared by the encoder's check and the decoder.
 *
 * <p>Bytes that cannot start the delimiter are skipped with a fast scan for its first byte
 * ({@link ByteScan}: a SIMD register at a time with the Vector API, else eight bytes at a time); from
 * a candidate on, bytes are matched one at a time with Knuth-Morris-Pratt, whose table (built
 * once per framer) says how much of the delimiter is still matched after a mismatch, so no byte
 * is ever compared again from a later start. A delimiter that overlaps itself ({@code aaaa…ab})
 * costs the same as any other: each byte is examined at most twice, plus the table's fallbacks,
 * which never outnumber the bytes matched.
 *
 * <p>The search can stop at the end of the buffered bytes and go on when more arrive: a
 * {@link Scan} holds how much of the delimiter the last bytes matched, so bytes that trickle in
 * are searched once. Immutable and shared; each decoder keeps its own {@code Scan}.
 */
final class DelimiterSearch {
    private final byte[] delimiter;

    /** The skip-ahead scan: the process's best ({@link ByteSearch#best()}), or one a test names. */
    private final ByteSearch skip;

    /** {@code fallback[q]}: the longest proper border of the delimiter's first q bytes (KMP's failure function). */
    private final int[] fallback;

    /** {@code wholeBorder[k]}: whether the delimiter's first k bytes are also its last k (k a border of the whole). */
    private final boolean[] wholeBorder;

    DelimiterSearch(byte[] delimiter) {
        this(delimiter, ByteSearch.best());
    }

    /** A search that skips ahead with {@code skip}: tests run the SWAR and the vector scan side by side. */
    DelimiterSearch(byte[] delimiter, ByteSearch skip) {
        this.delimiter = delimiter;
        this.skip = skip;
        int m = delimiter.length;
        this.fallback = new int[m + 1];
        int k = 0;
        for (int q = 1; q < m; q++) {
            while (k > 0 && delimiter[q] != delimiter[k]) {
                k = fallback[k];
            }
            if (delimiter[q] == delimiter[k]) {
                k++;
            }
            fallback[q + 1] = k;
        }
        this.wholeBorder = new boolean[m + 1];
        for (int b = fallback[m]; b > 0; b = fallback[b]) {
            wholeBorder[b] = true;
        }
    }

    /** Where a search stopped: how many delimiter bytes the last bytes searched match, and the work done. */
    static final class Scan {
        private int matched;
        private long steps;

        /** Starts over: the next bytes are searched as the start of a frame. */
        void reset() {
            matched = 0;
        }

        /** Bytes examined and table fallbacks taken so far, for tests that check the search stays linear. */
        long steps() {
            return steps;
        }
    }

    /**
     * Searches {@code [from, to)}, carrying on from where {@code scan} stopped (the bytes before
     * {@code from} were searched with it). Returns the absolute index just past the first
     * delimiter completed in that range, or -1 with {@code scan} updated to the state at {@code to}.
     * After a match {@code scan} holds the delimiter's own overlap, for a search that goes on past
     * it; {@link Scan#reset() reset} it to search a new frame.
     */
    int advance(ByteBuf buf, int from, int to, Scan scan) {
        int m = delimiter.length;
        int q = scan.matched;
        int at = from;
        while (at < to) {
            if (q == 0) {
                int found = ByteScan.indexOf(buf, at, to, delimiter[0], skip);
                scan.steps += (found < 0 ? to : found) - at;
                if (found < 0) {
                    scan.matched = 0;
                    return -1;
                }
                at = found + 1;
                q = 1;
            } else {
                byte b = buf.getByte(at++);
                scan.steps++;
                while (q > 0 && delimiter[q] != b) {
                    q = fallback[q];
                    scan.steps++;
                }
                if (delimiter[q] == b) {
                    q++;
                }
            }
            if (q == m) {
                scan.matched = fallback[m]; // a search that goes on past this match (the decoder starts over)
                return at;
            }
        }
        scan.matched = q;
        return -1;
    }

    /**
     * One byte of a search: the delimiter bytes matched after {@code b}, given {@code matched}
     * before it (KMP's transition; the caller starts over after a whole match).
     */
    int step(int matched, byte b) {
        int q = matched == delimiter.length ? fallback[matched] : matched;
        while (q > 0 && delimiter[q] != b) {
            q = fallback[q];
        }
        return delimiter[q] == b ? q + 1 : q;
    }

    /** Returns the absolute index of the first whole occurrence of the delimiter in {@code [from, end)}, or -1. */
    int indexOf(ByteBuf buf, int from, int end) {
        int past = advance(buf, from, end, new Scan());
        return past < 0 ? -1 : past - delimiter.length;
    }

    /**
     * Returns how many trailing bytes of the message's readable bytes, followed by the delimiter,
     * would start a delimiter inside the message (the longest such count), or 0 if none. With
     * delimiter {@code "#*#"}, a message ending in {@code "#*"} gives 2. Linear: the message's
     * last k bytes must be the delimiter's first k (a state KMP reaches at the message's end, or
     * one of its fallbacks), and the delimiter must then go on as it began (m - k a border of it).
     */
    int tailOverlap(ByteBuf message) {
        Scan scan = new Scan();
        int from = message.readerIndex();
        int end = message.writerIndex();
        int past;
        while ((past = advance(message, from, end, scan)) >= 0) {
            from = past; // a message that contains the delimiter (the caller refuses it first): search on
        }
        int m = delimiter.length;
        for (int k = scan.matched; k > 0; k = fallback[k]) {
            if (k < m && wholeBorder[m - k]) {
                return k;
            }
        }
        return 0;
    }
}

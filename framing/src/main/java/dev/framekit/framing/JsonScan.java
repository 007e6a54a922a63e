package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * Where a JSON text ends, found by its structure one byte at a time and resumable: brackets and
 * braces by depth (each closer must match its opener), strings and their escapes understood, so a
 * {@code }} inside a string, {@code \"} and {@code \\} before a quote are read right. Tokens inside
 * the text (numbers, literals) are not checked: that is the JSON parser's job, not the framer's.
 *
 * <p>Two endings. For concatenated texts ({@link #concatenated}) a text is an object or an array
 * and ends at the closer that brings the depth back to zero. For RFC 7464 sequences
 * ({@link #sequence}) a text may be any value and ends at the first line feed at depth zero,
 * outside a string, after the value began; a record separator (0x1e) anywhere ends it early.
 *
 * <p>The state ({@code depth}, string, escape) is per connection; the nesting is kept as one bit
 * per level up to the maximum depth, allocated once.
 */
final class JsonScan {
    /** {@link #advance}: the bytes searched hold no end of the text yet. */
    static final int MORE = -1;
    /** {@link #advance}: the bytes break the structure; {@link #problem()} says how. */
    static final int MALFORMED = -2;
    /** {@link #advance}: a record separator came before the text's line feed; {@link #stoppedAt()} is where. */
    static final int SEPARATOR = -3;

    static final byte RS = 0x1e;

    private final boolean sequence;
    private final int maxDepth;
    /** Bit {@code d}: whether the container at depth {@code d} (0-based) is an object. */
    private final long[] objects;

    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean started;
    /** A container at depth zero has closed: only white space may follow (sequences). */
    private boolean closed;
    private String problem;
    private int stoppedAt;

    private JsonScan(boolean sequence, int maxDepth) {
        this.sequence = sequence;
        this.maxDepth = maxDepth;
        this.objects = new long[(maxDepth + 63) / 64];
    }

    static JsonScan concatenated(int maxDepth) {
        return new JsonScan(false, maxDepth);
    }

    static JsonScan sequence(int maxDepth) {
        return new JsonScan(true, maxDepth);
    }

    /** Starts over, for the next text. */
    void reset() {
        depth = 0;
        inString = false;
        escaped = false;
        started = false;
        closed = false;
        problem = null;
    }

    /** Whether the text has begun: a byte other than white space has been read. */
    boolean started() {
        return started;
    }

    /** How the bytes broke the structure, after {@link #MALFORMED}. */
    String problem() {
        return problem;
    }

    /** The index of the byte that stopped the scan, after {@link #MALFORMED} or {@link #SEPARATOR}. */
    int stoppedAt() {
        return stoppedAt;
    }

    /** Whether the text, read to here, could end with a line feed now: a value at depth zero, outside a string. */
    boolean canEndHere() {
        return started && depth == 0 && !inString;
    }

    /**
     * Reads {@code [from, to)} of {@code buf} on from where the last call stopped. Returns the
     * index just past the byte that ends the text, or {@link #MORE}, {@link #MALFORMED} or
     * {@link #SEPARATOR}.
     */
    int advance(ByteBuf buf, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf.getByte(i);
            if (sequence && b == RS) {
                stoppedAt = i;
                return SEPARATOR;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                    closed = depth == 0;
                }
                continue;
            }
            switch (b) {
                case ' ', '\t', '\r' -> { }
                case '\n' -> {
                    if (sequence && started && depth == 0) {
                        return i + 1;
                    }
                }
                case '{', '[' -> {
                    if (closed || (started && depth == 0)) {
                        return malformed(buf, i, "a second value after a complete one");
                    }
                    if (depth == maxDepth) {
                        return malformed(buf, i, "nesting deeper than the maximum of " + maxDepth
                                + " levels (raise it with Framers.json(maxFrameLength, maxDepth) or jsonSeq(...) if the peer is legitimate)");
                    }
                    long bit = 1L << (depth & 63);
                    objects[depth >> 6] = b == '{' ? objects[depth >> 6] | bit : objects[depth >> 6] & ~bit;
                    depth++;
                    started = true;
                }
                case '}', ']' -> {
                    if (depth == 0) {
                        return malformed(buf, i, "a closing " + HexPreview.describeByte(b) + " with nothing open");
                    }
                    depth--;
                    boolean object = (objects[depth >> 6] & (1L << (depth & 63))) != 0;
                    if (object != (b == '}')) {
                        return malformed(buf, i, "a closing " + HexPreview.describeByte(b) + " where "
                                + (object ? "'}'" : "']'") + " closes what is open");
                    }
                    if (depth == 0) {
                        if (!sequence) {
                            return i + 1;
                        }
                        closed = true;
                    }
                }
                default -> {
                    if (!sequence && depth == 0) {
                        return malformed(buf, i, HexPreview.describeByte(b)
                                + " where a text must start with '{' or '['");
                    }
                    if (closed) {
                        return malformed(buf, i, HexPreview.describeByte(b) + " after a complete value");
                    }
                    if (b == '"') {
                        inString = true;
                    }
                    started = true;
                }
            }
        }
        return MORE;
    }

    private int malformed(ByteBuf buf, int at, String what) {
        problem = what;
        stoppedAt = at;
        return MALFORMED;
    }
}

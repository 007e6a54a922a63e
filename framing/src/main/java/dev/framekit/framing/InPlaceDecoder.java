package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * A decoder whose payloads lie in the connection's buffer unchanged (a length prefix, a fixed
 * length), so that it can say where the next one is instead of making a slice: what
 * {@link FrameReader#readEach(FrameVisitor)} lends its visitor without an object per frame.
 * Every other decoder serves {@code readEach} through {@link #decode}, a slice released after the
 * visit.
 */
interface InPlaceDecoder extends FrameDecoder {
    /** {@link #locate}'s answer when there is no frame: as {@link #decode}'s {@code null}. */
    long NONE = -1;

    /**
     * Takes the next complete frame off the front of {@code in} exactly as {@link #decode} does
     * (same bytes consumed, same exceptions), without a slice.
     *
     * @return where its payload lies in {@code in}, {@link #span(int, int)}, or {@link #NONE}
     */
    long locate(ByteBuf in, boolean endOfStream) throws FramingException;

    /**
     * Locates every complete frame buffered in {@code in} and hands each to {@code spans} until
     * it says stop or no frame is left; the same bytes consumed and the same exceptions as
     * calling {@link #locate} again and again. A decoder on a hot path overrides it with this very
     * loop: the loop's call to {@code locate} is then its own, which the JIT inlines, where a
     * program with several framings would otherwise make one call through the interface a frame.
     */
    default void locateEach(ByteBuf in, boolean endOfStream, Spans spans) throws IOException {
        long span;
        while ((span = locate(in, endOfStream)) != NONE && spans.take(span)) {
            // the next frame
        }
    }

    /** Takes the frames {@link #locateEach} finds. */
    interface Spans {
        /** Takes the payload at {@code span}; false to stop after it. */
        boolean take(long span) throws IOException;
    }

    /** The payload at {@code index} of {@code length} bytes, as one value. */
    static long span(int index, int length) {
        return (long) index << 32 | length;
    }

    static int index(long span) {
        return (int) (span >>> 32);
    }

    static int length(long span) {
        return (int) span;
    }
}

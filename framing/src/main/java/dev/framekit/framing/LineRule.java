package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The line options of a {@link DelimiterFramer}, as people meet lines: any one of several
 * delimiters ({@code \r\n} or {@code \n}), the delimiter kept on the frame, and the last line at
 * the end of the stream taken as a frame without its delimiter. Immutable; its decoders are
 * {@link LineDecoder}s.
 *
 * <p><b>Where a frame ends.</b> At the first byte that completes one of the delimiters; where
 * several complete at the same byte ({@code \r\n} and {@code \n}), the longest is the delimiter.
 * Every delimiter is searched for at once, one byte at a time (Knuth-Morris-Pratt for each), so
 * the cost is linear in the bytes times the number of delimiters, however the bytes are split.
 */
final class LineRule {
    final byte[][] delimiters;
    final DelimiterSearch[] searches;
    final boolean keepDelimiter;
    final boolean lastFrameAtEnd;
    final int longest;

    LineRule(byte[][] delimiters, boolean keepDelimiter, boolean lastFrameAtEnd) {
        this.delimiters = delimiters;
        this.keepDelimiter = keepDelimiter;
        this.lastFrameAtEnd = lastFrameAtEnd;
        this.searches = new DelimiterSearch[delimiters.length];
        int max = 0;
        for (int i = 0; i < delimiters.length; i++) {
            if (delimiters[i].length == 0) {
                throw new IllegalArgumentException("delimiter: each delimiter must be at least one byte, delimiter "
                        + (i + 1) + " is empty");
            }
            searches[i] = new DelimiterSearch(delimiters[i]);
            max = Math.max(max, delimiters[i].length);
        }
        this.longest = max;
    }

    LineRule keepingDelimiter() {
        return new LineRule(delimiters, true, lastFrameAtEnd);
    }

    LineRule takingLastFrameAtEnd() {
        return new LineRule(delimiters, keepDelimiter, true);
    }

    /**
     * Feeds one byte to every search ({@code matched} holds each one's state) and returns the length
     * of the longest delimiter it completes, or 0.
     */
    int step(int[] matched, byte b) {
        int completed = 0;
        for (int i = 0; i < searches.length; i++) {
            matched[i] = searches[i].step(matched[i], b);
            if (matched[i] == delimiters[i].length) {
                completed = Math.max(completed, delimiters[i].length);
            }
        }
        return completed;
    }

    /**
     * Why {@code message} cannot be carried, or {@code null}: the wire bytes it makes (the message
     * and the first delimiter, or the message alone when the delimiter is kept) must hold their
     * first delimiter at their very end, and without the delimiter kept that delimiter must be the
     * first one, which the decoder strips, and nothing more.
     */
    String refusal(ByteBuf message) {
        int[] matched = new int[delimiters.length];
        int start = message.readerIndex();
        int end = message.writerIndex();
        for (int i = start; i < end; i++) {
            int completed = step(matched, message.getByte(i));
            if (completed > 0 && (i + 1 < end || !keepDelimiter)) {
                return "message contains the delimiter " + HexPreview.quoted(delimiterEndingAt(message, i + 1, completed))
                        + " ending at offset " + (i - start) + "; it would end the frame early";
            }
            if (completed > 0) {
                return null; // kept: the message ends with its delimiter, as a frame does
            }
        }
        if (keepDelimiter) {
            return "a message must end with one of the delimiters when the delimiter is kept (the receiver hands it"
                    + " out with the frame)";
        }
        byte[] sent = delimiters[0];
        for (int j = 0; j < sent.length; j++) {
            int completed = step(matched, sent[j]);
            if (completed > 0 && (j + 1 < sent.length || completed != sent.length)) {
                return "followed by the delimiter " + HexPreview.quoted(sent) + " it ends in another delimiter that"
                        + " the receiver would strip with it, cutting the message short";
            }
        }
        return null;
    }

    /** The length of the longest delimiter {@code message} ends with, or 0. */
    int endingLength(ByteBuf message) {
        int longestEnding = 0;
        for (byte[] d : delimiters) {
            int from = message.writerIndex() - d.length;
            if (from >= message.readerIndex() && d.length > longestEnding) {
                boolean ends = true;
                for (int i = 0; i < d.length && ends; i++) {
                    ends = message.getByte(from + i) == d[i];
                }
                longestEnding = ends ? d.length : longestEnding;
            }
        }
        return longestEnding;
    }

    private static byte[] delimiterEndingAt(ByteBuf message, int past, int length) {
        byte[] bytes = new byte[length];
        message.getBytes(past - length, bytes);
        return bytes;
    }

    /** E.g. {@code "\r\n" or "\n", keeps the delimiter, last line at end}. */
    String describe() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < delimiters.length; i++) {
            out.append(i == 0 ? "" : " or ").append(HexPreview.quoted(delimiters[i]));
        }
        return out.append(keepDelimiter ? ", keeps the delimiter" : "")
                .append(lastFrameAtEnd ? ", last line at end" : "").toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LineRule that && Arrays.deepEquals(delimiters, that.delimiters)
                && keepDelimiter == that.keepDelimiter && lastFrameAtEnd == that.lastFrameAtEnd;
    }

    @Override
    public int hashCode() {
        return (Arrays.deepHashCode(delimiters) * 31 + Boolean.hashCode(keepDelimiter)) * 31
                + Boolean.hashCode(lastFrameAtEnd);
    }
}

package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Delimited frames, split once: a frame is the payload followed by the delimiter (one or more
 * bytes). The receiver finds the <b>first</b> delimiter anywhere in the buffered bytes, also one
 * split across reads, returns what precedes it, and keeps the rest for the next frame. Python's
 * {@code msg + b"#*#"} read with {@code buf.split(b"#*#", 1)}.
 *
 * <pre>
 * Framers.delimiter("#*#"), messages "hi" and "yo":
 *
 *   ON THE WIRE (10 bytes)                              DECODED
 *   +----+----+----+----+----+----+----+----+----+----+
 *   | 68 | 69 | 23 | 2a | 23 | 79 | 6f | 23 | 2a | 23 |   ---&gt;  "hi", "yo"
 *   | h  | i  | #  | *  | #  | y  | o  | #  | *  | #  |
 *   +----+----+----+----+----+----+----+----+----+----+
 *    payload  |&lt; delimiter &gt;| payload |&lt; delimiter &gt;|
 * </pre>
 *
 * <p><b>Cannot carry</b> a message that contains the delimiter, or that ends with the start of it
 * (with {@code "#*#"}, a message ending in {@code "#*"} would put a delimiter one byte early);
 * both are refused. Use it for text; binary payloads need escaping or another framer.
 *
 * <p><b>Cost.</b> The decoder remembers how far it has scanned, so each byte is examined a
 * bounded number of times however the stream is split, and whatever the delimiter: a fast scan
 * for its first byte, then Knuth-Morris-Pratt, so even a delimiter that overlaps itself
 * ({@code aaaa…ab}) costs time linear in the bytes, not bytes × delimiter length. A frame
 * longer than {@link #maxFrameLength()} fails with {@link FrameTooLongException} once that many
 * bytes have arrived without a delimiter: <b>a peer that never sends the delimiter cannot make
 * the receiver buffer more than the maximum.</b>
 */
public final class DelimiterFramer implements Framer {
    private final int maxFrameLength;
    private final byte[] delimiter;
    private final boolean lenientLineEndings;
    private final DelimiterSearch search;
    private final FrameEncoder encoder;
    /** Several delimiters, a kept delimiter or the last line at the end; {@code null} for one plain delimiter. */
    private final LineRule lines;

    private DelimiterFramer(byte[] delimiter, int maxFrameLength, boolean lenientLineEndings, LineRule lines) {
        this.maxFrameLength = maxFrameLength;
        this.delimiter = delimiter;
        this.lenientLineEndings = lenientLineEndings;
        this.search = new DelimiterSearch(delimiter);
        this.lines = lines;
        this.encoder = lines == null ? new Encoder() : new LineEncoder(this, lines);
    }

    static DelimiterFramer of(byte[] delimiter) {
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("delimiter: the delimiter must be at least one byte, got none");
        }
        return new DelimiterFramer(delimiter.clone(), FrameLimits.DEFAULT_MAX_FRAME_LENGTH, false, null);
    }

    /** Frames ended by any one of the delimiters, given as text and sent as UTF-8; the first is sent. */
    static DelimiterFramer anyOf(String first, String... more) {
        byte[][] all = new byte[more.length + 1][];
        all[0] = first.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < more.length; i++) {
            all[i + 1] = more[i].getBytes(StandardCharsets.UTF_8);
        }
        return anyOf(all);
    }

    /** Frames ended by any one of {@code delimiters}, the first of which is sent. */
    static DelimiterFramer anyOf(byte[][] delimiters) {
        LineRule rule = new LineRule(delimiters, false, false);
        return new DelimiterFramer(delimiters[0], FrameLimits.DEFAULT_MAX_FRAME_LENGTH, false, rule);
    }

    /**
     * Returns a framer like this one that hands out each frame <b>with</b> its delimiter, as it
     * came ({@code "hi\r\n"}, not {@code "hi"}), and sends each message as it is: a message must
     * then end with one of the delimiters, and hold none before its end. For a relay that must pass
     * lines on unchanged, whichever line ending each had.
     *
     * <pre>
     *   Framers.delimiters("\r\n", "\n").keepDelimiter():   61 0d 0a 62 0a   --&gt;   "a\r\n", "b\n"
     * </pre>
     *
     * @return the new framer
     * @throws IllegalArgumentException if this framer strips {@code \r} ({@link #lenientLineEndings()})
     */
    public DelimiterFramer keepDelimiter() {
        return new DelimiterFramer(delimiter, maxFrameLength, false, rule().keepingDelimiter());
    }

    /**
     * Returns a framer like this one for which the bytes after the last delimiter, at the end of
     * the stream, are one more frame rather than a {@link TruncatedFrameException}: a text file or
     * a peer whose last line has no line feed. Opt-in, because it also turns a message cut short
     * by a crash into a frame.
     *
     * <pre>
     *   Framers.lines().lastFrameAtEndOfStream():   61 0a 62 (end)   --&gt;   "a", "b"
     * </pre>
     *
     * @return the new framer
     * @throws IllegalArgumentException if this framer strips {@code \r} ({@link #lenientLineEndings()})
     */
    public DelimiterFramer lastFrameAtEndOfStream() {
        return new DelimiterFramer(delimiter, maxFrameLength, false, rule().takingLastFrameAtEnd());
    }

    private LineRule rule() {
        if (lenientLineEndings) {
            throw new IllegalArgumentException("delimiter: lenientLineEndings() does not combine with keepDelimiter()"
                    + " or lastFrameAtEndOfStream(); use Framers.delimiters(\"\\r\\n\", \"\\n\") instead");
        }
        return lines != null ? lines : new LineRule(new byte[][] {delimiter}, false, false);
    }

    /**
     * Returns a framer like this one that accepts frames of up to {@code maxFrameLength} bytes
     * (the payload, without the delimiter).
     *
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     * @return the new framer
     * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
     */
    public DelimiterFramer withMaxFrameLength(int maxFrameLength) {
        return new DelimiterFramer(delimiter, FrameLimits.checkMaxFrameLength(maxFrameLength, "delimiter"),
                lenientLineEndings, lines);
    }

    /**
     * Returns a {@code \n} framer that also accepts {@code \r\n}: a line ending in
     * {@code \r\n} is handed out without its {@code \r}. It still sends {@code \n}, and so
     * refuses a message that ends with {@code \r} (the receiver would strip it). For telnet and
     * {@code nc} users whose terminals send {@code \r\n}.
     *
     * <pre>
     *   61 62 0d 0a 63 64 0a      "ab\r\ncd\n"  --&gt;  "ab", "cd"    (strict: "ab\r", "cd")
     * </pre>
     *
     * <p><b>Why strict is the default.</b> When two parsers on a path disagree about where a line
     * ends, a peer can hide a message inside another: SMTP smuggling (2023) used servers that
     * accepted a bare {@code \n} where others required {@code \r\n}. A framer that is lenient
     * only when asked keeps one spelling of a line end unless the user chooses two, and chooses
     * it for a reason (a human at a terminal, not a relay between strict peers).
     *
     * @return the lenient framer, with this framer's maximum (the {@code \r} does not count)
     * @throws IllegalArgumentException if the delimiter is not {@code \n}
     */
    public DelimiterFramer lenientLineEndings() {
        if (delimiter.length != 1 || delimiter[0] != '\n') {
            throw new IllegalArgumentException("delimiter: lenientLineEndings() applies to the \"\\n\" delimiter only,"
                    + " got " + HexPreview.quoted(delimiter));
        }
        if (lines != null) {
            throw new IllegalArgumentException("delimiter: lenientLineEndings() does not combine with several"
                    + " delimiters, keepDelimiter() or lastFrameAtEndOfStream(); use Framers.delimiters(\"\\r\\n\", \"\\n\")");
        }
        return new DelimiterFramer(delimiter, maxFrameLength(), true, null);
    }

    /**
     * Returns whether a {@code \r} before the {@code \n} is stripped; see
     * {@link #lenientLineEndings()}.
     *
     * @return true for a lenient line framer
     */
    public boolean isLenientLineEndings() {
        return lenientLineEndings;
    }

    /**
     * Returns a copy of the delimiter bytes.
     *
     * @return the delimiter
     */
    public byte[] delimiter() {
        return delimiter.clone();
    }

    /**
     * Returns the length of the delimiter, in bytes.
     *
     * @return the delimiter's length, at least 1
     */
    public int delimiterLength() {
        return delimiter.length;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** Returns the shared encoder: delimiter encoding keeps no state. */
    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    @Override
    public FrameDecoder newDecoder() {
        return lines != null ? new LineDecoder(lines, maxFrameLength)
                : new DelimiterDecoder(delimiter, search, maxFrameLength(), lenientLineEndings);
    }

    /** Describes the rule, e.g. {@code delimiter("#*#", max 1048576 bytes)}. */
    @Override
    public String toString() {
        return "delimiter(" + (lines != null ? lines.describe() : HexPreview.quoted(delimiter)
                + (lenientLineEndings ? " or \"\\r\\n\"" : "")) + ", max " + maxFrameLength() + " bytes)";
    }

    /** Two delimiter framers are equal when their delimiters and limits are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DelimiterFramer that
                && Arrays.equals(delimiter, that.delimiter) && maxFrameLength() == that.maxFrameLength()
                && lenientLineEndings == that.lenientLineEndings && java.util.Objects.equals(lines, that.lines);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(delimiter) + maxFrameLength()) + (lenientLineEndings ? 1 : 0))
                + java.util.Objects.hashCode(lines);
    }

    /** The encoder: this rule's refusals, header and trailer; it keeps no state, so one is shared. */
    private final class Encoder implements FrameEncoder {
        /**
         * Refuses a message over the maximum, one containing the delimiter, and one ending with the
         * start of the delimiter; a lenient line framer also refuses one ending with {@code \r}.
         */
        @Override
        public MessageRefusedException check(ByteBuf message) {
            MessageRefusedException overMaximum = FrameLimits.refuseOverMaximum(message, maxFrameLength, "delimiter");
            if (overMaximum != null) {
                return overMaximum;
            }
            int length = message.readableBytes();
            int found = search.indexOf(message, message.readerIndex(), message.writerIndex());
            if (found >= 0) {
                return new MessageRefusedException("delimiter: message contains the delimiter "
                        + HexPreview.quoted(delimiter) + " at offset " + (found - message.readerIndex())
                        + "; it would end the frame early (choose another delimiter, or a length-prefixed framer"
                        + " for binary data): " + HexPreview.of(message, message.readerIndex(), length), length);
            }
            int overlap = search.tailOverlap(message);
            if (overlap > 0) {
                return new MessageRefusedException("delimiter: message ends with " + overlap
                        + " byte(s) that, followed by the delimiter " + HexPreview.quoted(delimiter)
                        + ", form the delimiter early; the receiver would cut the message short: "
                        + HexPreview.of(message, message.readerIndex(), length), length);
            }
            if (lenientLineEndings && length > 0 && message.getByte(message.writerIndex() - 1) == '\r') {
                return new MessageRefusedException("delimiter: message ends with \\r, which a lenient line receiver"
                        + " strips as part of \\r\\n (use a strict framer to carry it): "
                        + HexPreview.of(message, message.readerIndex(), length), length);
            }
            return null;
        }

        /** Returns the delimiter's length: the only bytes this rule adds. */
        @Override
        public int overhead(int payloadLength) {
            return delimiter.length;
        }

        /** Writes the delimiter. */
        @Override
        public void writeTrailer(int payloadLength, ByteBuf out) {
            out.writeBytes(delimiter);
        }

        /** The check, the payload and the delimiter in one call: the path of every small message a {@link FrameWriter} sends. */
        @Override
        public void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException {
            MessageRefusedException refusal = check(message);
            if (refusal != null) {
                throw refusal;
            }
            out.writeBytes(message, message.readerIndex(), message.readableBytes()).writeBytes(delimiter);
        }

        @Override
        public String toString() {
            return DelimiterFramer.this.toString();
        }
    }
}

package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
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
public final class DelimiterFramer extends AbstractFramer {
    private final byte[] delimiter;
    private final DelimiterSearch search;
    private final FrameEncoder encoder;

    private DelimiterFramer(byte[] delimiter, int maxFrameLength) {
        super(maxFrameLength, "delimiter");
        this.delimiter = delimiter;
        this.search = new DelimiterSearch(delimiter);
        this.encoder = FrameEncoder.of(this);
    }

    static DelimiterFramer of(byte[] delimiter) {
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("delimiter: the delimiter must be at least one byte, got none");
        }
        return new DelimiterFramer(delimiter.clone(), FrameLimits.DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * Returns a framer like this one that accepts frames of up to {@code maxFrameLength} bytes
     * (the payload, without the delimiter).
     *
     * @param maxFrameLength 1 to {@link FrameLimits#LARGEST_MAX_FRAME_LENGTH}
     * @return the new framer
     * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
     */
    public DelimiterFramer maxFrameLength(int maxFrameLength) {
        return new DelimiterFramer(delimiter, FrameLimits.checkMaxFrameLength(maxFrameLength, "delimiter"));
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

    /** Returns the shared encoder: delimiter encoding keeps no state. */
    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    @Override
    public FrameDecoder newDecoder() {
        return new DelimiterDecoder(delimiter, search, maxFrameLength());
    }

    /**
     * Refuses a message over the maximum, one containing the delimiter, and one ending with the
     * start of the delimiter.
     */
    @Override
    public MessageRefusedException check(ByteBuf message) {
        MessageRefusedException overMaximum = refuseOverMaximum(message);
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

    /** Describes the rule, e.g. {@code delimiter("#*#", max 1048576 bytes)}. */
    @Override
    public String toString() {
        return "delimiter(" + HexPreview.quoted(delimiter) + ", max " + maxFrameLength() + " bytes)";
    }

    /** Two delimiter framers are equal when their delimiters and limits are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DelimiterFramer that
                && Arrays.equals(delimiter, that.delimiter) && maxFrameLength() == that.maxFrameLength();
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(delimiter) + maxFrameLength();
    }
}

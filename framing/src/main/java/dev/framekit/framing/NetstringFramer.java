package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import io.netty.buffer.ByteBuf;

/**
 * Netstrings (D.&nbsp;J.&nbsp;Bernstein, 1997): the payload's length in ASCII decimal, a colon,
 * the payload, a comma. Twisted's {@code NetstringReceiver} speaks it.
 *
 * <pre>
 * Framers.netstrings(), message "hello world!":
 *
 *   +----+----+----+----+----+-- ... --+----+----+
 *   | 31 | 32 | 3a | 68 | 65 |   ...   | 21 | 2c |     "12:hello world!,"
 *   | 1  | 2  | :  | h  | e  |         | !  | ,  |
 *   +----+----+----+----+----+-- ... --+----+----+
 *    length   |    | 12 payload bytes       |comma|
 *
 *   the empty message: 30 3a 2c  "0:,"
 * </pre>
 *
 * <p>Binary-safe: the payload is counted, not scanned. The length has <b>no leading zeros</b>
 * ({@code "05:hello,"} is an error, as the spec says), and a missing comma after the payload is
 * an error: either means the peer is not speaking netstrings, so the stream is not trusted further.
 *
 * <p><b>Security.</b> The decoder refuses a length with more digits than
 * {@link #maxFrameLength()} has (7 for the default 1 MiB) as soon as that many digits have arrived,
 * before parsing it, so {@code 99999999999999999999...} costs a few bytes, not an overflow or
 * a buffer; a length of the right number of digits over the maximum fails as soon as its colon
 * arrives.
 */
public final class NetstringFramer implements Framer {
    private final int maxFrameLength;
    static final NetstringFramer DEFAULT = new NetstringFramer(FrameLimits.DEFAULT_MAX_FRAME_LENGTH);

    private final int maxDigits;
    private final FrameDecoder decoder = new NetstringDecoder(this);
    private final FrameEncoder encoder = new Encoder();

    private NetstringFramer(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
        this.maxDigits = Integer.toString(maxFrameLength).length();
    }

    /**
     * Returns a framer like this one that accepts and sends payloads of up to
     * {@code maxFrameLength} bytes. Twisted's {@code NetstringReceiver.MAX_LENGTH} is 99,999.
     *
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>)
     * @return the new framer
     * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
     */
    public NetstringFramer withMaxFrameLength(int maxFrameLength) {
        return new NetstringFramer(FrameLimits.checkMaxFrameLength(maxFrameLength, "netstring"));
    }

    /** The most digits a length within the maximum can have. */
    int maxDigits() {
        return maxDigits;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** Returns the shared decoder: netstring decoding keeps no state between frames. */
    @Override
    public FrameDecoder newDecoder() {
        return decoder;
    }

    /** Returns the shared encoder: netstring encoding keeps no state. */
    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    /** Describes the rule, e.g. {@code netstring(max 1048576 bytes)}. */
    @Override
    public String toString() {
        return "netstring(max " + maxFrameLength() + " bytes)";
    }

    /** Two netstring framers are equal when their limits are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof NetstringFramer that && maxFrameLength() == that.maxFrameLength();
    }

    @Override
    public int hashCode() {
        return maxFrameLength();
    }

    /** The encoder: this rule's refusals, header and trailer; it keeps no state, so one is shared. */
    private final class Encoder implements FrameEncoder {
        /** Refuses a message over the maximum frame length; any bytes are fine. */
        @Override
        public MessageRefusedException check(ByteBuf message) {
            return FrameLimits.refuseOverMaximum(message, maxFrameLength, "netstring");
        }

        /** Returns the length's digits plus the colon and the comma. */
        @Override
        public int overhead(int payloadLength) {
            return Integer.toString(payloadLength).length() + 2;
        }

        /** Writes the decimal length and the colon. */
        @Override
        public void writeHeader(int payloadLength, ByteBuf out) {
            String digits = Integer.toString(payloadLength);
            for (int i = 0; i < digits.length(); i++) {
                out.writeByte(digits.charAt(i));
            }
            out.writeByte(':');
        }

        /** Writes the comma. */
        @Override
        public void writeTrailer(int payloadLength, ByteBuf out) {
            out.writeByte(',');
        }

        @Override
        public String toString() {
            return NetstringFramer.this.toString();
        }
    }
}

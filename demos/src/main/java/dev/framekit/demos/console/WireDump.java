package dev.framekit.demos.console;

import dev.framekit.demos.options.OptionTerms;
import dev.framekit.framing.ChunkedFramer;
import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.ExactLengthFramer;
import dev.framekit.framing.FixedLengthFramer;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Renders a message as it travels on the wire under a framer: netty's pretty hex dump of the
 * whole frame, preceded by a line that says which bytes are header, payload, padding and
 * delimiter, and whether the frame is ended by the sender half-closing (the connection's encoder
 * is finished after it: send-and-close).
 */
public final class WireDump {
    private WireDump() {}

    /**
     * Returns the dump of {@code payload} framed by {@code framer}, e.g. for "hello" with a
     * length prefix: {@code [0-3] length header 00 00 00 05 (= 5) | [4-8] payload 5 bytes}.
     *
     * @param direction a short label such as "sent" or "received"
     */
    public static String of(String direction, Framer framer, byte[] payload) {
        ByteBuf frame = Unpooled.buffer();
        try {
            FrameEncoder encoder = framer.newEncoder();
            encoder.encode(Unpooled.wrappedBuffer(payload), frame);
            String halfClose = encoder.isFinished() ? " | then the sender half-closes (FIN)" : "";
            return direction + " " + frame.readableBytes() + " bytes on the wire: " + parts(framer, payload.length)
                    + halfClose + System.lineSeparator() + ByteBufUtil.prettyHexDump(frame);
        } catch (MessageRefusedException e) {
            return direction + ": " + OptionTerms.of(e.getMessage());
        } finally {
            frame.release();
        }
    }

    /** Names the byte ranges of a frame carrying {@code length} payload bytes. */
    static String parts(Framer framer, int length) {
        if (framer instanceof LengthPrefixFramer) {
            return range(0, 4) + " length header " + String.format("%02x %02x %02x %02x", length >>> 24,
                    (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff) + " (= " + length + ")"
                    + " | " + payloadRange(4, length);
        }
        if (framer instanceof ChunkedFramer) {
            String size = Integer.toHexString(length);
            int header = size.length() + 2;
            return range(0, header) + " chunk size " + size + " (= " + length + ") CRLF | " + payloadRange(header, length)
                    + " | " + range(header + length, 2) + " CRLF";
        }
        if (framer instanceof ExactLengthFramer) {
            return payloadRange(0, length) + ", exactly as announced (no framing bytes)";
        }
        if (framer instanceof FixedLengthFramer fixed) {
            int padding = fixed.frameSize() - length;
            return payloadRange(0, length) + " | " + (padding == 0 ? "no padding"
                    : range(length, padding) + " padding " + padding + " x " + String.format("0x%02x", fixed.padByte() & 0xff));
        }
        if (framer instanceof DelimiterFramer delimited) {
            int d = delimited.delimiter().length;
            return payloadRange(0, length) + " | " + range(length, d) + " delimiter " + ByteBufUtil.hexDump(delimited.delimiter());
        }
        return payloadRange(0, length);
    }

    private static String payloadRange(int start, int length) {
        return length == 0 ? "empty payload" : range(start, length) + " payload " + length + " bytes";
    }

    private static String range(int start, int length) {
        return "[" + start + "-" + (start + length - 1) + "]";
    }
}

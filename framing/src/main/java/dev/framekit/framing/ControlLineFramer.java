package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * A control line, then a counted body: the family of text protocols that announce a body's length
 * in a line before it. The line is the frame's {@linkplain Frame#headerFields() header fields}
 * (its text without CR LF), the body its payload; a line that announces no body (RESP's
 * {@code +OK}, NATS's {@code PING}) is a frame with an empty payload. Made by
 * {@link Framers#resp()}, {@link Framers#nats()} and {@link Framers#syslog()}.
 *
 * <pre>
 *   RESP     24 35 0d 0a | 68 65 6c 6c 6f | 0d 0a              "$5" CRLF "hello" CRLF
 *   NATS     4d 53 47 20 66 20 31 20 35 0d 0a | hello | 0d 0a  "MSG f 1 5" CRLF "hello" CRLF
 *   syslog   35 20 | 68 65 6c 6c 6f                           "5 hello" (RFC 6587 octet counting)
 * </pre>
 *
 * <p>Writing a {@link Frame} with header fields writes its line with the count replaced by the
 * payload's length (so an echo returns each frame byte for byte); a plain message gets the
 * protocol's default line ({@code $N}, {@code PUB framekit N}, {@code N}). The decoder scans for
 * the line's end once, however the bytes are split, refuses a line over 4 KiB, a count of more than
 * 18 digits or none where one belongs, and a body over the maximum before it arrives.
 */
final class ControlLineFramer implements Framer {
    private final ControlLineRule rule;
    private final int maxFrameLength;

    ControlLineFramer(ControlLineRule rule, int maxFrameLength) {
        this.rule = rule;
        this.maxFrameLength = FrameLimits.checkMaxFrameLength(maxFrameLength, rule.protocol());
    }

    ControlLineRule rule() {
        return rule;
    }

    String name() {
        return rule.protocol();
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** Returns a new decoder, which remembers how far it has scanned a line. */
    @Override
    public FrameDecoder newDecoder() {
        return new ControlLineDecoder(this);
    }

    /** Returns a new encoder, which remembers between a header and its trailer whether the line has a body. */
    @Override
    public FrameEncoder newEncoder() {
        return new Encoder();
    }

    /** Describes the rule, e.g. {@code resp(max 1048576 bytes)}. */
    @Override
    public String toString() {
        return rule.protocol() + "(max " + maxFrameLength + " bytes)";
    }

    /** Two control-line framers are equal when their protocol and maximum are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ControlLineFramer that && rule == that.rule && maxFrameLength == that.maxFrameLength;
    }

    @Override
    public int hashCode() {
        return rule.hashCode() * 31 + maxFrameLength;
    }

    /** Writes the line for the body, the body and the trailer. */
    private final class Encoder implements FrameEncoder {
        /** Whether the line just written announced no body, so no trailer follows. */
        private boolean lineOnly;

        @Override
        public MessageRefusedException check(ByteBuf message) {
            return check(io.netty.buffer.Unpooled.EMPTY_BUFFER, message);
        }

        @Override
        public MessageRefusedException check(ByteBuf headerFields, ByteBuf message) {
            int length = message.readableBytes();
            if (length > maxFrameLength) {
                return new MessageRefusedException(name() + ": message is " + length + " bytes, over the maximum frame"
                        + " length of " + maxFrameLength + " bytes; raise it with Framers." + name() + "(maxFrameLength) on both sides: "
                        + HexPreview.of(message, message.readerIndex(), length), length);
            }
            String fields = headerFields.toString(StandardCharsets.ISO_8859_1);
            String line = rule.line(fields, length);
            String problem;
            if (fields.indexOf('\r') >= 0 || fields.indexOf('\n') >= 0) {
                problem = "a control line cannot hold CR or LF";
            } else if (!rule.crlf() && !fields.isEmpty()) {
                problem = "syslog frames have no header fields, only the octet count";
            } else if (line != null) {
                problem = countProblem(line, length);
            } else if (fields.isEmpty()) {
                problem = "RFC 6587 octet counting cannot carry an empty message";
            } else if (length > 0) {
                problem = countProblem(fields, ControlLineRule.NO_BODY); // not a line of this protocol at all?
                if (problem == null) {
                    problem = "the line " + ControlLineRule.describe(fields) + " carries no body, but the message is "
                            + length + " bytes";
                }
            } else {
                problem = countProblem(fields, ControlLineRule.NO_BODY);
            }
            return problem == null ? null : new MessageRefusedException(name() + ": " + problem + ": "
                    + HexPreview.of(message, message.readerIndex(), length), length);
        }

        /** Decoding the line must give {@code expected} back: a line a decoder handed out always does. */
        private String countProblem(String line, long expected) {
            try {
                long count = rule.count(line, name());
                return count == expected ? null : "the line " + ControlLineRule.describe(line) + " would declare "
                        + (count == ControlLineRule.NO_BODY ? "no body" : count + " bytes") + ", not " + expected;
            } catch (FramingException e) {
                return e.getMessage();
            }
        }

        @Override
        public int overhead(int payloadLength) {
            return rule.line("", payloadLength).length() + (rule.crlf() ? 2 : 1) + rule.trailerLength();
        }

        @Override
        public void writeHeader(int payloadLength, ByteBuf out) {
            writeHeader(io.netty.buffer.Unpooled.EMPTY_BUFFER, payloadLength, out);
        }

        @Override
        public void writeHeader(ByteBuf headerFields, int payloadLength, ByteBuf out) {
            String fields = headerFields.toString(StandardCharsets.ISO_8859_1);
            String line = rule.line(fields, payloadLength);
            lineOnly = line == null;
            out.writeCharSequence(lineOnly ? fields : line, StandardCharsets.ISO_8859_1);
            out.writeBytes(rule.crlf() ? CRLF : SPACE);
        }

        @Override
        public void writeTrailer(int payloadLength, ByteBuf out) {
            if (rule.trailerLength() > 0 && !lineOnly) {
                out.writeBytes(CRLF);
            }
        }

        @Override
        public String toString() {
            return ControlLineFramer.this.toString();
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] SPACE = {' '};
}

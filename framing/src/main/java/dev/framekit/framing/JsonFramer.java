package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * JSON texts as frames, found by their structure: concatenated texts ({@link Framers#json()}) or
 * RFC 7464 text sequences ({@link Framers#jsonSeq()}).
 *
 * <pre>
 * Framers.json(), messages {"a":"}"} and [1,2]:
 *
 *   ON THE WIRE                                  DECODED
 *   {"a":"}"}[1,2]                        ---&gt;  {"a":"}"}, [1,2]
 *   |  object || arr |
 *   each text is an object or an array, ended by the bracket that closes it; white space
 *   between texts (a peer's line feeds, NDJSON) is skipped; the encoder writes the texts alone
 *
 * Framers.jsonSeq(), messages {"a":1} and 42:
 *
 *   +----+-----------+----+----+----+----+----+
 *   | 1e | {"a":1}   | 0a | 1e | 34 | 32 | 0a |  ---&gt;  {"a":1}, 42
 *   +----+-----------+----+----+----+----+----+
 *    RS    text        LF   RS   text      LF
 * </pre>
 *
 * <p>The decoder reads strings and escapes, so a {@code }} or {@code ]} inside a string, an
 * escaped quote {@code \"} and an escaped backslash before a closing quote {@code \\"} do not
 * end a text early (the cases Netty's {@code JsonObjectDecoder} had to fix). Multi-byte UTF-8 is
 * never mistaken for structure: its bytes are all 0x80 and above.
 *
 * <p><b>Refuses to encode</b> a message that is not one text the receiver would read back whole:
 * for {@code json}, anything but one object or array with nothing before or after it; for
 * {@code json-seq}, a message with a record separator (0x1e), a line feed after its value, or an
 * unclosed string or bracket. A message over the maximum or nested deeper than the maximum depth.
 *
 * <p><b>Errors.</b> Concatenated texts cannot resync: a closer that does not match, bytes that
 * cannot start a text, or nesting over the maximum fail the stream. A sequence resyncs at the next
 * record separator: a damaged text (cut short by an RS, malformed, too deep, too long) is reported
 * once as a {@link FramingException} and the next call goes on with the next text.
 *
 * <p><b>Security.</b> Bounded in bytes ({@link #maxFrameLength()}, 1 MiB by default) and in depth
 * (128 levels by default): an endless or endlessly deep text fails as soon as it passes either,
 * before more is buffered. The nesting costs one bit per level, allocated with the decoder.
 */
final class JsonFramer implements Framer {
    static final int DEFAULT_MAX_DEPTH = 128;
    static final int LARGEST_MAX_DEPTH = 1 << 16;
    static final JsonFramer CONCATENATED = new JsonFramer(false, FrameLimits.DEFAULT_MAX_FRAME_LENGTH, DEFAULT_MAX_DEPTH);
    static final JsonFramer SEQUENCE = new JsonFramer(true, FrameLimits.DEFAULT_MAX_FRAME_LENGTH, DEFAULT_MAX_DEPTH);

    private final boolean sequence;
    private final int maxFrameLength;
    private final int maxDepth;
    private final FrameEncoder encoder = new Encoder();

    private JsonFramer(boolean sequence, int maxFrameLength, int maxDepth) {
        this.sequence = sequence;
        this.maxFrameLength = maxFrameLength;
        this.maxDepth = maxDepth;
    }

    /** This framing with the given limits, each validated with a message that names it. */
    JsonFramer withLimits(int maxFrameLength, int maxDepth) {
        FrameLimits.checkMaxFrameLength(maxFrameLength, name());
        if (maxDepth < 1 || maxDepth > LARGEST_MAX_DEPTH) {
            throw new IllegalArgumentException(name() + ": maxDepth must be between 1 and " + LARGEST_MAX_DEPTH
                    + " levels, got " + maxDepth);
        }
        return new JsonFramer(sequence, maxFrameLength, maxDepth);
    }

    private String name() {
        return sequence ? "json-seq" : "json";
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    @Override
    public FrameDecoder newDecoder() {
        return sequence ? new JsonSeqDecoder(maxFrameLength, maxDepth) : new JsonDecoder(maxFrameLength, maxDepth);
    }

    /** Describes the rule, e.g. {@code json(max 1048576 bytes, depth 128)}. */
    @Override
    public String toString() {
        return name() + "(max " + maxFrameLength + " bytes, depth " + maxDepth + ")";
    }

    /** Two JSON framers are equal when their kind and limits are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JsonFramer that && sequence == that.sequence && maxFrameLength == that.maxFrameLength
                && maxDepth == that.maxDepth;
    }

    @Override
    public int hashCode() {
        return (Boolean.hashCode(sequence) * 31 + maxFrameLength) * 31 + maxDepth;
    }

    /** The encoder: it checks the message is one text and adds the separators; it keeps no state. */
    private final class Encoder implements FrameEncoder {
        @Override
        public MessageRefusedException check(ByteBuf message) {
            MessageRefusedException overMaximum = FrameLimits.refuseOverMaximum(message, maxFrameLength, name(),
                    "Framers." + (sequence ? "jsonSeq" : "json") + "(maxFrameLength, maxDepth)");
            if (overMaximum != null) {
                return overMaximum;
            }
            int start = message.readerIndex();
            int end = message.writerIndex();
            JsonScan scan = sequence ? JsonScan.sequence(maxDepth) : JsonScan.concatenated(maxDepth);
            int result = end > start ? scan.advance(message, start, end) : JsonScan.MORE;
            String why;
            if (!sequence && end > start && JsonDecoder.isWhiteSpace(message.getByte(start))) {
                why = "white space before the text, which the receiver skips";
            } else if (result == JsonScan.MALFORMED) {
                why = scan.problem() + " at offset " + (scan.stoppedAt() - start);
            } else if (result == JsonScan.SEPARATOR) {
                why = "a record separator (0x1e) at offset " + (scan.stoppedAt() - start) + " would end the text there";
            } else if (sequence) {
                why = result >= 0 ? "a line feed at offset " + (result - 1 - start) + " would end the text there"
                        : scan.canEndHere() ? null : scan.started() ? "the text is not complete (a string or bracket is open)"
                        : "it holds no value";
            } else {
                why = result == end ? null : result >= 0 ? "the text ends at offset " + (result - start)
                        + ", and bytes follow it" : end == start ? "it is empty"
                        : "the text is not complete (a string or bracket is open)";
            }
            return why == null ? null : new MessageRefusedException(name() + ": the message is not one JSON text the"
                    + " receiver would read back whole: " + why + ": " + HexPreview.of(message, start, end - start),
                    end - start);
        }

        /** Nothing for {@code json}; a record separator and a line feed for {@code json-seq}. */
        @Override
        public int overhead(int payloadLength) {
            return sequence ? 2 : 0;
        }

        @Override
        public void writeHeader(int payloadLength, ByteBuf out) {
            if (sequence) {
                out.writeByte(JsonScan.RS);
            }
        }

        @Override
        public void writeTrailer(int payloadLength, ByteBuf out) {
            if (sequence) {
                out.writeByte('\n');
            }
        }

        @Override
        public String toString() {
            return JsonFramer.this.toString();
        }
    }
}

package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * STOMP 1.2 frames: a command line, header lines, a blank line, the body, a NUL. With a
 * {@code content-length} header the body is exactly that many bytes (NULs inside allowed); without
 * one it ends at the first NUL. The head (command, headers and the blank line, as on the wire) is
 * the frame's {@linkplain Frame#headerFields() header fields}, the body its payload; EOLs between
 * frames (heart-beats) are skipped. Made by {@link Framers#stomp()}.
 *
 * <pre>
 *   SEND\n destination:/queue/a\n content-length:5\n \n | hello | 00
 *   |head: header fields, written back with content-length set to the payload's length | body | NUL
 * </pre>
 *
 * <p>A message written without header fields is {@code SEND} to {@code /queue/framekit} with its
 * {@code content-length}. A head without {@code content-length} cannot carry a body holding a NUL.
 */
final class StompFramer implements Framer {
    /** The longest head: 8 KiB. */
    static final int MAX_HEAD_LENGTH = 8192;

    static final StompFramer DEFAULT = new StompFramer(FrameLimits.DEFAULT_MAX_FRAME_LENGTH);

    private static final String CONTENT_LENGTH = "content-length:";

    private final int maxFrameLength;
    private final FrameEncoder encoder = new Encoder();

    private StompFramer(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    static StompFramer withMax(int maxFrameLength) {
        return new StompFramer(FrameLimits.checkMaxFrameLength(maxFrameLength, "stomp"));
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** Returns a new decoder, which remembers how far it has scanned the head and the body. */
    @Override
    public FrameDecoder newDecoder() {
        return new StompDecoder(this);
    }

    /** Returns the shared encoder: it keeps no state. */
    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    /**
     * The first {@code content-length} header's value in a head (its bytes as ISO-8859-1 chars), or -1.
     *
     * @throws FramingException if the value is not a decimal number of at most 18 digits
     */
    static long contentLength(String head) throws FramingException {
        int at = headerStart(head);
        if (at < 0) {
            return -1;
        }
        int end = head.indexOf('\n', at);
        String value = head.substring(at + CONTENT_LENGTH.length(), end).replace("\r", "");
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FramingException("stomp: content-length \"" + (value.length() > 40 ? value.substring(0, 40) + "…"
                    : value) + "\" is not a decimal number of at most 18 digits");
        }
        return Long.parseLong(value);
    }

    /** Where the first content-length header line starts (after the command line), or -1. */
    private static int headerStart(String head) {
        int at = head.indexOf("\n" + CONTENT_LENGTH);
        return at < 0 ? -1 : at + 1;
    }

    /** Describes the rule, e.g. {@code stomp(max 1048576 bytes)}. */
    @Override
    public String toString() {
        return "stomp(max " + maxFrameLength + " bytes)";
    }

    /** Two STOMP framers are equal when their maximums are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StompFramer that && maxFrameLength == that.maxFrameLength;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(maxFrameLength) * 31 + 11;
    }

    /** Writes the head (content-length set to the payload's length), the body and the NUL. */
    private final class Encoder implements FrameEncoder {
        @Override
        public MessageRefusedException check(ByteBuf message) {
            return check(Unpooled.EMPTY_BUFFER, message);
        }

        @Override
        public MessageRefusedException check(ByteBuf headerFields, ByteBuf message) {
            int length = message.readableBytes();
            String problem = length > maxFrameLength ? "message is " + length + " bytes, over the maximum frame length of "
                    + maxFrameLength + " bytes; raise it with Framers.stomp(maxFrameLength) on both sides"
                    : headerFields.isReadable() ? headProblem(headerFields.toString(StandardCharsets.ISO_8859_1), message)
                    : null;
            return problem == null ? null : new MessageRefusedException("stomp: " + problem + ": "
                    + HexPreview.of(message, message.readerIndex(), length), length);
        }

        private String headProblem(String head, ByteBuf message) {
            if (head.length() > MAX_HEAD_LENGTH || head.indexOf('\0') >= 0 || head.startsWith("\n")
                    || head.startsWith("\r") || firstBlankLineEnd(head) != head.length()) {
                return "a head is a command line and header lines ended by a blank line, without NUL, at most "
                        + MAX_HEAD_LENGTH + " bytes; got " + HexPreview.quoted(head.getBytes(StandardCharsets.ISO_8859_1));
            }
            try {
                if (contentLength(head) < 0
                        && message.indexOf(message.readerIndex(), message.writerIndex(), (byte) 0) >= 0) {
                    return "the body holds a NUL and the head has no content-length header to count it";
                }
                return null;
            } catch (FramingException e) {
                return e.getMessage().substring("stomp: ".length());
            }
        }

        /** Where the head's first blank line ends (as a decoder finds it), or -1. */
        private int firstBlankLineEnd(String head) {
            for (int i = head.indexOf('\n'); i >= 0; i = head.indexOf('\n', i + 1)) {
                if (i >= 1 && head.charAt(i - 1) == '\n' || i >= 2 && head.charAt(i - 1) == '\r' && head.charAt(i - 2) == '\n') {
                    return i + 1;
                }
            }
            return -1;
        }

        @Override
        public int overhead(int payloadLength) {
            return defaultHead(payloadLength).length() + 1;
        }

        @Override
        public void writeHeader(int payloadLength, ByteBuf out) {
            out.writeCharSequence(defaultHead(payloadLength), StandardCharsets.ISO_8859_1);
        }

        @Override
        public void writeHeader(ByteBuf headerFields, int payloadLength, ByteBuf out) {
            if (!headerFields.isReadable()) {
                writeHeader(payloadLength, out);
                return;
            }
            String head = headerFields.toString(StandardCharsets.ISO_8859_1);
            int at = headerStart(head);
            if (at >= 0) {
                int valueStart = at + CONTENT_LENGTH.length();
                int valueEnd = head.charAt(head.indexOf('\n', at) - 1) == '\r' ? head.indexOf('\n', at) - 1
                        : head.indexOf('\n', at);
                head = head.substring(0, valueStart) + payloadLength + head.substring(valueEnd);
            }
            out.writeCharSequence(head, StandardCharsets.ISO_8859_1);
        }

        @Override
        public void writeTrailer(int payloadLength, ByteBuf out) {
            out.writeByte(0);
        }

        private String defaultHead(int payloadLength) {
            return "SEND\ndestination:/queue/framekit\ncontent-length:" + payloadLength + "\n\n";
        }

        @Override
        public String toString() {
            return StompFramer.this.toString();
        }
    }
}

package dev.framekit.framing.websocket;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import dev.framekit.framing.internal.StrictUtf8;
import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * WebSocket frames (RFC 6455 section 5) for one end of the connection, after the opening
 * handshake. Each message goes out as one frame; inbound messages may arrive in fragments, which
 * the decoder reassembles.
 *
 * <pre>
 *  byte 0                  byte 1                   bytes 2..              then
 *  +-+-+-+-+-------+       +-+-------------+        +------------------+   +----------------+
 *  |F|R|R|R|opcode |       |M| length (7)  |        | extended length  |   | masking key    |
 *  |I|S|S|S| 4 bit |       |A| 0-125: it   |        | 126: 2 bytes     |   | 4 bytes, only  |
 *  |N|V|V|V|       |       |S| 126: 16-bit |        | 127: 8 bytes     |   | if MASK is 1   |
 *  | |1|2|3|       |       |K| 127: 64-bit |        | big-endian       |   |                |
 *  +-+-+-+-+-------+       +-+-------------+        +------------------+   +----------------+
 *  then the payload (XORed with the key, byte i with key byte i % 4, if MASK is 1)
 *
 * WebSocketFramer.server().sendAs(TEXT), message "hello" (7 bytes on the wire):
 *
 *   81 05 68 65 6c 6c 6f         81 = FIN + TEXT, 05 = unmasked, length 5, then "hello"
 *
 * WebSocketFramer.client().sendAs(TEXT), message "hello", key 37 fa 21 3d (11 bytes):
 *
 *   81 85 37 fa 21 3d 7f 9f 4d 51 58
 *   |  |  +- key ---+ +- 68^37 65^fa 6c^21 6c^3d 6f^37 -+
 *   |  85 = MASK + length 5
 *   81 = FIN + TEXT
 *
 * A 70,000-byte binary message from a server:   82 7f 00 00 00 00 00 01 11 70 ... (10-byte header)
 * A 300-byte binary message from a server:      82 7e 01 2c ...                     (4-byte header)
 * </pre>
 *
 * <p><b>Roles.</b> A {@link #client() client} masks every frame with a fresh key from a
 * {@link java.security.SecureRandom}; a {@link #server() server} never masks. Each
 * refuses what the other role would not send: a server an unmasked frame, a client a masked one
 * ({@link WebSocketProtocolException}, close code 1002).
 *
 * <p><b>Sending.</b> Every message is sent as one unfragmented frame of the opcode chosen with
 * {@link #sendAs} ({@code BINARY} unless told otherwise). {@code TEXT} messages must be valid
 * UTF-8, control messages ({@code PING}, {@code PONG}, {@code CLOSE}) at most 125 bytes, and
 * every message at most {@link #maxFrameLength()}; anything else is refused before a byte is
 * written. <b>Copies:</b> a server's payload goes to the stream without a copy on the writer's
 * direct path (it is sent unchanged); a client's payload is masked, so it is copied once, into
 * the writer's batch, as it is masked.
 *
 * <p><b>Receiving.</b> The decoder hands out whole data messages (a single frame as a slice of
 * the connection's buffer, unmasked in place; a fragmented message as one buffer it assembled).
 * With {@link dev.framekit.framing.FrameDecoder#decodeFrame decodeFrame} (or
 * {@link dev.framekit.framing.FrameReader#read()}) each comes as a {@link WebSocketFrame} with its
 * opcode, and so do control frames, checked, for the reader to answer on its own read path
 * ({@link WebSocketConnection} answers pings and the close); the plain payload path consumes
 * control frames and drops them.
 * Refused, with close code 1002: reserved bits or opcodes, the wrong mask bit for the role, a
 * length not in its shortest form, a 64-bit length with its top bit set, a control frame over 125
 * bytes or fragmented, a continuation with no message to continue or a new message inside one, a
 * close frame of 1 byte or with a code not allowed on the wire, any frame after a close. Refused
 * with 1007: a text message or close reason that is not UTF-8.
 *
 * <p><b>Security.</b> A frame over {@link #maxFrameLength()} or a message over
 * {@link #maxMessageLength()} (1 MiB each by default) fails with {@link dev.framekit.framing.FrameTooLongException}
 * (close code 1009) as soon as its header arrives, before anything is buffered or allocated for
 * it: a header declaring 2<sup>63</sup>-1 bytes costs its 10 bytes. A fragmented message is
 * copied as its fragments arrive, so the decoder holds at most the message limit.
 */
public final class WebSocketFramer implements Framer {
    private static final String NAME = "websocket";
    private static final WebSocketFramer SERVER = new WebSocketFramer(false, WebSocketOpcode.BINARY,
            FrameLimits.DEFAULT_MAX_FRAME_LENGTH, FrameLimits.DEFAULT_MAX_FRAME_LENGTH, MaskingEncoder.SECURE_KEYS);
    private static final WebSocketFramer CLIENT = new WebSocketFramer(true, WebSocketOpcode.BINARY,
            FrameLimits.DEFAULT_MAX_FRAME_LENGTH, FrameLimits.DEFAULT_MAX_FRAME_LENGTH, MaskingEncoder.SECURE_KEYS);

    private final boolean client;
    private final WebSocketOpcode sendsAs;
    private final int maxFrameLength;
    private final int maxMessageLength;
    private final IntSupplier maskKeys;
    private final FrameEncoder serverEncoder = new ServerEncoder();

    private WebSocketFramer(boolean client, WebSocketOpcode sendsAs, int maxFrameLength, int maxMessageLength,
            IntSupplier maskKeys) {
        this.client = client;
        this.sendsAs = sendsAs;
        this.maxFrameLength = maxFrameLength;
        this.maxMessageLength = maxMessageLength;
        this.maskKeys = maskKeys;
    }

    /**
     * WebSocket frames for the server end, after the opening handshake: sends unmasked frames
     * ({@code BINARY} unless {@link #sendAs} says otherwise), receives only masked ones.
     *
     * @return the framer
     */
    public static WebSocketFramer server() {
        return SERVER;
    }

    /**
     * WebSocket frames for the client end: masks every frame with a fresh random key, receives
     * only unmasked frames.
     *
     * @return the framer
     */
    public static WebSocketFramer client() {
        return CLIENT;
    }

    /**
     * Returns a framer like this one that sends its messages as frames of {@code opcode}.
     *
     * @param opcode TEXT, BINARY, PING, PONG or CLOSE (a close message is its payload: a 2-byte
     *     code and a UTF-8 reason, or nothing)
     * @return the new framer
     * @throws IllegalArgumentException for CONTINUATION (every message is sent as one frame)
     */
    public WebSocketFramer sendAs(WebSocketOpcode opcode) {
        if (Objects.requireNonNull(opcode, "opcode") == WebSocketOpcode.CONTINUATION) {
            throw new IllegalArgumentException("websocket: sendAs must be TEXT, BINARY, PING, PONG or CLOSE, got"
                    + " CONTINUATION (every message is sent as one unfragmented frame)");
        }
        return new WebSocketFramer(client, opcode, maxFrameLength, maxMessageLength, maskKeys);
    }

    /**
     * Returns a framer like this one whose frames, in and out, carry at most
     * {@code maxFrameLength} payload bytes. The message limit is raised to match if it is lower.
     *
     * @param maxFrameLength 1 to 1 GiB
     * @return the new framer
     * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
     */
    public WebSocketFramer withMaxFrameLength(int maxFrameLength) {
        FrameLimits.checkMaxFrameLength(maxFrameLength, NAME);
        return new WebSocketFramer(client, sendsAs, maxFrameLength, Math.max(maxMessageLength, maxFrameLength), maskKeys);
    }

    /**
     * Returns a framer like this one that reassembles fragmented messages of at most
     * {@code maxMessageLength} bytes.
     *
     * @param maxMessageLength {@link #maxFrameLength()} to 1 GiB
     * @return the new framer
     * @throws IllegalArgumentException if it is out of range or below the frame limit
     */
    public WebSocketFramer withMaxMessageLength(int maxMessageLength) {
        FrameLimits.checkMaxFrameLength(maxMessageLength, NAME);
        if (maxMessageLength < maxFrameLength) {
            throw new IllegalArgumentException("websocket: maxMessageLength (" + maxMessageLength
                    + ") must be at least maxFrameLength (" + maxFrameLength + ")");
        }
        return new WebSocketFramer(client, sendsAs, maxFrameLength, maxMessageLength, maskKeys);
    }

    /** For tests that need reproducible masked bytes: the keys to mask with, in order. */
    WebSocketFramer maskKeys(IntSupplier keys) {
        return new WebSocketFramer(client, sendsAs, maxFrameLength, maxMessageLength, keys);
    }

    /**
     * Returns whether this framer is for the client end, which masks what it sends and takes only
     * unmasked frames.
     *
     * @return true for {@link #client()}, false for {@link #server()}
     */
    public boolean isClient() {
        return client;
    }

    /**
     * Returns the opcode messages are sent as.
     *
     * @return BINARY unless set with {@link #sendAs}
     */
    public WebSocketOpcode sendsAs() {
        return sendsAs;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /**
     * Returns the largest reassembled message the decoder accepts.
     *
     * @return the message limit in bytes, at least {@link #maxFrameLength()}
     */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /**
     * Returns the connection's encoder: a server's keeps no state (and is shared); a client's
     * holds the key of the frame it is writing and masks the payload with it.
     */
    @Override
    public FrameEncoder newEncoder() {
        return client ? new MaskingEncoder(this, maskKeys) : serverEncoder;
    }

    /** Returns a new decoder: it holds the fragments of a message and whether a close arrived. */
    @Override
    public FrameDecoder newDecoder() {
        return new WebSocketDecoder(this);
    }

    /**
     * Refuses a message over the maximum frame length, a control message over 125 bytes, a text
     * message that is not UTF-8, and a close message that is not a valid code and UTF-8 reason.
     * Both roles' encoders ask it.
     */
    MessageRefusedException refusal(ByteBuf message) {
        MessageRefusedException over = FrameLimits.refuseOverMaximum(message, maxFrameLength, NAME);
        if (over != null) {
            return over;
        }
        int length = message.readableBytes();
        int start = message.readerIndex();
        if (sendsAs.isControl() && length > WebSocketOpcode.MAX_CONTROL_PAYLOAD) {
            return refused("a " + sendsAs + " message is " + length + " bytes; control frames carry at most "
                    + WebSocketOpcode.MAX_CONTROL_PAYLOAD, message);
        }
        if (sendsAs == WebSocketOpcode.CLOSE) {
            String problem = WebSocketDecoder.closeCodeProblem(message, start, length);
            if (problem == null) {
                problem = WebSocketDecoder.closeReasonProblem(message, start, length);
            }
            if (problem != null) {
                return refused("a CLOSE message is " + problem, message);
            }
        }
        if (sendsAs == WebSocketOpcode.TEXT) {
            int invalid = StrictUtf8.firstInvalid(message, start, length);
            if (invalid >= 0) {
                return refused("a TEXT message must be UTF-8, and byte " + invalid
                        + " is not (the peer would close with 1007; send it as BINARY)", message);
            }
        }
        return null;
    }

    private static MessageRefusedException refused(String why, ByteBuf message) {
        int length = message.readableBytes();
        return new MessageRefusedException("websocket: " + why + ": "
                + HexPreview.of(message, message.readerIndex(), length), length);
    }

    static int headerLength(long payloadLength, boolean masked) {
        int lengthField = payloadLength < 126 ? 0 : payloadLength <= 0xFFFF ? 2 : 8;
        return 2 + lengthField + (masked ? 4 : 0);
    }

    /** Writes FIN, the opcode, the mask bit, the shortest length field and, if masked, the key. */
    static void writeFrameHeader(WebSocketOpcode opcode, int payloadLength, boolean masked, int key, ByteBuf out) {
        out.writeByte(0x80 | opcode.code());
        int maskBit = masked ? 0x80 : 0;
        if (payloadLength < 126) {
            out.writeByte(maskBit | payloadLength);
        } else if (payloadLength <= 0xFFFF) {
            out.writeByte(maskBit | 126).writeShort(payloadLength);
        } else {
            out.writeByte(maskBit | 127).writeLong(payloadLength);
        }
        if (masked) {
            out.writeInt(key);
        }
    }

    /** Describes the rule, e.g. {@code websocket(server, sends BINARY, max frame 1048576, max message 1048576)}. */
    @Override
    public String toString() {
        return "websocket(" + (client ? "client" : "server") + ", sends " + sendsAs + ", max frame "
                + maxFrameLength + ", max message " + maxMessageLength + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebSocketFramer that && client == that.client && sendsAs == that.sendsAs
                && maxFrameLength == that.maxFrameLength && maxMessageLength == that.maxMessageLength
                && maskKeys == that.maskKeys;
    }

    @Override
    public int hashCode() {
        return Objects.hash(client, sendsAs, maxFrameLength, maxMessageLength);
    }

    /** A server's encoder: the header (FIN, the opcode, the shortest length), the payload unchanged. */
    private final class ServerEncoder implements FrameEncoder {
        @Override
        public MessageRefusedException check(ByteBuf message) {
            return refusal(message);
        }

        @Override
        public int overhead(int payloadLength) {
            return headerLength(payloadLength, false);
        }

        @Override
        public void writeHeader(int payloadLength, ByteBuf out) {
            writeFrameHeader(sendsAs, payloadLength, false, 0, out);
        }

        @Override
        public String toString() {
            return WebSocketFramer.this.toString();
        }
    }
}

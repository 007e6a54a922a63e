package dev.framekit.framing.websocket;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.TruncatedFrameException;
import dev.framekit.framing.internal.HexPreview;
import dev.framekit.framing.internal.StrictUtf8;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One WebSocket connection's decoder. A data message in one frame is unmasked in place and
 * handed out as a slice of the connection's buffer; the fragments of a longer message are copied,
 * as each arrives, into a buffer of the decoder's, bounded by the message limit (its capacity is
 * {@link #heldCapacity()}, which a server counts). Control frames
 * come out of {@link #decodeFrame} as typed frames, checked, for the reader to answer; the plain
 * {@link #decode} consumes and drops them. Every header is checked before its payload is waited
 * for, so limits and protocol errors fail as soon as the header's bytes arrive.
 */
final class WebSocketDecoder implements FrameDecoder {
    private static final String NAME = "websocket";

    private final WebSocketFramer framer;
    /** Whether the peer whose frames this decoder reads is a client, which must mask them. */
    private final boolean fromClient;
    /** The fragments of the message being reassembled, or null between messages. */
    private ByteBuf message;
    private WebSocketOpcode messageType;
    private int fragments;
    /** Wire bytes of the fragments taken so far, headers included. */
    private long messageWireBytes;
    private boolean closed;

    WebSocketDecoder(WebSocketFramer framer) {
        this.framer = framer;
        this.fromClient = !framer.isClient();
    }

    /** The capacity of the buffer a fragmented message is reassembled in; 0 between messages. */
    @Override
    public int heldCapacity() {
        return message == null ? 0 : message.capacity();
    }

    /** The next data message's payload; a control frame is consumed and dropped (call again). */
    @Override
    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
        WebSocketFrame frame = decodeFrame(in, endOfStream);
        if (frame == null) {
            return null;
        }
        if (frame.isControl()) {
            frame.release();
            return null; // consumed: FrameDecoder's rule says call again
        }
        return frame.payload();
    }

    /** The next data message or control frame; fragments are taken and reassembled on the way. */
    @Override
    public WebSocketFrame decodeFrame(ByteBuf in, boolean endOfStream) throws FramingException {
        try {
            while (true) {
                if (closed) {
                    if (in.isReadable()) {
                        throw protocol("the peer sent bytes after its close frame, the first "
                                + HexPreview.describeByte(in.getByte(in.readerIndex())), WebSocketCloseCodes.PROTOCOL_ERROR);
                    }
                    return null;
                }
                int before = in.readerIndex();
                WebSocketFrame frame = nextFrame(in, endOfStream);
                if (frame != null || in.readerIndex() == before) {
                    return frame; // a frame, or one not yet whole (nothing consumed)
                }
                // a fragment was taken: look at what follows it
            }
        } catch (FramingException e) {
            releaseMessage();
            throw e;
        }
    }

    /**
     * Takes one frame off {@code in} if it is whole: returns a complete data message or a control
     * frame, or null after taking a fragment, or null having consumed nothing if the frame is not
     * whole yet.
     */
    private WebSocketFrame nextFrame(ByteBuf in, boolean endOfStream) throws FramingException {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable < 2) {
            return waitFor(in, endOfStream, 2);
        }
        int b0 = in.getUnsignedByte(start);
        int b1 = in.getUnsignedByte(start + 1);
        boolean fin = (b0 & 0x80) != 0;
        WebSocketOpcode opcode = WebSocketOpcode.of(b0 & 0x0f);
        boolean masked = (b1 & 0x80) != 0;
        int len7 = b1 & 0x7f;
        if ((b0 & 0x70) != 0) {
            throw protocol("reserved bits set in the first header byte 0x" + Integer.toHexString(b0)
                    + " (no extension was agreed): " + preview(in, 2), WebSocketCloseCodes.PROTOCOL_ERROR);
        }
        if (opcode == null) {
            throw protocol("reserved opcode 0x" + Integer.toHexString(b0 & 0x0f) + ": " + preview(in, 2),
                    WebSocketCloseCodes.PROTOCOL_ERROR);
        }
        if (masked != fromClient) {
            throw protocol(fromClient
                    ? "an unmasked frame from the client (a client must mask every frame, RFC 6455 5.1): " + preview(in, 2)
                    : "a masked frame from the server (a server must not mask, RFC 6455 5.1): " + preview(in, 2),
                    WebSocketCloseCodes.PROTOCOL_ERROR);
        }
        if (opcode.isControl() && !fin) {
            throw protocol("a fragmented " + opcode + " frame (control frames are never fragmented): " + preview(in, 2),
                    WebSocketCloseCodes.PROTOCOL_ERROR);
        }
        int lengthBytes = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        int headerLength = 2 + lengthBytes + (masked ? 4 : 0);
        if (readable < 2 + lengthBytes) {
            return waitFor(in, endOfStream, headerLength);
        }
        long length = declaredLength(in, start, len7);
        checkLength(in, opcode, len7, length, headerLength);
        long frameLength = headerLength + length;
        if (readable < frameLength) {
            return waitFor(in, endOfStream, frameLength);
        }
        int payloadLength = (int) length;
        if (masked) {
            MaskingEncoder.mask(in, start + headerLength, payloadLength, in.getInt(start + headerLength - 4));
        }
        in.skipBytes(headerLength);
        if (opcode.isControl()) {
            return control(opcode, in, payloadLength);
        }
        return data(opcode, fin, in, payloadLength, headerLength);
    }

    /** The declared payload length; for a 64-bit field, negative if its top bit is set. */
    private static long declaredLength(ByteBuf in, int start, int len7) {
        if (len7 < 126) {
            return len7;
        }
        return len7 == 126 ? in.getUnsignedShort(start + 2) : in.getLong(start + 2);
    }

    private void checkLength(ByteBuf in, WebSocketOpcode opcode, int len7, long length, int headerLength)
            throws FramingException {
        int fieldEnd = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
        if (length < 0) {
            throw protocol("a 64-bit payload length with its most significant bit set (it must be 0, RFC 6455 5.2): "
                    + preview(in, fieldEnd), WebSocketCloseCodes.PROTOCOL_ERROR);
        }
        if ((len7 == 126 && length < 126) || (len7 == 127 && length <= 0xFFFF)) {
            throw protocol("the length " + length + " in a " + (len7 == 126 ? 16 : 64)
                    + "-bit field, not in its shortest form (RFC 6455 5.2): " + preview(in, fieldEnd),
                    WebSocketCloseCodes.PROTOCOL_ERROR);
        }
        if (opcode.isControl()) {
            if (length > WebSocketOpcode.MAX_CONTROL_PAYLOAD) {
                throw protocol("a " + opcode + " frame of " + length + " payload bytes; control frames carry at most "
                        + WebSocketOpcode.MAX_CONTROL_PAYLOAD + ": " + preview(in, fieldEnd),
                        WebSocketCloseCodes.PROTOCOL_ERROR);
            }
            return;
        }
        if (opcode == WebSocketOpcode.CONTINUATION && message == null) {
            throw protocol("a continuation frame with no fragmented message to continue: " + preview(in, fieldEnd),
                    WebSocketCloseCodes.PROTOCOL_ERROR);
        }
        if (opcode != WebSocketOpcode.CONTINUATION && message != null) {
            throw protocol("a new " + opcode + " frame while a fragmented " + messageType + " message (" + fragments
                    + " fragments so far) still waits for its final fragment: " + preview(in, fieldEnd),
                    WebSocketCloseCodes.PROTOCOL_ERROR);
        }
        if (length > framer.maxFrameLength()) {
            throw new FrameTooLongException(NAME + ": frame length " + length + " exceeds the maximum of "
                    + framer.maxFrameLength() + " bytes (raise it with withMaxFrameLength(n) if the peer is legitimate); header "
                    + preview(in, fieldEnd), length, framer.maxFrameLength());
        }
        long sofar = message == null ? 0 : message.readableBytes();
        if (sofar + length > framer.maxMessageLength()) {
            throw new FrameTooLongException(NAME + ": a fragmented message of " + sofar + " bytes in " + fragments
                    + " fragments, plus a fragment of " + length + ", exceeds the maximum message length of "
                    + framer.maxMessageLength() + " bytes (raise it with maxMessageLength(n) if the peer is legitimate)",
                    sofar + length, framer.maxMessageLength());
        }
    }

    /** Need-more, or at the end of the stream the truncation inside a frame or a message. */
    private WebSocketFrame waitFor(ByteBuf in, boolean endOfStream, long expected) throws FramingException {
        if (!endOfStream) {
            return null;
        }
        int readable = in.readableBytes();
        if (readable > 0) {
            throw new TruncatedFrameException(NAME + ": stream ended after " + readable + " of " + expected
                    + " bytes of a frame: " + HexPreview.of(in, in.readerIndex(), readable), readable, expected);
        }
        if (message != null) {
            throw new TruncatedFrameException(NAME + ": stream ended inside a fragmented " + messageType + " message, after "
                    + fragments + " fragments (" + messageWireBytes + " bytes); its final fragment never came",
                    messageWireBytes, TruncatedFrameException.UNKNOWN);
        }
        return null;
    }

    private WebSocketFrame control(WebSocketOpcode opcode, ByteBuf in, int length) throws FramingException {
        if (opcode == WebSocketOpcode.CLOSE) {
            checkClose(in, in.readerIndex(), length);
            closed = true;
        }
        return new WebSocketFrame(opcode, in.readRetainedSlice(length));
    }

    private static void checkClose(ByteBuf payload, int index, int length) throws FramingException {
        String codeProblem = closeCodeProblem(payload, index, length);
        if (codeProblem != null) {
            throw protocol("a close frame with " + codeProblem + ": " + HexPreview.of(payload, index, length),
                    WebSocketCloseCodes.PROTOCOL_ERROR);
        }
        String reasonProblem = closeReasonProblem(payload, index, length);
        if (reasonProblem != null) {
            throw protocol("a close frame with " + reasonProblem + ": " + HexPreview.of(payload, index, length),
                    WebSocketCloseCodes.INVALID_PAYLOAD);
        }
    }

    /**
     * What is wrong with a close payload's status code (the payload is empty, or a code and a
     * reason), or null. Shared with the framer's check.
     */
    static String closeCodeProblem(ByteBuf payload, int index, int length) {
        if (length == 1) {
            return "1 payload byte, but a status code takes 2";
        }
        if (length >= 2 && !WebSocketCloseCodes.isValidOnWire(payload.getUnsignedShort(index))) {
            return "the status code " + payload.getUnsignedShort(index)
                    + ", which may not be sent (1000-1003, 1007-1011, 3000-4999 may)";
        }
        return null;
    }

    /** What is wrong with a close payload's reason (it must be UTF-8), or null. */
    static String closeReasonProblem(ByteBuf payload, int index, int length) {
        int invalid = length > 2 ? StrictUtf8.firstInvalid(payload, index + 2, length - 2) : -1;
        return invalid < 0 ? null : "a reason that is not UTF-8 (byte " + invalid + ")";
    }

    private WebSocketFrame data(WebSocketOpcode opcode, boolean fin, ByteBuf in, int length, int headerLength)
            throws FramingException {
        if (fin && message == null) {
            checkText(opcode, in, in.readerIndex(), length);
            return new WebSocketFrame(opcode, in.readRetainedSlice(length));
        }
        if (message == null) {
            message = Unpooled.buffer((int) Math.min(2L * length, framer.maxMessageLength()));
            messageType = opcode;
        } else if (message.writableBytes() < length) {
            // Doubles what arrived, never past the message limit (netty's growth would round up to a
            // power of two: a message just under 1 MiB would take an array over it, two G1 regions).
            long arrived = message.readableBytes();
            message.capacity((int) Math.min(framer.maxMessageLength(), Math.max(arrived + length, 2 * arrived)));
        }
        message.writeBytes(in, length);
        fragments++;
        messageWireBytes += headerLength + length;
        if (!fin) {
            return null;
        }
        ByteBuf whole = message;
        WebSocketOpcode type = messageType;
        checkText(type, whole, whole.readerIndex(), whole.readableBytes());
        message = null;
        fragments = 0;
        messageWireBytes = 0;
        return new WebSocketFrame(type, whole);
    }

    private static void checkText(WebSocketOpcode type, ByteBuf bytes, int index, int length) throws FramingException {
        if (type != WebSocketOpcode.TEXT) {
            return;
        }
        int invalid = StrictUtf8.firstInvalid(bytes, index, length);
        if (invalid >= 0) {
            throw protocol("a text message of " + length + " bytes that is not UTF-8 at byte " + invalid + ": "
                    + HexPreview.of(bytes, index + invalid, length - invalid), WebSocketCloseCodes.INVALID_PAYLOAD);
        }
    }

    private static String preview(ByteBuf in, int headerBytes) {
        return "header " + HexPreview.of(in, in.readerIndex(), Math.min(headerBytes, in.readableBytes()));
    }

    private static WebSocketProtocolException protocol(String what, int closeCode) {
        return new WebSocketProtocolException(NAME + ": " + what + " (close code " + closeCode + ")", closeCode);
    }

    private void releaseMessage() {
        if (message != null) {
            message.release();
            message = null;
        }
    }
}

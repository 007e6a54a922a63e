package dev.framekit.framing.websocket;

import dev.framekit.framing.Frame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket frame as the decoder hands it out: a whole data message ({@code TEXT}, already
 * checked to be UTF-8, or {@code BINARY}; fragments reassembled) or a control frame ({@code PING},
 * {@code PONG}, {@code CLOSE}, already checked). Its {@linkplain #headerFields() header fields}
 * are one byte, the opcode.
 *
 * <pre>
 * 81 02 68 69          -&gt; WebSocketFrame(TEXT, "hi")
 * 89 00                -&gt; WebSocketFrame(PING, empty): answer with a PONG of the same payload
 * 88 02 03 e8          -&gt; WebSocketFrame(CLOSE, 03 e8): closeCode() 1000, closeReason() ""
 * </pre>
 *
 * <p>Control frames can come between any two frames, even between the fragments of a message; a
 * reader answers them on its own read path ({@link WebSocketConnection} does), never from inside
 * the decoder. The caller {@link #release() releases} the frame.
 */
public final class WebSocketFrame extends Frame {
    private static final ByteBuf[] OPCODE_FIELDS = new ByteBuf[16];

    static {
        for (WebSocketOpcode opcode : WebSocketOpcode.values()) {
            OPCODE_FIELDS[opcode.code()] = Unpooled.unreleasableBuffer(
                    Unpooled.wrappedBuffer(new byte[] {(byte) opcode.code()})).asReadOnly();
        }
    }

    private final WebSocketOpcode opcode;

    WebSocketFrame(WebSocketOpcode opcode, ByteBuf payload) {
        super(OPCODE_FIELDS[opcode.code()].duplicate(), payload);
        this.opcode = opcode;
    }

    /**
     * Returns the frame's type.
     *
     * @return TEXT or BINARY for a data message; PING, PONG or CLOSE for a control frame
     */
    public WebSocketOpcode opcode() {
        return opcode;
    }

    /**
     * Returns whether this is a control frame: PING, PONG or CLOSE.
     *
     * @return true for a control frame, false for a data message
     */
    @Override
    public boolean isControl() {
        return opcode.isControl();
    }

    /**
     * Returns whether this is a text message.
     *
     * @return true for TEXT
     */
    public boolean isText() {
        return opcode == WebSocketOpcode.TEXT;
    }

    /**
     * Returns the payload as text (the decoder checked a TEXT message and a close reason are UTF-8).
     *
     * @return the payload decoded as UTF-8
     */
    public String text() {
        return payload().toString(StandardCharsets.UTF_8);
    }

    /**
     * Returns a close frame's status code.
     *
     * @return the code, or {@link WebSocketCloseCodes#NO_STATUS} (1005) if the frame had none
     * @throws IllegalStateException if this is not a CLOSE frame
     */
    public int closeCode() {
        ByteBuf payload = closePayload();
        return payload.readableBytes() < 2 ? WebSocketCloseCodes.NO_STATUS : payload.getUnsignedShort(payload.readerIndex());
    }

    /**
     * Returns a close frame's reason.
     *
     * @return the reason, possibly empty
     * @throws IllegalStateException if this is not a CLOSE frame
     */
    public String closeReason() {
        ByteBuf payload = closePayload();
        int length = payload.readableBytes();
        return length <= 2 ? "" : payload.toString(payload.readerIndex() + 2, length - 2, StandardCharsets.UTF_8);
    }

    private ByteBuf closePayload() {
        if (opcode != WebSocketOpcode.CLOSE) {
            throw new IllegalStateException("a " + opcode + " frame has no close code");
        }
        return payload();
    }

    /** Describes the frame, e.g. {@code websocket TEXT(5 bytes)}. */
    @Override
    public String toString() {
        return "websocket " + opcode + "(" + payload().readableBytes() + " bytes)";
    }
}

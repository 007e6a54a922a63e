package dev.framekit.framing.websocket;

/**
 * The frame types of RFC 6455 (section 5.2), by their 4-bit opcode: three data opcodes that carry
 * a message's bytes and three control opcodes that manage the connection.
 *
 * <pre>
 * 0x0 CONTINUATION  the next fragment of a message begun by TEXT or BINARY
 * 0x1 TEXT          a message of UTF-8 text (the receiver validates it; invalid: close 1007)
 * 0x2 BINARY        a message of any bytes
 * 0x8 CLOSE         the closing handshake: an optional 2-byte status code, then a UTF-8 reason
 * 0x9 PING          asks the peer for a PONG with the same payload
 * 0xA PONG          the answer to a PING (or an unsolicited heartbeat)
 * </pre>
 *
 * <p>Control frames carry at most {@value #MAX_CONTROL_PAYLOAD} payload bytes and are never
 * fragmented. The other opcodes (0x3-0x7, 0xB-0xF) are reserved; a frame with one is a protocol
 * error (close code 1002).
 */
public enum WebSocketOpcode {
    /** 0x0: the next fragment of a message. */
    CONTINUATION(0x0),
    /** 0x1: a UTF-8 text message (or its first fragment). */
    TEXT(0x1),
    /** 0x2: a binary message (or its first fragment). */
    BINARY(0x2),
    /** 0x8: close the connection, with an optional status code and reason. */
    CLOSE(0x8),
    /** 0x9: a ping; the peer answers with a pong carrying the same payload. */
    PING(0x9),
    /** 0xA: a pong. */
    PONG(0xA);

    /** The largest payload of a control frame (CLOSE, PING, PONG): 125 bytes. */
    public static final int MAX_CONTROL_PAYLOAD = 125;

    private final int code;

    WebSocketOpcode(int code) {
        this.code = code;
    }

    /**
     * Returns the 4-bit opcode that goes on the wire.
     *
     * @return 0x0 to 0xA
     */
    public int code() {
        return code;
    }

    /**
     * Returns whether this is a control opcode (CLOSE, PING, PONG): at most 125 bytes, never
     * fragmented, allowed between the fragments of a message.
     *
     * @return true for CLOSE, PING and PONG
     */
    public boolean isControl() {
        return (code & 0x8) != 0;
    }

    /**
     * Returns the opcode for a 4-bit value from the wire.
     *
     * @param code the opcode bits, 0 to 15
     * @return the opcode, or {@code null} if the value is reserved
     */
    public static WebSocketOpcode of(int code) {
        return switch (code) {
            case 0x0 -> CONTINUATION;
            case 0x1 -> TEXT;
            case 0x2 -> BINARY;
            case 0x8 -> CLOSE;
            case 0x9 -> PING;
            case 0xA -> PONG;
            default -> null;
        };
    }
}

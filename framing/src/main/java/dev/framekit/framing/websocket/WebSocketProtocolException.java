package dev.framekit.framing.websocket;

import dev.framekit.framing.FramingException;

/**
 * The bytes from a WebSocket peer break RFC 6455: the connection must be closed, and the close
 * frame sent to the peer should carry {@link #closeCode()}: {@code 1002} (protocol error: a
 * reserved opcode or bit, an unmasked client frame, a masked server frame, a non-minimal length,
 * a 64-bit length with its top bit set, a control frame over 125 bytes or fragmented, a
 * continuation out of place), or {@code 1007} (a text message or close reason that is not
 * UTF-8). A frame or message over the framer's limits is a
 * {@link dev.framekit.framing.FrameTooLongException} instead (close code 1009, see {@link WebSocketCloseCodes#forFailure(FramingException)}).
 */
public final class WebSocketProtocolException extends FramingException {
    private static final long serialVersionUID = 1L;

    /** The status code for the close frame. */
    private final int closeCode;

    /**
     * Creates a protocol error.
     *
     * @param message the complete, human-readable description
     * @param closeCode the close status code to send, e.g. {@link WebSocketCloseCodes#PROTOCOL_ERROR}
     */
    public WebSocketProtocolException(String message, int closeCode) {
        super(message);
        this.closeCode = closeCode;
    }

    /**
     * Returns the status code the close frame to the peer should carry.
     *
     * @return 1002 or 1007 for framekit's own errors
     */
    public int closeCode() {
        return closeCode;
    }
}

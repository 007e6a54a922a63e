package dev.framekit.framing.websocket;

import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramingException;

/**
 * The status codes of a WebSocket close frame (RFC 6455 section 7.4), which codes may go on the
 * wire, and which code a decoding failure closes with.
 *
 * <pre>
 * 1000 NORMAL            the purpose of the connection is fulfilled
 * 1001 GOING_AWAY        the server is shutting down, or the page is being left
 * 1002 PROTOCOL_ERROR    the peer broke the framing rules
 * 1003 UNSUPPORTED_DATA  a message of a type the endpoint cannot take (binary for a text-only chat)
 * 1005 NO_STATUS         (never sent) the close frame carried no code
 * 1006 ABNORMAL          (never sent) the connection ended without a close frame
 * 1007 INVALID_PAYLOAD   a text message or close reason that is not UTF-8
 * 1008 POLICY_VIOLATION  a message that breaks the endpoint's policy
 * 1009 MESSAGE_TOO_BIG   a frame or message over the endpoint's limit
 * 1011 INTERNAL_ERROR    the endpoint failed
 * </pre>
 */
public final class WebSocketCloseCodes {
    /** 1000: normal closure. */
    public static final int NORMAL = 1000;
    /** 1001: the endpoint is going away. */
    public static final int GOING_AWAY = 1001;
    /** 1002: protocol error. */
    public static final int PROTOCOL_ERROR = 1002;
    /** 1003: a message type the endpoint cannot accept. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** 1005: reported when a close frame had no status code; never sent. */
    public static final int NO_STATUS = 1005;
    /** 1006: reported when the connection ended without a close frame; never sent. */
    public static final int ABNORMAL = 1006;
    /** 1007: a text payload that is not valid UTF-8. */
    public static final int INVALID_PAYLOAD = 1007;
    /** 1008: a message that violates the endpoint's policy. */
    public static final int POLICY_VIOLATION = 1008;
    /** 1009: a frame or message too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** 1011: the endpoint met an unexpected condition. */
    public static final int INTERNAL_ERROR = 1011;

    private WebSocketCloseCodes() {}

    /**
     * Returns whether {@code code} may appear in a close frame: 1000-1003, 1007-1011 (the codes
     * RFC 6455 and its registry define for the wire) and 3000-4999 (libraries, applications).
     * 1004, 1005, 1006, 1015 and everything below 1000 are refused (close code 1002).
     *
     * @param code the status code
     * @return true if it may be sent and received
     */
    public static boolean isValidOnWire(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011) || (code >= 3000 && code <= 4999);
    }

    /**
     * Returns the status code to close with after a decoding failure: the code a
     * {@link WebSocketProtocolException} carries, 1009 for a {@link FrameTooLongException}, and
     * 1002 for any other framing error.
     *
     * @param failure what the decoder threw
     * @return the status code for the close frame
     */
    public static int forFailure(FramingException failure) {
        if (failure instanceof WebSocketProtocolException protocol) {
            return protocol.closeCode();
        }
        if (failure instanceof FrameTooLongException) {
            return MESSAGE_TOO_BIG;
        }
        return PROTOCOL_ERROR;
    }
}

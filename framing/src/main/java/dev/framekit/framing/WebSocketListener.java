package dev.framekit.framing;

/**
 * Receives what a WebSocket decoder finds besides data messages: the control frames, and the
 * type of each data message it hands out. Attach one with
 * {@link WebSocketFramer#listener(WebSocketListener)}; it is called on the reading thread, from
 * inside {@link FrameDecoder#decode}, before that call returns.
 *
 * <p>Control frames can arrive between any two frames, even between the fragments of a message,
 * and need an answer: a ping a pong with the same payload, a close a close (the closing
 * handshake). {@code dev.framekit.framing.websocket.WebSocketConnection} is the listener that
 * gives those answers; a listener of your own must not block for long, since the connection's
 * reading waits for it.
 *
 * <p>Every method has an empty default, so a listener overrides only what it needs. Without a
 * listener, control frames are validated and dropped.
 */
public interface WebSocketListener {

    /**
     * A ping arrived; answer it with a pong carrying the same payload.
     *
     * @param payload the ping's payload, 0 to 125 bytes (the listener may keep the array)
     */
    default void onPing(byte[] payload) {}

    /**
     * A pong arrived.
     *
     * @param payload the pong's payload, 0 to 125 bytes (the listener may keep the array)
     */
    default void onPong(byte[] payload) {}

    /**
     * A close frame arrived, already checked (a code valid on the wire, a UTF-8 reason). The
     * decoder takes no more frames after it: more bytes are a protocol error. Answer with a close
     * frame (if this side has not sent one), then close the connection.
     *
     * @param code the status code, or {@link WebSocketCloseCodes#NO_STATUS} (1005) if the frame
     *     had none
     * @param reason the reason, possibly empty
     */
    default void onClose(int code, String reason) {}

    /**
     * The decoder is about to hand out a complete data message of this type.
     *
     * @param type {@link WebSocketOpcode#TEXT} (already checked to be UTF-8) or
     *     {@link WebSocketOpcode#BINARY}
     */
    default void onMessage(WebSocketOpcode type) {}
}

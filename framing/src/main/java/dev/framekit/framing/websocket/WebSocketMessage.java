package dev.framekit.framing.websocket;

import java.nio.charset.StandardCharsets;

/**
 * One data message received on a {@link WebSocketConnection}: its type and its bytes (a text
 * message's bytes are already checked to be UTF-8).
 *
 * @param type {@link WebSocketOpcode#TEXT} or {@link WebSocketOpcode#BINARY}
 * @param bytes the payload (the array is the caller's)
 */
public record WebSocketMessage(WebSocketOpcode type, byte[] bytes) {

    /**
     * Returns whether this is a text message.
     *
     * @return true for TEXT
     */
    public boolean isText() {
        return type == WebSocketOpcode.TEXT;
    }

    /**
     * Returns the payload as text.
     *
     * @return the bytes decoded as UTF-8
     */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

package dev.framekit.framing.websocket;

import java.io.IOException;

/**
 * The server did not accept the WebSocket opening handshake: it answered with another status than
 * {@code 101}, or its {@code 101} lacked the right {@code Upgrade}, {@code Connection} or
 * {@code Sec-WebSocket-Accept}. The message says which, with the server's own explanation when it
 * gave one.
 */
public final class HandshakeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The status the server answered with. */
    private final int status;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, in one line
     * @param status the status code the server answered with
     */
    public HandshakeException(String message, int status) {
        super(message);
        this.status = status;
    }

    /**
     * Returns the status code the server answered with.
     *
     * @return e.g. 403, or 101 if the 101 itself was wrong
     */
    public int status() {
        return status;
    }
}

package dev.framekit.framing;

/**
 * Which end of a WebSocket connection a framer is for. The roles differ in masking (RFC 6455
 * section 5.3): a client masks every frame it sends with a fresh random 4-byte key, a server
 * never masks; each refuses frames the other role would not send (close code 1002).
 */
public enum WebSocketRole {
    /** The end that opened the connection: sends masked frames, receives unmasked ones. */
    CLIENT,
    /** The end that accepted it: sends unmasked frames, receives masked ones. */
    SERVER;

    /**
     * Returns the role at the other end of the connection.
     *
     * @return SERVER for CLIENT, CLIENT for SERVER
     */
    public WebSocketRole peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }

    /**
     * Returns whether frames sent by this role are masked.
     *
     * @return true for CLIENT
     */
    public boolean masks() {
        return this == CLIENT;
    }
}

package dev.framekit.demos.chat;

import dev.framekit.framing.FramingException;

/**
 * The first bytes of a connection show that the peer speaks another protocol (HTTP, TLS) or
 * another framing: it is closed before it joins the room. The message is the server's one log
 * line; {@link #reply()} is what the peer is sent first, in the protocol or framing it speaks,
 * so that its user reads why.
 */
final class ForeignPeerException extends FramingException {
    private final transient byte[] reply;

    ForeignPeerException(String message, byte[] reply) {
        super(message);
        this.reply = reply.clone();
    }

    /** The bytes to send the peer before closing, already in its own protocol or framing. */
    byte[] reply() {
        return reply.clone();
    }
}

package dev.framekit.demos.chat;

import dev.framekit.framing.FramingException;
import java.net.InetAddress;
import java.util.function.Function;

/**
 * The first bytes of a connection show that the peer speaks another protocol (HTTP, TLS) or
 * another framing: it is closed before it joins the room. The message is the server's one log
 * line; {@link #reply(InetAddress)} is what the peer is sent first, in the protocol or framing it
 * speaks, so that its user reads why.
 */
final class ForeignPeerException extends FramingException {
    private final transient Function<InetAddress, byte[]> reply;

    /** @param reply the bytes to send, the same whatever address the peer reached */
    ForeignPeerException(String message, byte[] reply) {
        this(message, arrivedOn -> reply.clone());
    }

    /** @param reply the bytes to send, given the address of this machine the peer reached (for a URL) */
    ForeignPeerException(String message, Function<InetAddress, byte[]> reply) {
        super(message);
        this.reply = reply;
    }

    /**
     * The bytes to send the peer before closing, already in its own protocol or framing.
     *
     * @param arrivedOn the local address the connection came in on
     */
    byte[] reply(InetAddress arrivedOn) {
        return reply.apply(arrivedOn);
    }
}

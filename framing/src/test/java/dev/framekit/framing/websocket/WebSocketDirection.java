package dev.framekit.framing.websocket;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;

/**
 * One direction of a WebSocket connection as a single framer, so that the conformance kit can
 * check it: what {@code sender} encodes, {@code receiver} (the other role) decodes. A role's own
 * decoder refuses its own frames by design (a server refuses unmasked frames), so a role alone
 * cannot be round-tripped.
 */
public record WebSocketDirection(WebSocketFramer sender, WebSocketFramer receiver) implements Framer {

    public static WebSocketDirection clientToServer() {
        return new WebSocketDirection(WebSocketFramer.client(), WebSocketFramer.server());
    }

    public static WebSocketDirection serverToClient() {
        return new WebSocketDirection(WebSocketFramer.server(), WebSocketFramer.client());
    }

    @Override
    public FrameEncoder newEncoder() {
        return sender.newEncoder();
    }

    @Override
    public FrameDecoder newDecoder() {
        return receiver.newDecoder();
    }

    @Override
    public int maxFrameLength() {
        return sender.maxFrameLength();
    }

    @Override
    public String toString() {
        return sender + " -> " + receiver;
    }
}

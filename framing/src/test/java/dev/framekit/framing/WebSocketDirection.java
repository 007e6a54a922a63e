package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/**
 * One direction of a WebSocket connection as a single framer, so that the conformance kit can
 * check it: what {@code sender} encodes, {@code receiver} (the other role) decodes. A role's own
 * decoder refuses its own frames by design (a server refuses unmasked frames), so a role alone
 * cannot be round-tripped.
 */
record WebSocketDirection(WebSocketFramer sender, WebSocketFramer receiver) implements Framer {

    static WebSocketDirection clientToServer() {
        return new WebSocketDirection(Framers.webSocketClient(), Framers.webSocketServer());
    }

    static WebSocketDirection serverToClient() {
        return new WebSocketDirection(Framers.webSocketServer(), Framers.webSocketClient());
    }

    @Override
    public MessageRefusedException check(ByteBuf message) {
        return sender.check(message);
    }

    @Override
    public int overhead(int payloadLength) {
        return sender.overhead(payloadLength);
    }

    @Override
    public void writeHeader(int payloadLength, ByteBuf out) {
        sender.writeHeader(payloadLength, out);
    }

    @Override
    public void writeTrailer(int payloadLength, ByteBuf out) {
        sender.writeTrailer(payloadLength, out);
    }

    @Override
    public void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException {
        sender.encode(message, out);
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

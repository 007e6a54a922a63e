package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * One connection's encoder for a rule that carries one message per connection: the first message
 * is framed with the rule's parts; after its trailer the encoder is finished and refuses more.
 */
final class OneMessageEncoder implements FrameEncoder {
    private final FrameEncoder parts;
    private boolean written;

    OneMessageEncoder(FrameEncoder parts) {
        this.parts = Objects.requireNonNull(parts, "parts");
    }

    @Override
    public MessageRefusedException check(ByteBuf message) {
        if (written) {
            return new MessageRefusedException(parts + ": a connection carries one message, and one was already"
                    + " written; open a new connection for the next message", message.readableBytes());
        }
        return parts.check(message);
    }

    @Override
    public int overhead(int payloadLength) {
        return parts.overhead(payloadLength);
    }

    @Override
    public void writeHeader(int payloadLength, ByteBuf out) {
        parts.writeHeader(payloadLength, out);
    }

    @Override
    public void writePayload(ByteBuf message, ByteBuf out) {
        parts.writePayload(message, out);
    }

    @Override
    public boolean sendsPayloadUnchanged() {
        return parts.sendsPayloadUnchanged();
    }

    @Override
    public void writeTrailer(int payloadLength, ByteBuf out) {
        parts.writeTrailer(payloadLength, out);
        written = true;
    }

    @Override
    public boolean isFinished() {
        return written;
    }

    @Override
    public String toString() {
        return "one-message " + parts + (written ? " (finished)" : "");
    }
}

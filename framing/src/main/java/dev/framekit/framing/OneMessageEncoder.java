package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/**
 * One connection's encoder for a rule that carries one message per connection: the first message
 * is framed with the framer's parts; after its trailer the encoder is finished and refuses more.
 */
final class OneMessageEncoder extends StatelessEncoder {
    private boolean written;

    OneMessageEncoder(Framer framer) {
        super(framer);
    }

    @Override
    public MessageRefusedException check(ByteBuf message) {
        if (written) {
            return new MessageRefusedException(framer + ": a connection carries one message, and one was already"
                    + " written; open a new connection for the next message", message.readableBytes());
        }
        return super.check(message);
    }

    @Override
    public void writeTrailer(int payloadLength, ByteBuf out) {
        super.writeTrailer(payloadLength, out);
        written = true;
    }

    @Override
    public boolean isFinished() {
        return written;
    }

    @Override
    public String toString() {
        return "one-message " + super.toString() + (written ? " (finished)" : "");
    }
}

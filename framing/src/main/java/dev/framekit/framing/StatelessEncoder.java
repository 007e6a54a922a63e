package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/** The encoder of a rule that keeps no encode state: each part is the framer's own. */
final class StatelessEncoder implements FrameEncoder {
    private final Framer framer;

    StatelessEncoder(Framer framer) {
        this.framer = java.util.Objects.requireNonNull(framer, "framer");
    }

    @Override
    public MessageRefusedException check(ByteBuf message) {
        return framer.check(message);
    }

    @Override
    public void writeHeader(int payloadLength, ByteBuf out) {
        framer.writeHeader(payloadLength, out);
    }

    @Override
    public void writeTrailer(int payloadLength, ByteBuf out) {
        framer.writeTrailer(payloadLength, out);
    }

    @Override
    public String toString() {
        return "encoder for " + framer;
    }
}

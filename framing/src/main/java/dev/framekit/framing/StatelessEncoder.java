package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The encoder of a rule that keeps no encode state: each part is the framer's own. The base of
 * {@link OneMessageEncoder}, which adds the one rule that needs state.
 */
class StatelessEncoder implements FrameEncoder {
    final Framer framer;

    StatelessEncoder(Framer framer) {
        this.framer = Objects.requireNonNull(framer, "framer");
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

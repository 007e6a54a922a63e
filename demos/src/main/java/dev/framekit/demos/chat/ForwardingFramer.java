package dev.framekit.demos.chat;

import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;

/**
 * A framer that frames exactly as another does, for a subclass that reads differently: its
 * {@link #newDecoder()} wraps the other's decoder to look at the bytes before the first frame.
 */
abstract class ForwardingFramer implements Framer {
    /** The framer every frame is encoded and decoded with. */
    final Framer framer;

    ForwardingFramer(Framer framer) {
        this.framer = framer;
    }

    @Override
    public int maxFrameLength() {
        return framer.maxFrameLength();
    }

    @Override
    public MessageRefusedException check(ByteBuf message) {
        return framer.check(message);
    }

    @Override
    public int overhead(int payloadLength) {
        return framer.overhead(payloadLength);
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
    public FrameEncoder newEncoder() {
        return framer.newEncoder();
    }

    @Override
    public String toString() {
        return framer.toString();
    }
}

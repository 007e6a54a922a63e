package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/**
 * What framekit's own framers share: the maximum frame length and its check, and a no-op header
 * and trailer to override. It adds nothing to the public {@link Framer} contract; nothing
 * downcasts to it.
 */
abstract class AbstractFramer implements Framer {
    private final int maxFrameLength;
    private final String name;

    AbstractFramer(int maxFrameLength, String name) {
        this.maxFrameLength = maxFrameLength;
        this.name = name;
    }

    @Override
    public final int maxFrameLength() {
        return maxFrameLength;
    }

    /** Refuses messages over the maximum; the common first check of every framer. */
    final MessageRefusedException refuseOverMaximum(ByteBuf message) {
        return FrameLimits.refuseOverMaximum(message, maxFrameLength, name);
    }

    @Override
    public void writeHeader(int payloadLength, ByteBuf out) {}

    @Override
    public void writeTrailer(int payloadLength, ByteBuf out) {}
}

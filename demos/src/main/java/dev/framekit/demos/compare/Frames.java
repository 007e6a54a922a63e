package dev.framekit.demos.compare;

import io.netty.buffer.ByteBuf;

/** Tallies a received frame without copying it. */
final class Frames {
    private Frames() {}

    static void tally(Tally tally, ByteBuf frame) {
        if (frame.hasArray()) {
            tally.add(frame.array(), frame.arrayOffset() + frame.readerIndex(), frame.readableBytes());
        } else {
            tally.add(frame.nioBuffer());
        }
    }
}

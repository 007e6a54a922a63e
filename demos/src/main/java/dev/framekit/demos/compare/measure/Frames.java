package dev.framekit.demos.compare.measure;

import dev.framekit.framing.FramedConnection;
import io.netty.buffer.ByteBuf;
import java.io.IOException;

/** What the framer contenders do with a frame they received: tally it without copying, or echo it; then release it. */
public final class Frames {
    private Frames() {}

    /** Adds the frame to the tally without copying it, then releases it. */
    public static void tallyAndRelease(Tally tally, ByteBuf frame) {
        try {
            tally(tally, frame);
        } finally {
            frame.release();
        }
    }

    /** Adds the frame to the tally without copying it (nor releasing it: a lent frame). */
    public static void tally(Tally tally, ByteBuf frame) {
        if (frame.hasArray()) {
            tally.add(frame.array(), frame.arrayOffset() + frame.readerIndex(), frame.readableBytes());
        } else if (frame.nioBufferCount() > 1) {
            tally.add(frame.nioBuffers()); // a frame across a composite buffer's parts: read in place, not merged
        } else {
            tally.add(frame.nioBuffer());
        }
    }

    /** Sends the frame back on {@code connection}, then releases it. */
    public static void echoAndRelease(FramedConnection connection, ByteBuf frame) throws IOException {
        try {
            connection.send(frame);
        } finally {
            frame.release();
        }
    }
}

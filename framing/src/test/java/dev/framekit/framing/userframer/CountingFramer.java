package dev.framekit.framing.userframer;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user's decorator: counts the decoders it hands out and delegates everything else, including
 * {@link #newEncoder()}, so the wrapped framer's per-connection rules (send-and-close's one
 * message) survive the wrapping.
 */
class CountingFramer implements Framer {
    private final Framer inner;
    final AtomicInteger connections = new AtomicInteger();

    CountingFramer(Framer inner) {
        this.inner = inner;
    }

    @Override
    public FrameEncoder newEncoder() {
        return inner.newEncoder();
    }

    @Override
    public FrameDecoder newDecoder() {
        connections.incrementAndGet();
        return inner.newDecoder();
    }

    @Override
    public int maxFrameLength() {
        return inner.maxFrameLength();
    }

    @Override
    public String toString() {
        return "counting " + inner;
    }
}

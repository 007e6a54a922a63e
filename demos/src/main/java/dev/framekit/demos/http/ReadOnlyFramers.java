package dev.framekit.demos.http;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import io.netty.buffer.ByteBuf;

/**
 * Two framers HTTP reads with besides the library's, for the reader's one buffer (they write
 * nothing: their encoders are refused):
 *
 * <pre>
 * LINE_ENDS    takes the CR and LF bytes already buffered at the front, then is finished: it
 *              never waits for bytes (the empty lines a client may send before a request)
 * upTo(n)      the next 1 to n bytes, whatever has arrived: a body streamed as it comes,
 *              never held whole; at the end of the stream, no more frames
 * </pre>
 */
final class ReadOnlyFramers {
    private ReadOnlyFramers() {}

    /** Skips the CR and LF bytes buffered at the front; finished at once, never waits. */
    static final Framer LINE_ENDS = new ReadOnly(Integer.MAX_VALUE) {
        @Override
        public FrameDecoder newDecoder() {
            return new FrameDecoder() {
                private boolean finished;

                @Override
                public ByteBuf decode(ByteBuf in, boolean endOfStream) {
                    while (!finished && in.isReadable() && (in.getByte(in.readerIndex()) == '\r'
                            || in.getByte(in.readerIndex()) == '\n')) {
                        in.skipBytes(1);
                    }
                    finished = true;
                    return null;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }
            };
        }
    };

    /** The next 1 to {@code max} bytes that have arrived; null once the stream has ended. */
    static Framer upTo(int max) {
        return new ReadOnly(max) {
            @Override
            public FrameDecoder newDecoder() {
                return (in, endOfStream) -> in.isReadable() ? in.readRetainedSlice(Math.min(max, in.readableBytes())) : null;
            }
        };
    }

    /** A framer that only reads. */
    private abstract static class ReadOnly implements Framer {
        private final int max;

        ReadOnly(int max) {
            this.max = max;
        }

        @Override
        public FrameEncoder newEncoder() {
            throw new UnsupportedOperationException("a read-only framer: HTTP writes with MessageWriter");
        }

        @Override
        public int maxFrameLength() {
            return max;
        }
    }
}

package dev.framekit.demos.chat;

import dev.framekit.framing.ForwardingFramer;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;

/**
 * chat-client's reading of one connection: frames as its framer does, and keeps a copy of the
 * first bytes the server sends until its first frame is complete. When no frame ever completes
 * (the server speaks another delimiter, say), {@link WrongFraming#fromFirstBytes} reads in them
 * which framing it speaks. One per connection: unlike a framer, it holds that connection's bytes.
 */
final class ServerFirstBytes extends ForwardingFramer {
    /** How many first bytes are kept: enough for a server's refusal line. */
    static final int KEPT = 512;

    private volatile byte[] seen = new byte[0];

    ServerFirstBytes(Framer framer) {
        super(framer);
    }

    /** The first bytes the server sent before its first frame (at most {@value #KEPT}); empty once one came. */
    byte[] seen() {
        return seen.clone();
    }

    @Override
    public FrameDecoder newDecoder() {
        FrameDecoder real = delegate().newDecoder();
        return new FrameDecoder() {
            private boolean framed;

            @Override
            public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
                if (!framed) {
                    byte[] first = new byte[Math.min(in.readableBytes(), KEPT)];
                    in.getBytes(in.readerIndex(), first);
                    seen = first;
                }
                ByteBuf frame = real.decode(in, endOfStream);
                if (frame != null && !framed) {
                    framed = true;
                    seen = new byte[0];
                }
                return frame;
            }

            @Override
            public boolean isFinished() {
                return real.isFinished();
            }
        };
    }
}

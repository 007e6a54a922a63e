package dev.framekit.framing.netty;

import dev.framekit.framing.Frame;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.Objects;

/**
 * A Netty {@link MessageToByteEncoder} that frames each outbound {@link ByteBuf} with any
 * framekit {@link Framer}: header, payload, trailer, through the framer's per-connection
 * {@link FrameEncoder}. An outbound {@link Frame} is written with its header fields (an MQTT
 * packet type, a RESP line), so a frame that {@link FramerDecoder#frames(Framer)} passed up goes
 * back out byte for byte.
 *
 * <pre>
 *   ctx.write(ByteBuf "hello")   ---&gt;   FramerEncoder(Framers.lengthPrefixed())   ---&gt;   00 00 00 05 68 65 6c 6c 6f
 * </pre>
 *
 * <p><b>Refusals.</b> A message the framer cannot carry (over the maximum, containing the
 * delimiter, ...) writes nothing: the write's future fails with an {@code EncoderException}
 * whose cause is the {@link MessageRefusedException}, and the channel stays usable.
 *
 * <p><b>Send-and-close.</b> When the connection's encoder is finished after its one message, the
 * encoder shuts the channel's output down once that write has been flushed (a
 * {@link DuplexChannel}, such as a socket, half-closes), since the end of the stream is what ends
 * the message.
 *
 * <p>Ownership is Netty's usual: the encoder releases each message after framing it. Not
 * {@code @Sharable}: make one per channel.
 */
public class FramerEncoder extends MessageToByteEncoder<Object> {
    private final Framer framer;
    private final FrameEncoder encoder;

    /**
     * Makes an encoder for one channel.
     *
     * @param framer the framing rule (shared by every channel)
     */
    public FramerEncoder(Framer framer) {
        super(Object.class);
        this.framer = Objects.requireNonNull(framer, "framer");
        this.encoder = framer.newEncoder();
    }

    /**
     * Returns the framing rule this encoder runs.
     *
     * @return the framer
     */
    public Framer framer() {
        return framer;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        boolean wasFinished = encoder.isFinished();
        ChannelPromise tracked = promise.unvoid();
        super.write(ctx, msg, tracked);
        if (!wasFinished && encoder.isFinished() && ctx.channel() instanceof DuplexChannel duplex) {
            tracked.addListener((ChannelFutureListener) future -> {
                if (future.isSuccess()) {
                    duplex.shutdownOutput();
                }
            });
        }
    }

    /** Takes {@link ByteBuf}s and {@link Frame}s; passes anything else on. */
    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof ByteBuf || msg instanceof Frame;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Object msg, boolean preferDirect) {
        int length = (msg instanceof Frame frame ? frame.payload() : (ByteBuf) msg).readableBytes();
        int size = length <= framer.maxFrameLength() ? length + framer.overhead(length) : 0;
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    /** Frames a payload, or a {@link Frame} with its header fields (and releases the frame). */
    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) throws MessageRefusedException {
        if (msg instanceof Frame frame) {
            try {
                encoder.encode(frame, out);
            } finally {
                frame.release();
            }
            return;
        }
        encoder.encode((ByteBuf) msg, out);
    }

    @Override
    public String toString() {
        return "FramerEncoder(" + framer + ")";
    }
}

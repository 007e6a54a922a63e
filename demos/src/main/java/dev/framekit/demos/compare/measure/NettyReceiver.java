package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;

/**
 * The receiving end of a Netty streaming run, last in the server's pipeline: tallies every frame
 * the decoder hands up, then releases it; when the sender's end of stream closes the channel
 * (after the decoder has handed up what it still held), reports the tally. {@link #wireCounter()}
 * goes first in the pipeline and counts the bytes off the socket.
 */
final class NettyReceiver extends ChannelInboundHandlerAdapter {
    private final Tally tally = new Tally(Tally.Mode.MESSAGES);
    private final CompletableFuture<Received> done;
    private long wire;

    NettyReceiver(CompletableFuture<Received> done) {
        this.done = done;
    }

    /** The handler that counts wire bytes into this receiver; put it before the decoder. */
    ChannelHandler wireCounter() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                wire += ((ByteBuf) msg).readableBytes();
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Frames.tallyAndRelease(tally, (ByteBuf) msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        done.complete(new Received(tally, wire, System.nanoTime()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        done.completeExceptionally(cause);
        ctx.close();
    }
}

package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The echo side of a Netty ping-pong. Naive: every payload goes straight back through the encoder
 * (or with a separate line end) and is flushed at once, a new promise per write. Tuned: the
 * decoder kept each frame whole, so it goes back unchanged with the void promise, and one flush
 * per read covers every frame that read brought.
 */
@ChannelHandler.Sharable
final class NettyEcho extends ChannelInboundHandlerAdapter {
    private final boolean newline;
    private final NettyStyle style;

    NettyEcho(boolean newline, NettyStyle style) {
        this.newline = newline;
        this.style = style;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        if (style == NettyStyle.TUNED) {
            ctx.write(frame, ctx.voidPromise());
        } else if (newline) {
            ctx.write(frame);
            ctx.writeAndFlush(NettyFraming.NEWLINE.retainedDuplicate());
        } else {
            ctx.writeAndFlush(frame);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (style == NettyStyle.TUNED) {
            ctx.flush();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

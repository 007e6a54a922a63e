package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** The echo side of a Netty ping-pong: every frame goes straight back (through the encoder, if any) and is flushed. */
@ChannelHandler.Sharable
final class NettyEcho extends ChannelInboundHandlerAdapter {
    private final boolean newline;

    NettyEcho(boolean newline) {
        this.newline = newline;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        if (newline) {
            ctx.write(frame);
            ctx.writeAndFlush(NettyFraming.NEWLINE.retainedDuplicate());
        } else {
            ctx.writeAndFlush(frame);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

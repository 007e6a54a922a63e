package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;

/**
 * The sending end of a Netty streaming run, the way Netty is meant to be driven: on its event
 * loop, writing pooled buffers while the channel is writable, flushing every 64 KiB, resuming when
 * it becomes writable again; at the end one last flush, then a half-close. Completes with the
 * number of messages sent once the last byte has gone to the socket.
 */
final class NettyPump extends NettySender {
    private static final int FLUSH_EVERY = 64 * 1024;

    private final boolean newline;
    private int unflushed;
    private ChannelFuture last;

    NettyPump(Workload workload, Budget budget, boolean newline) {
        super(workload, budget);
        this.newline = newline;
    }

    @Override
    void pump(ChannelHandlerContext ctx) {
        while (budget.more(sent, deadline)) {
            if (!ctx.channel().isWritable()) {
                ctx.flush();
                return; // channelWritabilityChanged resumes
            }
            ByteBuf frame = ctx.alloc().buffer(message.length + (newline ? 1 : 0));
            frame.writeBytes(workload.stamp(sent, message));
            if (newline) {
                frame.writeByte('\n');
            }
            last = ctx.write(frame);
            sent++;
            unflushed += message.length;
            if (unflushed >= FLUSH_EVERY) {
                ctx.flush();
                unflushed = 0;
            }
        }
        finish(ctx, () -> {
            ctx.flush();
            return last;
        });
    }
}

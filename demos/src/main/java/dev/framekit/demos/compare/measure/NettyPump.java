package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * The sending end of a Netty streaming run, the way Netty is meant to be driven: on its event
 * loop, writing pooled buffers while the channel is writable, flushing every 64 KiB, resuming when
 * it becomes writable again; at the end one last flush, then a half-close. Completes with the
 * number of messages sent once the last byte has gone to the socket.
 */
final class NettyPump extends ChannelInboundHandlerAdapter {
    private static final int FLUSH_EVERY = 64 * 1024;

    private final Workload workload;
    private final Budget budget;
    private final boolean newline;
    private final byte[] message;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private long start;
    private long deadline;
    private long sent;
    private int unflushed;
    private boolean finished;
    private ChannelFuture last;

    NettyPump(Workload workload, Budget budget, boolean newline) {
        this.workload = workload;
        this.budget = budget;
        this.newline = newline;
        this.message = workload.newMessageBuffer();
    }

    /** Messages sent, once the last of them has been written and the output shut down. */
    CompletableFuture<Long> done() {
        return done;
    }

    /** When the first message was written (System.nanoTime). */
    long startNanos() {
        return start;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start = System.nanoTime();
        deadline = budget.deadline(start);
        pump(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && !finished) {
            pump(ctx);
        }
    }

    private void pump(ChannelHandlerContext ctx) {
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
        finished = true;
        long total = sent;
        ctx.flush();
        if (last == null) {
            shutDown(ctx, total);
            return;
        }
        last.addListener(written -> { // writes complete in order: the last one is the end
            if (written.isSuccess()) {
                shutDown(ctx, total);
            } else {
                done.completeExceptionally(written.cause());
            }
        });
    }

    private void shutDown(ChannelHandlerContext ctx, long total) {
        ((SocketChannel) ctx.channel()).shutdownOutput().addListener(shut -> done.complete(total));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        done.completeExceptionally(cause);
        ctx.close();
    }
}

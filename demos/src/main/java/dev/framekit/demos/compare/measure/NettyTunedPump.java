package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * The sending end of a tuned Netty streaming run ({@link NettyStyle#TUNED}), on its event loop:
 * frames encoded by hand, header and payload together, into one pooled direct buffer of up to
 * 64 KiB (a larger frame gets a buffer of its own), each full buffer written with the void
 * promise and flushed; paused while the channel is not writable. At the end the last buffer (or
 * an empty one) goes out with a real promise, whose completion means every earlier write is done
 * (writes complete in order), then a half-close. Completes with the number of messages sent.
 */
final class NettyTunedPump extends ChannelInboundHandlerAdapter {
    private static final int BATCH = 64 * 1024;

    private final Workload workload;
    private final Budget budget;
    private final NettyFraming framing;
    private final byte[] message;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private long start;
    private long deadline;
    private long sent;
    private ByteBuf batch;
    private boolean finished;
    /** A flush inside {@link #pump} can change the writability and call it again: that call returns at once. */
    private boolean pumping;

    NettyTunedPump(Workload workload, Budget budget, NettyFraming framing) {
        this.workload = workload;
        this.budget = budget;
        this.framing = framing;
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
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            fill(ctx);
        } finally {
            pumping = false;
        }
    }

    private void fill(ChannelHandlerContext ctx) {
        int frameLength = message.length + framing.overhead();
        while (budget.more(sent, deadline)) {
            if (batch != null && batch.writableBytes() < frameLength) {
                ByteBuf full = batch;
                batch = null;
                ctx.writeAndFlush(full, ctx.voidPromise());
                if (!ctx.channel().isWritable()) {
                    return; // channelWritabilityChanged resumes
                }
            }
            if (batch == null) {
                batch = ctx.alloc().ioBuffer(Math.max(BATCH, frameLength));
            }
            framing.encode(batch, workload.stamp(sent, message));
            sent++;
        }
        finished = true;
        long total = sent;
        ByteBuf last = batch == null ? Unpooled.EMPTY_BUFFER : batch;
        batch = null;
        ctx.writeAndFlush(last).addListener(written -> { // writes complete in order: the last one is the end
            if (written.isSuccess()) {
                ((SocketChannel) ctx.channel()).shutdownOutput().addListener(shut -> done.complete(total));
            } else {
                done.completeExceptionally(written.cause());
            }
        });
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        done.completeExceptionally(cause);
        ctx.close();
    }
}

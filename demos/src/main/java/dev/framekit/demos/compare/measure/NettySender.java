package dev.framekit.demos.compare.measure;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The sending end of a Netty streaming run, on its event loop: it starts writing when the channel
 * is active, stops while the channel is not writable and resumes when it is again, and once the
 * budget is spent completes {@link #done()} with the number of messages sent, after the last write
 * is done (writes complete in order) and the output is shut down. How the messages are written is
 * the subclass's: {@link NettyPump} as a naive program does, {@link NettyTunedPump} as Netty's
 * maintainers would.
 */
abstract class NettySender extends ChannelInboundHandlerAdapter {
    final Workload workload;
    final Budget budget;
    final byte[] message;
    long deadline;
    long sent;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private long start;
    private boolean finished;

    NettySender(Workload workload, Budget budget) {
        this.workload = workload;
        this.budget = budget;
        this.message = workload.newMessageBuffer();
    }

    /** Messages sent, once the last of them has been written and the output shut down. */
    final CompletableFuture<Long> done() {
        return done;
    }

    /** When the first message was written (System.nanoTime). */
    final long startNanos() {
        return start;
    }

    @Override
    public final void channelActive(ChannelHandlerContext ctx) {
        start = System.nanoTime();
        deadline = budget.deadline(start);
        pump(ctx);
    }

    @Override
    public final void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && !finished) {
            pump(ctx);
        }
    }

    /** Writes messages while {@link #budget} allows and the channel is writable; once it is spent, {@link #finish}es. */
    abstract void pump(ChannelHandlerContext ctx);

    /**
     * The budget is spent: {@code lastWrite} sends what is still held (and returns its future, or
     * null if nothing was ever written); once that is done, the output is shut down and
     * {@link #done()} completes. Nothing is pumped after this is called.
     */
    final void finish(ChannelHandlerContext ctx, Supplier<ChannelFuture> lastWrite) {
        finished = true;
        long total = sent;
        ChannelFuture last = lastWrite.get();
        if (last == null) {
            shutDown(ctx, total);
            return;
        }
        last.addListener(written -> {
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

package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;

/**
 * The client of a Netty ping-pong, on its event loop: sends a message, times the echo when the
 * decoder hands it up, tallies it, sends the next; after the last one closes the channel and
 * completes with the round-trip times.
 */
final class NettyPinger extends ChannelInboundHandlerAdapter {
    private final Workload workload;
    private final boolean newline;
    private final long[] times;
    private final byte[] message;
    private final Tally echoed = new Tally(Tally.Mode.MESSAGES);
    private final CompletableFuture<long[]> done = new CompletableFuture<>();
    private int next;
    private long start;

    NettyPinger(Workload workload, int roundTrips, boolean newline) {
        this.workload = workload;
        this.newline = newline;
        this.times = new long[roundTrips];
        this.message = workload.newMessageBuffer();
    }

    /** The round-trip times, once every echo came back. */
    CompletableFuture<long[]> done() {
        return done;
    }

    Tally echoed() {
        return echoed;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        send(ctx);
    }

    private void send(ChannelHandlerContext ctx) {
        ByteBuf frame = ctx.alloc().buffer(message.length + (newline ? 1 : 0));
        frame.writeBytes(workload.stamp(next, message));
        if (newline) {
            frame.writeByte('\n');
        }
        start = System.nanoTime();
        ctx.writeAndFlush(frame);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        times[next++] = System.nanoTime() - start;
        Frames.tallyAndRelease(echoed, (ByteBuf) msg);
        if (next < times.length) {
            send(ctx);
        } else {
            ctx.close();
            done.complete(times);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        done.completeExceptionally(new java.io.EOFException("the Netty echo server closed after " + next + " of "
                + times.length + " round trips"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        done.completeExceptionally(cause);
        ctx.close();
    }
}

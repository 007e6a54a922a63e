package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;

/**
 * The client of a Netty ping-pong, on its event loop: sends a message, times the echo when the
 * decoder hands it up, tallies it, sends the next; after the last one closes the channel and
 * completes with the round-trip times. Naive: the payload (and a line end) in a pooled buffer,
 * framed by the pipeline's encoder, a new promise per write. Tuned: the whole frame encoded in one
 * buffer and sent with the void promise; the echo comes back whole (the decoder keeps the header
 * or line end), and the tally reads its payload.
 */
final class NettyPinger extends ChannelInboundHandlerAdapter {
    private final Workload workload;
    private final NettyFraming framing;
    private final NettyStyle style;
    private final boolean newline;
    private final long[] times;
    private final byte[] message;
    private final Tally echoed = new Tally(Tally.Mode.MESSAGES);
    private final CompletableFuture<long[]> done = new CompletableFuture<>();
    private int next;
    private long start;

    NettyPinger(Workload workload, int roundTrips, NettyFraming framing, NettyStyle style) {
        this.workload = workload;
        this.framing = framing;
        this.style = style;
        this.newline = framing.newline();
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
        if (style == NettyStyle.TUNED) {
            ByteBuf frame = ctx.alloc().ioBuffer(message.length + framing.overhead());
            framing.encode(frame, workload.stamp(next, message));
            start = System.nanoTime();
            ctx.writeAndFlush(frame, ctx.voidPromise());
            return;
        }
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
        ByteBuf frame = (ByteBuf) msg;
        Frames.tallyAndRelease(echoed, style == NettyStyle.TUNED ? framing.payloadOf(frame) : frame);
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

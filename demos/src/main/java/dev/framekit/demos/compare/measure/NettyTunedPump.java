package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;

/**
 * The sending end of a tuned Netty streaming run ({@link NettyStyle#TUNED}), on its event loop:
 * frames encoded by hand, header and payload together, into one pooled direct buffer of up to
 * 64 KiB (a larger frame gets a buffer of its own), each full buffer written with the void
 * promise and flushed; paused while the channel is not writable. At the end the last buffer (or
 * an empty one) goes out with a real promise, whose completion means every earlier write is done
 * (writes complete in order), then a half-close. Completes with the number of messages sent.
 */
final class NettyTunedPump extends NettySender {
    private static final int BATCH = 64 * 1024;

    private final NettyFraming framing;
    private ByteBuf batch;
    /** A flush inside {@link #pump} can change the writability and call it again: that call returns at once. */
    private boolean pumping;

    NettyTunedPump(Workload workload, Budget budget, NettyFraming framing) {
        super(workload, budget);
        this.framing = framing;
    }

    @Override
    void pump(ChannelHandlerContext ctx) {
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
        finish(ctx, () -> {
            ByteBuf last = batch == null ? Unpooled.EMPTY_BUFFER : batch;
            batch = null;
            return ctx.writeAndFlush(last);
        });
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }
}

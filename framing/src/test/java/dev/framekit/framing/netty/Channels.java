package dev.framekit.framing.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for feeding bytes through an {@link EmbeddedChannel} and collecting what comes out. */
final class Channels {
    private Channels() {}

    /** Writes {@code wire} inbound in chunks of the given sizes, then closes the channel; returns the frames. */
    static List<byte[]> decodeInChunks(EmbeddedChannel channel, byte[] wire, int[] chunks) {
        int offset = 0;
        for (int size : chunks) {
            channel.writeInbound(Unpooled.copiedBuffer(wire, offset, size));
            offset += size;
        }
        channel.finish();
        return drainInbound(channel);
    }

    /** Every inbound message so far, as bytes; each ByteBuf is released. */
    static List<byte[]> drainInbound(EmbeddedChannel channel) {
        List<byte[]> frames = new ArrayList<>();
        ByteBuf frame;
        while ((frame = channel.readInbound()) != null) {
            frames.add(ByteBufUtil.getBytes(frame));
            frame.release();
        }
        return frames;
    }

    /** Every outbound buffer so far, concatenated; each is released. */
    static byte[] drainOutbound(EmbeddedChannel channel) {
        ByteBuf all = Unpooled.buffer();
        ByteBuf part;
        while ((part = channel.readOutbound()) != null) {
            all.writeBytes(part);
            part.release();
        }
        return ByteBufUtil.getBytes(all);
    }

    /** Writes each message outbound (flushed); returns the wire bytes. */
    static byte[] encode(EmbeddedChannel channel, List<byte[]> messages) {
        for (byte[] message : messages) {
            channel.writeOutbound(Unpooled.wrappedBuffer(message));
        }
        return drainOutbound(channel);
    }
}

package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.FixedLengthFrameDecoder;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;

/**
 * The Netty frame decoders compare runs beside framekit's framers, each with the wire format of
 * the framekit framer it matches: a 4-byte big-endian length ({@link LengthFieldPrepender} +
 * {@link LengthFieldBasedFrameDecoder}), frames as large as the message
 * ({@link FixedLengthFrameDecoder}), and lines ending in {@code \n}
 * ({@link io.netty.handler.codec.LineBasedFrameDecoder} and {@link DelimiterBasedFrameDecoder}).
 * Limits: the larger of the message size and 1 MiB, framekit's default.
 */
public enum NettyFraming {
    LENGTH("netty LengthField", "length", false) {
        @Override
        ChannelHandler decoder(int size) {
            return new LengthFieldBasedFrameDecoder(limit(size) + 4, 0, 4, 0, 4);
        }

        @Override
        ChannelHandler encoder() {
            return PREPENDER;
        }
    },
    FIXED("netty FixedLength", "fixed", false) {
        @Override
        ChannelHandler decoder(int size) {
            return new FixedLengthFrameDecoder(size);
        }
    },
    LINES("netty LineBased", "delimiter", true) {
        @Override
        ChannelHandler decoder(int size) {
            return new io.netty.handler.codec.LineBasedFrameDecoder(limit(size));
        }
    },
    DELIMITER("netty DelimiterBased", null, true) {
        @Override
        ChannelHandler decoder(int size) {
            return new DelimiterBasedFrameDecoder(limit(size), Unpooled.wrappedBuffer(new byte[] {'\n'}));
        }
    };

    /** The line end, shared read-only; send a {@code retainedDuplicate()}. */
    static final ByteBuf NEWLINE = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {'\n'}).asReadOnly());

    private static final ChannelHandler PREPENDER = new LengthFieldPrepender(4);

    private final String label;
    private final String matches;
    private final boolean newline;

    NettyFraming(String label, String matches, boolean newline) {
        this.label = label;
        this.matches = matches;
        this.newline = newline;
    }

    /** A new decoder for one channel (decoders keep per-channel state). */
    abstract ChannelHandler decoder(int size);

    /** The outbound encoder, shared by every channel, or null where the sender frames by hand. */
    ChannelHandler encoder() {
        return null;
    }

    /** Whether a frame is the payload then {@code \n}, appended by the sender. */
    boolean newline() {
        return newline;
    }

    /** The row's name in compare, e.g. {@code netty LengthField}. */
    public String label() {
        return label;
    }

    /** The Netty row that a framekit framing is measured against, or null for none. */
    public static String matchFor(String framing) {
        for (NettyFraming netty : values()) {
            if (framing.equals(netty.matches)) {
                return netty.label;
            }
        }
        return null;
    }

    private static int limit(int size) {
        return Math.max(size, 1 << 20);
    }
}

package dev.framekit.demos.compare.measure;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.FixedLengthFrameDecoder;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.LineBasedFrameDecoder;

/**
 * The Netty frame decoders compare runs beside framekit's framers, each with the wire format of
 * the framekit framer it matches: a 4-byte big-endian length ({@link LengthFieldPrepender} +
 * {@link LengthFieldBasedFrameDecoder}), frames as large as the message
 * ({@link FixedLengthFrameDecoder}), and lines ending in {@code \n}
 * ({@link LineBasedFrameDecoder} and {@link DelimiterBasedFrameDecoder}). Limits: the larger of
 * the message size and 1 MiB, framekit's default. Each runs in two {@link NettyStyle styles}.
 */
public enum NettyFraming {
    LENGTH("netty LengthField", "length", false, 4) {
        @Override
        ChannelHandler decoder(int size, boolean strip) {
            return new LengthFieldBasedFrameDecoder(limit(size) + 4, 0, 4, 0, strip ? 4 : 0);
        }

        @Override
        ChannelHandler encoder() {
            return PREPENDER;
        }

        @Override
        void encode(ByteBuf out, byte[] payload) {
            out.writeInt(payload.length).writeBytes(payload);
        }
    },
    FIXED("netty FixedLength", "fixed", false, 0) {
        @Override
        ChannelHandler decoder(int size, boolean strip) {
            return new FixedLengthFrameDecoder(size);
        }
    },
    LINES("netty LineBased", "delimiter", true, 1) {
        @Override
        ChannelHandler decoder(int size, boolean strip) {
            return new LineBasedFrameDecoder(limit(size), strip, false);
        }
    },
    DELIMITER("netty DelimiterBased", null, true, 1) {
        @Override
        ChannelHandler decoder(int size, boolean strip) {
            return new DelimiterBasedFrameDecoder(limit(size), strip, Unpooled.wrappedBuffer(new byte[] {'\n'}));
        }
    };

    /** The line end, shared read-only; send a {@code retainedDuplicate()}. */
    static final ByteBuf NEWLINE = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {'\n'}).asReadOnly());

    private static final ChannelHandler PREPENDER = new LengthFieldPrepender(4);

    private final String label;
    private final String matches;
    private final boolean newline;
    private final int overhead;

    NettyFraming(String label, String matches, boolean newline, int overhead) {
        this.label = label;
        this.matches = matches;
        this.newline = newline;
        this.overhead = overhead;
    }

    /** A new decoder for one channel (decoders keep per-channel state) that hands up payloads. */
    ChannelHandler decoder(int size) {
        return decoder(size, true);
    }

    /**
     * A new decoder; {@code strip} false keeps each frame whole (the length field, the line end),
     * so that an echo can send it back unchanged.
     */
    abstract ChannelHandler decoder(int size, boolean strip);

    /**
     * The tuned form's streaming receiver: the stripping decoder, with the composite cumulator for
     * frames larger than a read (16 KiB and up) where the decoder does not scan (length, fixed): a
     * frame that arrives in several reads is then a view of them, not a copy.
     */
    ChannelHandler tunedReceiver(int size) {
        ChannelHandler decoder = decoder(size);
        if (!newline && size >= 16 * 1024) {
            ((io.netty.handler.codec.ByteToMessageDecoder) decoder).setCumulator(io.netty.handler.codec.ByteToMessageDecoder.COMPOSITE_CUMULATOR);
        }
        return decoder;
    }

    /** The naive form's outbound encoder, shared by every channel, or null where the sender frames by hand. */
    ChannelHandler encoder() {
        return null;
    }

    /** Whether a frame is the payload then {@code \n}, appended by the sender. */
    boolean newline() {
        return newline;
    }

    /** Bytes a frame adds to its payload: 4 (length), 0 (fixed), 1 (a line end). */
    int overhead() {
        return overhead;
    }

    /** Appends one whole frame, header or line end included, to {@code out}: the tuned form's encoding. */
    void encode(ByteBuf out, byte[] payload) {
        out.writeBytes(payload);
        if (newline) {
            out.writeByte('\n');
        }
    }

    /** The payload of a frame that a decoder made with {@code strip} false handed up (the same buffer, its indexes moved). */
    ByteBuf payloadOf(ByteBuf frame) {
        if (this == LENGTH) {
            frame.skipBytes(4);
        } else if (newline) {
            frame.writerIndex(frame.writerIndex() - 1);
        }
        return frame;
    }

    /** The row's name in compare, e.g. {@code netty LengthField tuned}. */
    public String label(NettyStyle style) {
        return label + " " + style.suffix();
    }

    /** The Netty row that a framekit framing is measured against (the tuned one), or null for none. */
    public static String matchFor(String framing) {
        for (NettyFraming netty : values()) {
            if (framing.equals(netty.matches)) {
                return netty.label(NettyStyle.TUNED);
            }
        }
        return null;
    }

    private static int limit(int size) {
        return Math.max(size, 1 << 20);
    }
}

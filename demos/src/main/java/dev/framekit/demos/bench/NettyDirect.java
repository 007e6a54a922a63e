package dev.framekit.demos.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.FixedLengthFrameDecoder;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Netty's frame decoders called directly, without a channel pipeline: the decoder's own work, the
 * loop {@code ByteToMessageDecoder.callDecode} runs (decode until it returns null), without the
 * {@code EmbeddedChannel} that passes every frame down a pipeline into a queue. Each is a
 * subclass that opens the decoder's protected {@code decode(ctx, in)}; no context is needed on
 * the paths measured (a context is used only to report a frame that is too long).
 */
final class NettyDirect {
    /** One frame off the front of {@code in}, or null for need-more. */
    interface Decoder {
        ByteBuf next(ByteBuf in) throws Exception;
    }

    private NettyDirect() {}

    /** The decoder {@link BenchFramings#netty} names for {@code framing}, opened; null where it has none. */
    static Decoder of(String framing, int size) {
        int max = BenchFramings.maxFrame(size);
        return switch (framing) {
            case "fixed" -> new Fixed(size);
            case "lines" -> new Lines(max);
            case "delimiter" -> new Delimited(max);
            case "length" -> new LengthField(max);
            default -> null;
        };
    }

    private static final class Fixed extends FixedLengthFrameDecoder implements Decoder {
        Fixed(int size) {
            super(size);
        }

        @Override
        public ByteBuf next(ByteBuf in) throws Exception {
            return (ByteBuf) decode(null, in);
        }
    }

    private static final class Lines extends LineBasedFrameDecoder implements Decoder {
        Lines(int max) {
            super(max, true, false);
        }

        @Override
        public ByteBuf next(ByteBuf in) throws Exception {
            return (ByteBuf) decode(null, in);
        }
    }

    private static final class Delimited extends DelimiterBasedFrameDecoder implements Decoder {
        Delimited(int max) {
            super(max, Unpooled.copiedBuffer(BenchFramings.DELIMITER, StandardCharsets.US_ASCII));
        }

        @Override
        public ByteBuf next(ByteBuf in) throws Exception {
            return (ByteBuf) decode(null, in);
        }
    }

    private static final class LengthField extends LengthFieldBasedFrameDecoder implements Decoder {
        LengthField(int max) {
            super(max, 0, 4, 0, 4);
        }

        @Override
        public ByteBuf next(ByteBuf in) throws Exception {
            return (ByteBuf) decode(null, in);
        }
    }
}

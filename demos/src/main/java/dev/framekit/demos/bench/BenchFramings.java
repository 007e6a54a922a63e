package dev.framekit.demos.bench;

import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingSettings;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.FixedLengthFrameDecoder;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The framings the benchmarks compare, each as a framekit framer and as the Netty decoder a
 * Netty user would pick for the same wire format:
 *
 * <pre>
 * fixed      Framers.fixedLength(size)            FixedLengthFrameDecoder(size)
 * lines      Framers.lines()                      LineBasedFrameDecoder(max, strip, no fail-fast)
 * delimiter  Framers.delimiter("#*#")             DelimiterBasedFrameDecoder(max, "#*#")
 * length     Framers.lengthPrefixed()             LengthFieldBasedFrameDecoder(max, 0, 4, 0, 4)
 * json       Framers.json(max, 128)               JsonObjectDecoder(max)
 * </pre>
 *
 * <p>Any other registered framing ({@code -p framing=cobs}) runs framekit's side alone: Netty has
 * no decoder for it, and its {@code netty} benchmark says so.
 */
final class BenchFramings {
    static final String DELIMITER = "#*#";

    private BenchFramings() {}

    /** The Netty decoders' limit: the one the registry's framers get for {@code size} ({@link FramingSettings#forMessages}). */
    static int maxFrame(int size) {
        return FramingSettings.forMessages(size).maxFrame();
    }

    /**
     * The framekit framer for {@code framing} at {@code size}, from the {@link Framing} registry:
     * "lines" is the delimiter framing on {@code \n}, "delimiter" the same on {@value #DELIMITER};
     * any other registered name (e.g. {@code -p framing=close}) is that framing.
     */
    static Framer framekit(String framing, int size) {
        return switch (framing) {
            case "lines" -> Framing.DELIMITER.forMessages(size);
            case "delimiter" -> Framing.DELIMITER.build(FramingSettings.forMessages(size).withDelimiter(DELIMITER));
            default -> Framing.named(framing).forMessages(size);
        };
    }

    static ChannelHandler netty(String framing, int size) {
        return switch (framing) {
            case "fixed" -> new FixedLengthFrameDecoder(size);
            case "lines" -> new LineBasedFrameDecoder(maxFrame(size), true, false);
            case "delimiter" -> new DelimiterBasedFrameDecoder(maxFrame(size),
                    Unpooled.copiedBuffer(DELIMITER, StandardCharsets.US_ASCII));
            case "length" -> new LengthFieldBasedFrameDecoder(maxFrame(size), 0, 4, 0, 4);
            case "json" -> new io.netty.handler.codec.json.JsonObjectDecoder(maxFrame(size));
            default -> null; // no Netty decoder reads this wire format (cobs, slip, json-seq, ...)
        };
    }

    /** A payload every framing can carry: lower-case letters (no delimiter byte, no pad byte) in a JSON array, {@code ["…"]}. */
    static byte[] payload(int size) {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        if (size >= 6) { // a JSON array holding one string, ["abc…"], so the JSON framings carry it too
            payload[0] = '[';
            payload[1] = '"';
            payload[size - 2] = '"';
            payload[size - 1] = ']';
        }
        return payload;
    }

    /** {@code count} framed copies of the payload back to back, as they would arrive on the wire. */
    static ByteBuf wire(Framer framer, int size, int count) {
        byte[] payload = payload(size);
        ByteBuf wire = Unpooled.buffer(count * (size + 8));
        try {
            for (int i = 0; i < count; i++) {
                framer.encode(payload, wire);
            }
        } catch (MessageRefusedException e) {
            throw new IllegalStateException(e);
        }
        return wire;
    }
}

package dev.framekit.framing.netty;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.Frame;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FramerDecoder} in an {@link EmbeddedChannel} on the framings that resync after a damaged
 * frame, as {@code FrameReader} does: the damaged frame reaches {@code exceptionCaught} once, its
 * cause skipped, and the frames before and after it go down the pipeline, however the bytes are split.
 */
class NettyResyncTest {
    /** A framing, two good messages it carries, and a damaged frame of it. */
    record Damage(Framer framer, String first, String second, byte[] damaged) {}

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of(Named.of("cobs: a code byte that runs past the zero",
                        new Damage(Framers.cobs(), "hi", "ok", bytes(0x05, 'a', 'b', 0x00)))),
                Arguments.of(Named.of("slip: an ESC followed by neither ESC_END nor ESC_ESC",
                        new Damage(Framers.slip(), "hi", "ok", bytes(0xc0, 'a', 0xdb, 'z', 0xc0)))),
                Arguments.of(Named.of("json-seq: a text cut short by the next record separator",
                        new Damage(Framers.jsonSeq(), "[1]", "{\"a\":2}", concat(bytes(0x1e), "{\"a\":".getBytes(UTF_8))))),
                Arguments.of(Named.of("crc32c skipping bad frames: a bad checksum",
                        new Damage(Framers.crc32cSkippingBadFrames(Framers.lengthPrefixed()), "hi", "ok",
                                bytes(0, 0, 0, 6, 'h', 'i', 0xe6, 0xcd, 0x2a, 0x36)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedFrameIsReportedOnceAndTheNextFrameFollowsInTheSameRead(Damage damage) {
        EmbeddedChannel channel = new EmbeddedChannel(new FramerDecoder(damage.framer()));
        byte[] wire = concat(encode(damage.framer(), damage.first()), damage.damaged(), encode(damage.framer(), damage.second()));

        DecoderException e = assertThrows(DecoderException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(wire)));

        assertTrue(assertInstanceOf(FramingException.class, e.getCause()).isSkipped(), e.getCause().toString());
        assertEquals(List.of(damage.first(), damage.second()), texts(channel));
        channel.writeInbound(Unpooled.wrappedBuffer(encode(damage.framer(), damage.first())));
        assertEquals(List.of(damage.first()), texts(channel), "the channel reads on");
        assertFalse(channel.finish(), "nothing left over");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void byteByByteTheDamagedFrameIsStillReportedOnceAndTypedFramesFollow(Damage damage) {
        EmbeddedChannel channel = new EmbeddedChannel(FramerDecoder.frames(damage.framer()));
        byte[] wire = concat(encode(damage.framer(), damage.first()), damage.damaged(), encode(damage.framer(), damage.second()));
        int reports = 0;
        for (byte b : wire) {
            try {
                channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            } catch (DecoderException e) {
                assertTrue(assertInstanceOf(FramingException.class, e.getCause()).isSkipped(), e.getCause().toString());
                reports++;
            }
        }
        List<String> frames = new ArrayList<>();
        Frame frame;
        while ((frame = channel.readInbound()) != null) {
            frames.add(frame.payload().toString(UTF_8));
            frame.release();
        }
        assertEquals(1, reports);
        assertEquals(List.of(damage.first(), damage.second()), frames);
    }

    private static List<String> texts(EmbeddedChannel channel) {
        return Channels.drainInbound(channel).stream().map(b -> new String(b, UTF_8)).toList();
    }

    static byte[] encode(Framer framer, String message) {
        ByteBuf out = Unpooled.buffer();
        try {
            framer.encode(message.getBytes(UTF_8), out);
            return ByteBufUtil.getBytes(out);
        } catch (FramingException e) {
            throw new AssertionError(e);
        } finally {
            out.release();
        }
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

package dev.framekit.framing.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.framekit.framing.FrameReader;
import dev.framekit.framing.Framer;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.interop.Patterns;
import dev.framekit.framing.testing.ChunkedInputStream;
import dev.framekit.framing.testing.Splits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Netty's own {@link LengthFieldPrepender} and {@link LengthFieldBasedFrameDecoder}, configured
 * as a Netty user would, against the matching framekit length-prefix variant, both ways.
 */
class NettyLengthFieldInteropTest {
    private static final int MAX = 60_000;
    private static final List<byte[]> MESSAGES = List.of(new byte[0], Patterns.bytes(1, 1), Patterns.bytes(5, 2),
            Patterns.bytes(255, 3), Patterns.bytes(256, 4), Patterns.bytes(MAX - 8, 5));

    /** A Netty configuration and the framekit framer that speaks the same bytes. */
    record Peer(Supplier<LengthFieldPrepender> prepender, Supplier<LengthFieldBasedFrameDecoder> decoder, Framer framer) {}

    static Stream<Arguments> peers() {
        return Stream.of(
                peer("2-byte: LengthFieldPrepender(2), LengthFieldBasedFrameDecoder(max, 0, 2, 0, 2)",
                        () -> new LengthFieldPrepender(2), () -> new LengthFieldBasedFrameDecoder(MAX, 0, 2, 0, 2),
                        LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(2)).maxFrameLength(MAX)),
                peer("3-byte: LengthFieldPrepender(3)", () -> new LengthFieldPrepender(3),
                        () -> new LengthFieldBasedFrameDecoder(MAX, 0, 3, 0, 3),
                        LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(3)).maxFrameLength(MAX)),
                peer("8-byte: LengthFieldPrepender(8), LengthFieldBasedFrameDecoder(max, 0, 8, 0, 8)",
                        () -> new LengthFieldPrepender(8), () -> new LengthFieldBasedFrameDecoder(MAX, 0, 8, 0, 8),
                        LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(8)).maxFrameLength(MAX)),
                peer("little-endian 4-byte: LengthFieldPrepender(LITTLE_ENDIAN, 4, 0, false)",
                        () -> new LengthFieldPrepender(ByteOrder.LITTLE_ENDIAN, 4, 0, false),
                        () -> new LengthFieldBasedFrameDecoder(ByteOrder.LITTLE_ENDIAN, MAX, 0, 4, 0, 4, true),
                        LengthPrefixFramer.builder().lengthField(LengthField.littleEndian(4)).maxFrameLength(MAX)),
                peer("little-endian 2-byte", () -> new LengthFieldPrepender(ByteOrder.LITTLE_ENDIAN, 2, 0, false),
                        () -> new LengthFieldBasedFrameDecoder(ByteOrder.LITTLE_ENDIAN, MAX, 0, 2, 0, 2, true),
                        LengthPrefixFramer.builder().lengthField(LengthField.littleEndian(2)).maxFrameLength(MAX)),
                peer("header-inclusive 2-byte: LengthFieldPrepender(2, true), decoder adjustment -2",
                        () -> new LengthFieldPrepender(2, true), () -> new LengthFieldBasedFrameDecoder(MAX, 0, 2, -2, 2),
                        LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(2)).lengthIncludesHeader()
                                .maxFrameLength(MAX)),
                peer("header-inclusive 4-byte (Akka's default)", () -> new LengthFieldPrepender(4, true),
                        () -> new LengthFieldBasedFrameDecoder(MAX, 0, 4, -4, 4),
                        LengthPrefixFramer.builder().lengthIncludesHeader().maxFrameLength(MAX)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void framekitReadsWhatNettysPrependerWrote(Peer peer) throws IOException {
        byte[] wire = Channels.encode(new EmbeddedChannel(peer.prepender().get()), MESSAGES);

        for (int[] chunks : List.of(Splits.whole(wire.length), Splits.random(7, wire.length))) {
            int[] reads = Arrays.stream(chunks).filter(size -> size > 0).toArray();
            FrameReader reader = new FrameReader(new ChunkedInputStream(wire, reads), peer.framer());
            for (byte[] message : MESSAGES) {
                assertArrayEquals(message, reader.readByteArray());
            }
            assertNull(reader.readByteArray());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void nettysFrameDecoderReadsWhatFramekitWrote(Peer peer) throws IOException {
        ByteBuf wire = Unpooled.buffer();
        for (byte[] message : MESSAGES) {
            peer.framer().encode(message, wire);
        }
        byte[] bytes = ByteBufUtil.getBytes(wire);

        for (int[] chunks : List.of(Splits.whole(bytes.length), Splits.oneBytePerRead(bytes.length),
                Splits.random(42, bytes.length))) {
            List<byte[]> frames = Channels.decodeInChunks(new EmbeddedChannel(peer.decoder().get()), bytes, chunks);
            assertEquals(MESSAGES.size(), frames.size());
            for (int i = 0; i < MESSAGES.size(); i++) {
                assertArrayEquals(MESSAGES.get(i), frames.get(i), "message " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void writesTheSameBytesAsNettysPrepender(Peer peer) throws IOException {
        for (byte[] message : MESSAGES) {
            EmbeddedChannel netty = new EmbeddedChannel(peer.prepender().get());
            netty.writeOutbound(Unpooled.wrappedBuffer(message));
            ByteBuf framekit = Unpooled.buffer();
            peer.framer().encode(message, framekit);

            assertArrayEquals(Channels.drainOutbound(netty), ByteBufUtil.getBytes(framekit), "a message of " + message.length);
        }
    }

    private static Arguments peer(String name, Supplier<LengthFieldPrepender> prepender,
            Supplier<LengthFieldBasedFrameDecoder> decoder, LengthPrefixFramer.Builder framer) {
        return Arguments.of(Named.of(name, new Peer(prepender, decoder, framer.build())));
    }
}

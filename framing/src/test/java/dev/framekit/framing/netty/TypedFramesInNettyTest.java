package dev.framekit.framing.netty;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.framekit.framing.Frame;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Typed frames in a Netty pipeline: {@link FramerDecoder#frames(Framer)} passes each frame up with
 * its header fields, and {@link FramerEncoder} writes a {@link Frame} back with them, so a Netty
 * echo handler returns MQTT packets, RESP elements and STOMP frames byte for byte (fed one byte
 * per read).
 */
class TypedFramesInNettyTest {
    static Stream<Arguments> streams() {
        HexFormat hex = HexFormat.of();
        return Stream.of(
                Arguments.of(Named.of("mqtt", Framers.mqtt()), hex.parseHex("20020000" + "8206000100017800" + "3b026869"
                        + "c000"), List.of("20", "82", "3b", "c0")),
                Arguments.of(Named.of("resp", Framers.resp()), "+OK\r\n$2\r\nhi\r\n$-1\r\n".getBytes(ISO_8859_1),
                        hexOf("+OK", "$2", "$-1")),
                Arguments.of(Named.of("stomp", Framers.stomp()), "SEND\ncontent-length:3\n\na\0b\0".getBytes(ISO_8859_1),
                        hexOf("SEND\ncontent-length:3\n\n")));
    }

    private static List<String> hexOf(String... texts) {
        return Stream.of(texts).map(text -> ByteBufUtil.hexDump(text.getBytes(ISO_8859_1))).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void aNettyEchoOfTypedFramesReturnsTheStreamByteForByte(Framer framer, byte[] wire, List<String> headers) {
        EmbeddedChannel in = new EmbeddedChannel(FramerDecoder.frames(framer));
        EmbeddedChannel out = new EmbeddedChannel(new FramerEncoder(framer));
        List<String> seen = new ArrayList<>();
        for (byte b : wire) {
            in.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        Object message;
        while ((message = in.readInbound()) != null) {
            Frame frame = assertInstanceOf(Frame.class, message);
            ByteBuf fields = frame.headerFields();
            seen.add(ByteBufUtil.hexDump(fields));
            out.writeOutbound(frame); // the encoder releases it
        }
        assertEquals(headers, seen);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ByteBuf chunk;
        while ((chunk = out.readOutbound()) != null) {
            written.writeBytes(ByteBufUtil.getBytes(chunk));
            chunk.release();
        }
        assertArrayEquals(wire, written.toByteArray());
        assertNull(in.readInbound());
        in.finishAndReleaseAll();
        out.finishAndReleaseAll();
    }
}

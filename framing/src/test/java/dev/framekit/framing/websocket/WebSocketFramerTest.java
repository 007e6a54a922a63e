package dev.framekit.framing.websocket;

import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.MessageRefusedException;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.random;
import static dev.framekit.framing.support.FixtureBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.FixtureBytes;
import dev.framekit.framing.testing.FramerConformance;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WebSocket framer's sending side, byte by byte, and both directions through the conformance kit. */
class WebSocketFramerTest {
    private static final WebSocketFramer TEXT_SERVER = WebSocketFramer.server().sendAs(WebSocketOpcode.TEXT);
    private static final WebSocketFramer TEXT_CLIENT = WebSocketFramer.client().sendAs(WebSocketOpcode.TEXT)
            .maskKeys(() -> WebSocketWire.KEY);

    private static byte[] encode(Framer framer, byte[] message) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer();
        framer.encode(message, out);
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void serverSendsRfcExampleUnmaskedTextFrame() throws Exception {
        assertArrayEquals(bytes(0x81, 0x05, 'H', 'e', 'l', 'l', 'o'), encode(TEXT_SERVER, ascii("Hello")));
    }

    @Test
    void clientSendsRfcExampleMaskedTextFrame() throws Exception {
        // RFC 6455 section 5.7: "A single-frame masked text message" with the key 37 fa 21 3d.
        assertArrayEquals(bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
                encode(TEXT_CLIENT, ascii("Hello")));
    }

    @Test
    void usesTheShortestLengthFieldAtEachBoundary() throws Exception {
        WebSocketFramer server = WebSocketFramer.server();
        for (int length : new int[] {0, 125, 126, 65535, 65536, 70_000}) {
            byte[] payload = random(length, length);
            byte[] wire = encode(server, payload);
            assertArrayEquals(WebSocketWire.fromServer(0x2, payload), wire, "length " + length);
            assertEquals(length + (length < 126 ? 2 : length <= 0xffff ? 4 : 10), wire.length);
        }
    }

    @Test
    void seventyThousandBytesTakeTheSixtyFourBitLength() throws Exception {
        byte[] wire = encode(WebSocketFramer.server(), new byte[70_000]);
        assertArrayEquals(bytes(0x82, 0x7f, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70), Arrays.copyOf(wire, 10));
    }

    @Test
    void clientMasksEachFrameWithAFreshKey() throws Exception {
        WebSocketFramer client = WebSocketFramer.client();
        FrameEncoder encoder = client.newEncoder();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ByteBuf out = Unpooled.buffer();
            encoder.encode(Unpooled.wrappedBuffer(ascii("same")), out);
            assertEquals(0x84, out.getUnsignedByte(1), "mask bit and length 4");
            keys.add(ByteBufUtil.getBytes(out, 2, 4));
        }
        assertEquals(8, keys.stream().map(Arrays::toString).distinct().count(), "eight frames, eight keys");
        assertFalse(encoder.sendsPayloadUnchanged(), "a client's payload is masked, so never sent as given");
        assertTrue(WebSocketFramer.server().newEncoder().sendsPayloadUnchanged());
    }

    @Test
    void controlAndCloseMessagesAreSentAsTheirOpcode() throws Exception {
        assertArrayEquals(bytes(0x89, 0x02, 'h', 'i'), encode(WebSocketFramer.server().sendAs(WebSocketOpcode.PING), ascii("hi")));
        assertArrayEquals(bytes(0x8a, 0x00), encode(WebSocketFramer.server().sendAs(WebSocketOpcode.PONG), new byte[0]));
        assertArrayEquals(bytes(0x88, 0x04, 0x03, 0xe8, 'o', 'k'),
                encode(WebSocketFramer.server().sendAs(WebSocketOpcode.CLOSE), WebSocketWire.closePayload(1000, "ok")));
    }

    @Test
    void refusesWhatThePeerWouldReject() {
        WebSocketFramer server = WebSocketFramer.server();
        assertRefused(server.sendAs(WebSocketOpcode.PING), new byte[126], "126 bytes", "at most 125");
        assertRefused(TEXT_SERVER, bytes('a', 0xff), "UTF-8", "byte 1");
        assertRefused(TEXT_SERVER, bytes(0xed, 0xa0, 0x80), "UTF-8"); // an encoded surrogate
        assertRefused(server.sendAs(WebSocketOpcode.CLOSE), bytes(0x03), "1 payload byte");
        assertRefused(server.sendAs(WebSocketOpcode.CLOSE), WebSocketWire.closePayload(1005, ""), "1005");
        assertRefused(server.withMaxFrameLength(10), new byte[11], "11 bytes", "10 bytes");
        assertThrows(IllegalArgumentException.class, () -> server.sendAs(WebSocketOpcode.CONTINUATION));
        assertThrows(IllegalArgumentException.class, () -> server.withMaxFrameLength(100).withMaxMessageLength(99));
    }

    private static void assertRefused(Framer framer, byte[] message, String... mentions) {
        MessageRefusedException refusal = framer.check(message);
        assertNotNull(refusal, framer + " accepted " + dev.framekit.framing.support.FixtureBytes.hex(message, 8));
        for (String mention : mentions) {
            assertTrue(refusal.getMessage().contains(mention), refusal.getMessage() + " should mention " + mention);
        }
        ByteBuf out = Unpooled.buffer();
        assertThrows(MessageRefusedException.class, () -> framer.encode(message, out));
        assertEquals(0, out.writerIndex(), "a refusal writes nothing");
    }

    @Test
    void aClientEncodesOnlyThroughAMaskingEncoderWithAFreshKeyPerFrame() throws Exception {
        FrameEncoder encoder = WebSocketFramer.client().newEncoder();
        assertFalse(encoder.sendsPayloadUnchanged(), "a client's payload is masked, so a writer must copy it");
        ByteBuf out = Unpooled.buffer();
        encoder.writeHeader(5, out);
        assertEquals(0x82, out.getUnsignedByte(0));
        assertEquals(0x85, out.getUnsignedByte(1), "the mask bit and the length");
        assertEquals(2 + 4, out.readableBytes(), "the header carries the key");
        assertEquals(6, encoder.overhead(5));
        assertNotSame(encoder, WebSocketFramer.client().newEncoder(), "each connection masks with its own keys");
    }

    @Test
    void clientToServerKeepsTheFramingContract() {
        FramerConformance.check(WebSocketDirection.clientToServer(), validMessages(), List.of(new byte[(1 << 20) + 1]));
    }

    @Test
    void serverToClientKeepsTheFramingContract() {
        FramerConformance.check(WebSocketDirection.serverToClient(), validMessages(), List.of(new byte[(1 << 20) + 1]));
    }

    @Test
    void textInBothDirectionsKeepsTheFramingContract() {
        List<byte[]> texts = List.of(new byte[0], utf8("héllo ✓"), utf8("x".repeat(300)), utf8("€".repeat(30_000)));
        List<byte[]> notText = List.of(bytes(0xc3), bytes('a', 0x80), bytes(0xf8, 0x88, 0x80, 0x80, 0x80));
        FramerConformance.check(new WebSocketDirection(TEXT_CLIENT, WebSocketFramer.server()), texts, notText);
        FramerConformance.check(new WebSocketDirection(TEXT_SERVER, WebSocketFramer.client()), texts, notText);
    }

    private static List<byte[]> validMessages() {
        return List.of(new byte[0], ascii("a"), dev.framekit.framing.support.FixtureBytes.allByteValues(), random(6, 125), random(7, 126),
                random(8, 65_535), random(9, 70_000));
    }

    @Test
    void serverWritesALargePayloadStraightFromTheCallersMemory() throws Exception {
        byte[] payload = random(10, 40_000);
        RecordingStream out = new RecordingStream();
        try (FrameWriter writer = new FrameWriter(out, WebSocketFramer.server())) {
            writer.writeAndFlush(payload);
        }
        assertTrue(out.arrays.contains(payload), "the payload array itself was handed to the stream: no copy");
        assertArrayEquals(WebSocketWire.fromServer(0x2, payload), out.toByteArray());
    }

    @Test
    void clientMasksALargePayloadThroughTheBatchAndLeavesTheCallersBytesAlone() throws Exception {
        byte[] payload = random(11, 40_000);
        byte[] original = payload.clone();
        RecordingStream out = new RecordingStream();
        try (FrameWriter writer = new FrameWriter(out, TEXT_CLIENT.sendAs(WebSocketOpcode.BINARY))) {
            writer.writeAndFlush(payload);
        }
        assertFalse(out.arrays.contains(payload), "a masked payload cannot be the caller's own array");
        assertArrayEquals(original, payload, "masking did not touch the caller's bytes");
        assertArrayEquals(WebSocketWire.fromClient(0x2, payload), out.toByteArray());
    }

    @Test
    void aServerReadsWhatAClientWroteThroughTheStreamLayer() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (FrameWriter writer = new FrameWriter(wire, WebSocketFramer.client())) {
            writer.write("one").write(new byte[70_000]).write("three");
        }
        try (FrameReader reader = new FrameReader(new ByteArrayInputStream(wire.toByteArray()), WebSocketFramer.server())) {
            assertEquals("one", reader.readString());
            assertEquals(70_000, reader.readByteArray().length);
            assertEquals("three", reader.readString());
            assertNull(reader.readFrame());
        }
        assertNotEquals(-1, dev.framekit.framing.support.FixtureBytes.indexOf(wire.toByteArray(), bytes(0x82, 0xff), 0), "masked 64-bit frame");
    }

    /** Keeps the bytes, and the arrays that bulk writes were handed. */
    private static final class RecordingStream extends OutputStream {
        final List<byte[]> arrays = new ArrayList<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            arrays.add(b);
            bytes.write(b, off, len);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}

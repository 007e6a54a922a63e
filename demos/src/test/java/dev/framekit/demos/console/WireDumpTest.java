package dev.framekit.demos.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.Frame;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.websocket.WebSocketFramer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireDumpTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    /** The first line of a dump: direction, size and the parts. */
    private static String firstLine(String dump) {
        return dump.lines().findFirst().orElseThrow();
    }

    /** The hex dump netty draws for exactly these bytes, to find inside a WireDump. */
    private static String prettyHex(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return ByteBufUtil.prettyHexDump(Unpooled.wrappedBuffer(b));
    }

    @Test
    void marksTheLengthHeaderAndThePayload() {
        String dump = WireDump.of("sent", Framers.lengthPrefixed(), HELLO);
        assertEquals("sent 9 bytes on the wire: [0-3] length header 00 00 00 05 (= 5) | [4-8] payload 5 bytes",
                firstLine(dump));
        assertTrue(dump.contains(prettyHex(0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o')), dump);
    }

    @Test
    void marksWhatARewritingFramerWritesAroundAndForThePayload() {
        assertEquals("sent 7 bytes on the wire: [0-5] payload 5 bytes, 6 on the wire | [6-6] trailer 00",
                firstLine(WireDump.of("sent", Framers.cobs(), HELLO)));
        assertEquals("sent 8 bytes on the wire: [0-0] header c0 | [1-6] payload 5 bytes, 6 on the wire | [7-7] trailer c0",
                firstLine(WireDump.of("sent", Framers.slip(), "he\u00c0lo".getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals("sent 8 bytes on the wire: [0-0] header 1e | [1-6] payload 6 bytes, 6 on the wire | [7-7] trailer 0a",
                firstLine(WireDump.of("sent", Framers.jsonSeq(), "[\"hi\"]".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("sent 6 bytes on the wire: [0-5] payload 6 bytes",
                firstLine(WireDump.of("sent", Framers.json(), "[\"hi\"]".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void writesTheLengthHeaderBigEndian() {
        assertEquals("[0-3] length header 00 01 02 03 (= 66051) | [4-66054] payload 66051 bytes",
                WireDump.parts(Framers.lengthPrefixed(), 0x010203));
    }

    @Test
    void marksTheEmptyLengthPrefixedMessageAsAHeaderAlone() {
        String dump = WireDump.of("sent", Framers.lengthPrefixed(), new byte[0]);
        assertEquals("sent 4 bytes on the wire: [0-3] length header 00 00 00 00 (= 0) | empty payload", firstLine(dump));
        assertTrue(dump.contains(prettyHex(0, 0, 0, 0)), dump);
    }

    @Test
    void marksThePayloadAndThePadding() {
        Framer fixed = Framers.fixedLength(8).pad('#');
        String dump = WireDump.of("sent", fixed, "hi".getBytes(StandardCharsets.US_ASCII));
        assertEquals("sent 8 bytes on the wire: [0-1] payload 2 bytes | [2-7] padding 6 x 0x23", firstLine(dump));
        assertTrue(dump.contains(prettyHex('h', 'i', '#', '#', '#', '#', '#', '#')), dump);
    }

    @Test
    void saysWhenAFixedFrameIsFullWithNoPadding() {
        Framer fixed = Framers.fixedLength(5);
        assertEquals("[0-4] payload 5 bytes | no padding", WireDump.parts(fixed, 5));
    }

    @Test
    void marksAnEmptyFixedFrameAsAllPadding() {
        assertEquals("empty payload | [0-3] padding 4 x 0x00", WireDump.parts(Framers.fixedLength(4), 0));
    }

    @Test
    void marksThePayloadAndASingleByteDelimiter() {
        String dump = WireDump.of("received", Framers.lines(), HELLO);
        assertEquals("received 6 bytes on the wire: [0-4] payload 5 bytes | [5-5] delimiter 0a", firstLine(dump));
        assertTrue(dump.contains(prettyHex('h', 'e', 'l', 'l', 'o', '\n')), dump);
    }

    @Test
    void marksAMultiByteDelimiter() {
        String dump = WireDump.of("sent", Framers.delimiter("#*#"), HELLO);
        assertEquals("sent 8 bytes on the wire: [0-4] payload 5 bytes | [5-7] delimiter 232a23", firstLine(dump));
        assertTrue(dump.contains(prettyHex('h', 'e', 'l', 'l', 'o', '#', '*', '#')), dump);
    }

    @Test
    void marksSendAndCloseAsThePayloadThenAHalfClose() {
        String dump = WireDump.of("sent", Framers.sendAndClose(), HELLO);
        assertEquals("sent 5 bytes on the wire: [0-4] payload 5 bytes | then the sender half-closes (FIN)",
                firstLine(dump));
        assertTrue(dump.contains(prettyHex('h', 'e', 'l', 'l', 'o')), dump);
    }

    @Test
    void showsTheExactBytesOfUtf8Text() {
        byte[] text = "✓".getBytes(StandardCharsets.UTF_8);
        String dump = WireDump.of("sent", Framers.lengthPrefixed(), text);
        assertTrue(dump.contains(prettyHex(0, 0, 0, 3, 0xe2, 0x9c, 0x93)), dump);
    }

    @Test
    void reportsAMessageTheFramerRefusesInsteadOfDumpingIt() {
        String dump = WireDump.of("sent", Framers.fixedLength(2), HELLO);
        assertTrue(dump.startsWith("sent: fixed-length: message is 5 bytes; fixed frames hold 2"), dump);
        assertEquals(1, dump.lines().count(), dump);
    }

    @Test
    void marksEachLengthFieldVariant() {
        assertEquals("[0-1] u16le length header 07 00 (= 7, counting the header) | [2-6] payload 5 bytes",
                WireDump.parts(dev.framekit.framing.LengthPrefixFramer.builder()
                        .lengthField(dev.framekit.framing.LengthField.littleEndian(2)).lengthIncludesHeader().build(), 5));
        assertEquals("[0-1] varint length header ac 02 (= 300) | [2-301] payload 300 bytes",
                WireDump.parts(Framers.lengthPrefixed(dev.framekit.framing.LengthField.varint()), 300));
        assertEquals("[0-4] ascii:5 length header 30 30 30 30 35 \"00005\" (= 5) | [5-9] payload 5 bytes",
                WireDump.parts(Framers.lengthPrefixed(dev.framekit.framing.LengthField.asciiDecimal(5)), 5));
    }

    @Test
    void marksTheNetstringsLengthColonAndComma() {
        String dump = WireDump.of("sent", Framers.netstrings(), "hello world!".getBytes(StandardCharsets.US_ASCII));

        assertEquals("sent 16 bytes on the wire: [0-1] length \"12\" 31 32 | [2-2] colon 3a | [3-14] payload 12 bytes"
                + " | [15-15] comma 2c", firstLine(dump));
    }

    @Test
    void showsATypedFramesOwnHeaderFieldsBeforeItsLength() {
        Frame publishQos1 = Frame.of(Unpooled.wrappedBuffer(new byte[] {0x32}), Unpooled.wrappedBuffer(HELLO));
        String dump = WireDump.ofReceived("received", Framers.mqtt(), publishQos1);
        assertEquals("received 7 bytes on the wire: [0-0] header fields 32 | [1-1] vbi length header 05 (= 5)"
                + " | [2-6] payload 5 bytes", firstLine(dump));
        assertTrue(dump.contains(prettyHex(0x32, 5, 'h', 'e', 'l', 'l', 'o')), dump);
        assertEquals("sent 7 bytes on the wire: [0-0] header fields 30 (the framing's default)"
                + " | [1-1] vbi length header 05 (= 5) | [2-6] payload 5 bytes",
                firstLine(WireDump.of("sent", Framers.mqtt(), HELLO)));
    }

    @Test
    void showsTheGrpcCompressedFlagAndTheBytesBeforeAnOffsetLength() {
        Frame compressed = Frame.of(Unpooled.wrappedBuffer(new byte[] {1}), Unpooled.wrappedBuffer(HELLO));
        assertEquals("received 10 bytes on the wire: [0-0] header fields 01 | [1-4] length header 00 00 00 05 (= 5)"
                + " | [5-9] payload 5 bytes", firstLine(WireDump.ofReceived("received", Framers.grpc(), compressed)));
        Framer offset = LengthPrefixFramer.builder().lengthFieldOffset(2).lengthField(LengthField.bigEndian(2)).build();
        Frame typed = Frame.of(Unpooled.wrappedBuffer(new byte[] {3, 7}), Unpooled.wrappedBuffer(HELLO));
        String dump = WireDump.ofReceived("received", offset, typed);
        assertEquals("received 9 bytes on the wire: [0-1] header fields 03 07 | [2-3] u16 length header 00 05 (= 5)"
                + " | [4-8] payload 5 bytes", firstLine(dump));
        assertTrue(dump.contains(prettyHex(3, 7, 0, 5, 'h', 'e', 'l', 'l', 'o')), dump);
    }

    @Test
    void showsAZmtpFramesOwnFlagsByte() {
        Frame more = Frame.of(Unpooled.wrappedBuffer(new byte[] {1}), Unpooled.wrappedBuffer(HELLO));
        String dump = WireDump.ofReceived("received", Framers.zmtp(), more);
        assertEquals("received 7 bytes on the wire: [0-0] header fields 01 | [1-1] header 05"
                + " | [2-6] payload 5 bytes, 5 on the wire", firstLine(dump));
        assertTrue(dump.contains(prettyHex(1, 5, 'h', 'e', 'l', 'l', 'o')), dump);
    }

    @Test
    void showsAWebSocketFramesOwnOpcodeAsThePeerFramedIt() throws Exception {
        WebSocketFramer client = WebSocketFramer.client().sendAs(dev.framekit.framing.websocket.WebSocketOpcode.TEXT);
        ByteBuf wire = Unpooled.buffer();
        client.encode(Unpooled.wrappedBuffer(HELLO), wire);
        Frame text = WebSocketFramer.server().newDecoder().decodeFrame(wire, false);
        try {
            String dump = WireDump.ofReceived("received", WebSocketFramer.server(), text);
            assertTrue(firstLine(dump).startsWith("received 11 bytes on the wire: [0-5] header 81 85 "), dump);
            assertTrue(firstLine(dump).matches(".*\\(FIN, TEXT, masked with key( [0-9a-f]{2}){4}, length 5\\)"
                    + " \\| \\[6-10\\] payload 5 bytes, masked"), dump);
        } finally {
            text.release();
            wire.release();
        }
        assertEquals("sent 7 bytes on the wire: [0-1] header 82 05 (FIN, BINARY, unmasked, length 5) | [2-6] payload 5 bytes",
                firstLine(WireDump.of("sent", WebSocketFramer.server(), HELLO)));
    }
}

package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bigEndian;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.random;
import static dev.framekit.framing.support.FixtureBytes.repeat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.testing.ChunkedInputStream;
import dev.framekit.framing.testing.Splits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Header fields around the length: the bytes before an offset length field, MQTT's type and flags,
 * gRPC's Compressed-Flag, ZMTP's flags. They come out of {@link FrameReader#read()} with each
 * payload and go back through {@link FrameWriter#write(Frame)}, so an echo returns every frame
 * byte for byte, however the stream was split.
 */
class HeaderFieldsTest {
    private static final LengthPrefixFramer OFFSET_2 = LengthPrefixFramer.builder().lengthFieldOffset(2)
            .lengthField(LengthField.bigEndian(2)).build();

    /** Streams whose frames carry header fields of many values, each with what read() must see. */
    static Stream<Arguments> streams() {
        return Stream.of(
                Arguments.of("offset 2, u16", OFFSET_2, concat(bytes(7, 9, 0, 2, 'h', 'i', 0xff, 0, 0, 0),
                        bytes(1, 2, 1, 0), repeat('x', 256)), List.of("0709", "ff00", "0102")),
                Arguments.of("mqtt", Framers.mqtt().withMaxFrameLength(1 << 20), concat(
                        bytes(0x10, 3, 0, 4, 'M'), bytes(0x20, 2, 0, 0), bytes(0x82, 2, 0, 1), bytes(0x3b, 0x80, 1),
                        repeat('p', 128), bytes(0x62, 2, 0, 1), bytes(0xc0, 0), bytes(0xe0, 0)),
                        List.of("10", "20", "82", "3b", "62", "c0", "e0")),
                Arguments.of("grpc", Framers.grpc(), concat(bytes(0, 0, 0, 0, 2, 'h', 'i'), bytes(1, 0, 0, 0, 1, 'z'),
                        bytes(0, 0, 0, 0, 0)), List.of("00", "01", "00")),
                Arguments.of("zmtp", Framers.zmtp(), concat(bytes(1, 1, 'a'), bytes(3), bigEndian(2, 8), ascii("bc"),
                        bytes(2), bigEndian(300, 8), repeat('L', 300), bytes(4, 6), ascii("\5READY"), bytes(6),
                        bigEndian(1, 8), ascii("c")), List.of("01", "03", "02", "04", "06")),
                Arguments.of("resp", Framers.resp(), ascii("+OK\r\n$5\r\nhe\r\no\r\n*2\r\n$-1\r\n$0\r\n\r\n"),
                        List.of(hexOf("+OK"), hexOf("$5"), hexOf("*2"), hexOf("$-1"), hexOf("$0"))),
                Arguments.of("nats", Framers.nats(), ascii("INFO {}\r\nMSG a 1 r 2\r\nhi\r\nHMSG a 1 12 14\r\n"
                        + "NATS/1.0\r\n\r\nhi\r\nPING\r\n"), List.of(hexOf("INFO {}"), hexOf("MSG a 1 r 2"),
                        hexOf("HMSG a 1 12 14"), hexOf("PING"))),
                Arguments.of("syslog", Framers.syslog(), ascii("5 hello11 <34>1 - - x"), List.of("", "")),
                Arguments.of("stomp", Framers.stomp(), ascii("CONNECTED\nversion:1.2\n\n\0MESSAGE\r\ncontent-length:3"
                        + "\r\nx:y\r\n\r\na\0b\0SEND\ndestination:/q\n\nhi\0"), List.of(hexOf("CONNECTED\nversion:1.2\n\n"),
                        hexOf("MESSAGE\r\ncontent-length:3\r\nx:y\r\n\r\n"), hexOf("SEND\ndestination:/q\n\n"))));
    }

    private static String hexOf(String text) {
        return ByteBufUtil.hexDump(ascii(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void readHandsOutEachFramesHeaderFieldsWholeOneByteAtATimeAndInRandomChunks(String name, Framer framer,
            byte[] wire, List<String> headerFields) throws IOException {
        List<int[]> splits = new ArrayList<>(List.of(Splits.whole(wire.length), Splits.oneBytePerRead(wire.length)));
        for (long seed : Splits.SEEDS) {
            splits.add(java.util.Arrays.stream(Splits.random(seed, wire.length)).filter(size -> size > 0).toArray());
        }
        for (int position : Splits.positions(wire.length)) {
            splits.add(java.util.Arrays.stream(Splits.splitAt(position, wire.length)).filter(size -> size > 0).toArray());
        }
        for (int[] split : splits) {
            assertEquals(headerFields, headerFieldsOf(framer, new ChunkedInputStream(wire, split)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void anEchoOfEveryFrameReadReturnsTheStreamByteForByte(String name, Framer framer, byte[] wire,
            List<String> headerFields) throws IOException {
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        try (FrameReader reader = new FrameReader(ChunkedInputStream.oneByteAtATime(wire), framer);
                FrameWriter writer = new FrameWriter(echoed, framer)) {
            Frame frame;
            while ((frame = reader.read()) != null) {
                try {
                    writer.write(frame);
                } finally {
                    frame.release();
                }
            }
        }
        assertArrayEquals(wire, echoed.toByteArray());
    }

    private static List<String> headerFieldsOf(Framer framer, ChunkedInputStream in) throws IOException {
        List<String> fields = new ArrayList<>();
        try (FrameReader reader = new FrameReader(in, framer)) {
            Frame frame;
            while ((frame = reader.read()) != null) {
                fields.add(ByteBufUtil.hexDump(frame.headerFields()));
                frame.release();
            }
        }
        return fields;
    }

    @Test
    void aMessageWrittenWithoutHeaderFieldsCarriesTheDefaults() throws IOException {
        LengthPrefixFramer tagged = OFFSET_2.toBuilder().defaultHeaderFields((byte) 0xab, (byte) 0xcd).build();

        assertArrayEquals(bytes(0xab, 0xcd, 0, 2, 'h', 'i'), encode(tagged, "hi"));
        assertArrayEquals(bytes(0, 0, 0, 2, 'h', 'i'), encode(OFFSET_2, "hi"));
        assertArrayEquals(bytes(0x30, 2, 'h', 'i'), encode(Framers.mqtt(), "hi"));
        assertArrayEquals(bytes(0, 0, 0, 0, 2, 'h', 'i'), encode(Framers.grpc(), "hi"));
        assertArrayEquals(bytes(0, 2, 'h', 'i'), encode(Framers.zmtp(), "hi"));
        assertEquals(4, OFFSET_2.overhead(2));
    }

    /** MQTT 5.0 section 1.5.5's table: each width of the Variable Byte Integer, at both of its ends. */
    @Test
    void mqttWritesTheRemainingLengthInTheFewestBytesAtEveryWidth() throws IOException {
        LengthPrefixFramer mqtt = Framers.mqtt().withMaxFrameLength(268_435_455);
        long[][] cases = {{0, 0x00}, {127, 0x7f}, {128, 0x8001}, {16_383, 0xff7f}, {16_384, 0x808001},
            {2_097_151, 0xffff7f}, {2_097_152, 0x80808001L}};
        for (long[] c : cases) {
            int length = (int) c[0];
            byte[] expected = ByteBufUtil.decodeHexDump("30" + String.format("%0" + hexWidth(c[1]) + "x", c[1]));
            byte[] wire = encode(mqtt, new byte[length]);
            assertArrayEquals(expected, java.util.Arrays.copyOf(wire, expected.length), "remaining length " + length);
            assertEquals(expected.length + length, wire.length);
        }
    }

    private static int hexWidth(long value) {
        return Math.max(2, (Long.toHexString(value).length() + 1) / 2 * 2);
    }

    @Test
    void zmtpWritesTheLongFormForMoreThan255BytesAndWhenTheFlagsAskForIt() throws IOException {
        assertArrayEquals(concat(bytes(0, 255), repeat('a', 255)), encode(Framers.zmtp(), repeat('a', 255)));
        assertArrayEquals(concat(bytes(2), bigEndian(256, 8), repeat('a', 256)), encode(Framers.zmtp(), repeat('a', 256)));
        assertArrayEquals(concat(bytes(3), bigEndian(1, 8), ascii("a")), encodeFrame(Framers.zmtp(), bytes(3), "a"));
        assertArrayEquals(concat(bytes(0x03), bigEndian(300, 8), repeat('a', 300)),
                encodeFrame(Framers.zmtp(), bytes(1), new String(repeat('a', 300))), "MORE, and LONG set to match");
    }

    @Test
    void refusesHeaderFieldsTheFramingCannotCarryWithoutWritingAnything() {
        assertRefused(Framers.lengthPrefixed(), bytes(3), "writes no header fields", "1 bytes of them");
        assertRefused(Framers.lines(), bytes(3), "writes no header fields");
        assertRefused(OFFSET_2, bytes(3), "1 bytes", "has 2 before the length field");
        assertRefused(Framers.mqtt(), bytes(0x00), "type 0 is reserved");
        assertRefused(Framers.mqtt(), bytes(0x80), "SUBSCRIBE must have flags 2, got 0");
        assertRefused(Framers.grpc(), bytes(2), "Compressed-Flag must be 0 or 1, got 2");
        assertRefused(Framers.zmtp(), bytes(0x10), "reserved bits");
        assertRefused(Framers.zmtp(), bytes(0x05), "command with MORE");
    }

    private static void assertRefused(Framer framer, byte[] headerFields, String... mentions) {
        ByteBuf out = Unpooled.buffer().writeBytes(ascii("prior"));
        MessageRefusedException refusal = assertThrows(MessageRefusedException.class, () -> framer.newEncoder()
                .encode(Frame.of(Unpooled.wrappedBuffer(headerFields), Unpooled.wrappedBuffer(ascii("hi"))), out));
        for (String mention : mentions) {
            assertTrue(refusal.getMessage().contains(mention), refusal.getMessage() + " mentions " + mention);
        }
        assertEquals(5, out.readableBytes(), "a refusal writes nothing");
    }

    @Test
    void aLengthThatAnAdjustmentMakesNegativeIsOneErrorNamingTheSizes() {
        LengthPrefixFramer framer = OFFSET_2.toBuilder().lengthAdjustment(-10).build();
        FramingException e = assertThrows(FramingException.class,
                () -> framer.newDecoder().decode(Unpooled.wrappedBuffer(bytes(1, 2, 0, 4, 'x')), false));
        assertTrue(e.getMessage().contains("declares 4, less than the 10 it must count (length adjustment -10)"),
                e.getMessage());
    }

    @Test
    void aHeaderThatMakesTheLengthOverflowIsTooLongBeforeAnythingIsAllocated() throws Exception {
        LengthPrefixFramer framer = LengthPrefixFramer.builder().lengthFieldOffset(3).lengthField(LengthField.bigEndian(8))
                .lengthAdjustment(1000).build();
        ByteBuf in = Unpooled.buffer(16).writeBytes(concat(bytes(1, 2, 3), repeat(0xff, 8)));
        int capacity = in.capacity();
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> framer.newDecoder().decode(in, false));
        assertEquals(capacity, in.capacity());
        assertTrue(e.getMessage().contains("18446744073709551615 (over 2^63) exceeds the maximum of 1048576"),
                e.getMessage());
    }

    @Test
    void aFifthRemainingLengthByteIsRefusedAsSoonAsItArrives() {
        ByteBuf in = Unpooled.wrappedBuffer(bytes(0x30, 0x80, 0x80, 0x80, 0x80));
        FramingException e = assertThrows(FramingException.class, () -> Framers.mqtt().newDecoder().decode(in, false));
        assertTrue(e.getMessage().contains("mqtt: the Variable Byte Integer (MQTT remaining length) is longer than 4 bytes"),
                e.getMessage());
    }

    @Test
    void truncatedHeaderCountsTheHeaderFieldsAndTheLength() {
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class,
                () -> OFFSET_2.newDecoder().decode(Unpooled.wrappedBuffer(bytes(1, 2, 0)), true));
        assertTrue(e.getMessage().contains("stream ended after 3 of 4 length-header bytes"), e.getMessage());
    }

    @Test
    void controlLinesAreWrittenWithTheCountOfThePayloadWritten() throws IOException {
        assertArrayEquals(ascii("$2\r\nhi\r\n"), encode(Framers.resp(), "hi"));
        assertArrayEquals(ascii("PUB framekit 2\r\nhi\r\n"), encode(Framers.nats(), "hi"));
        assertArrayEquals(ascii("2 hi"), encode(Framers.syslog(), "hi"));
        assertArrayEquals(ascii("MSG a 1 3\r\nabc\r\n"), encodeFrame(Framers.nats(), ascii("MSG a 1 99"), "abc"));
        assertArrayEquals(ascii("HPUB a 2 5\r\nab123\r\n"), encodeFrame(Framers.nats(), ascii("HPUB a 2 0"), "ab123"));
        assertArrayEquals(ascii("=3\r\nabc\r\n"), encodeFrame(Framers.resp(), ascii("=1"), "abc"));
        assertArrayEquals(ascii("$-1\r\n"), encodeFrame(Framers.resp(), ascii("$-1"), ""));
        assertArrayEquals(ascii(":7\r\n"), encodeFrame(Framers.resp(), ascii(":7"), ""));
    }

    @Test
    void refusesControlLinesThatCannotCarryThePayload() {
        assertRefused(Framers.resp(), ascii("+OK"), "carries no body, but the message is 2 bytes");
        assertRefused(Framers.resp(), ascii("$2\r\n"), "cannot hold CR or LF");
        assertRefused(Framers.resp(), ascii("?x"), "is not a RESP element");
        assertRefused(Framers.nats(), ascii("PING"), "carries no body");
        assertRefused(Framers.nats(), ascii("HPUB a 9 0"), "declares 9 header bytes, more than its 2 total bytes");
        assertRefused(Framers.syslog(), ascii("2"), "syslog frames have no header fields");
        MessageRefusedException empty = Framers.syslog().check(new byte[0]);
        assertTrue(empty != null && empty.getMessage().contains("cannot carry an empty message"), String.valueOf(empty));
    }

    @Test
    void aControlLineOverFourKibOrACountOfThirtyDigitsIsOneErrorThatSaysSo() {
        FramingException longLine = assertThrows(FramingException.class, () -> Framers.nats().newDecoder()
                .decode(Unpooled.wrappedBuffer(repeat('x', 5000)), false));
        assertTrue(longLine.getMessage().contains("no end of line within the first 4098 bytes of a control line"),
                longLine.getMessage());
        FramingException digits = assertThrows(FramingException.class, () -> Framers.resp().newDecoder()
                .decode(Unpooled.wrappedBuffer(ascii("$" + "1".repeat(30) + "\r\n")), false));
        assertTrue(digits.getMessage().contains("the byte count has 30 digits, more than 18"), digits.getMessage());
    }

    @Test
    void stompWritesContentLengthForThePayloadAndRefusesANulItCannotCount() throws IOException {
        assertArrayEquals(ascii("SEND\ndestination:/queue/framekit\ncontent-length:2\n\nhi\0"), encode(Framers.stomp(), "hi"));
        assertArrayEquals(ascii("SEND\r\ncontent-length:3\r\n\r\na\0b\0"),
                encodeFrame(Framers.stomp(), ascii("SEND\r\ncontent-length:0\r\n\r\n"), "a\0b"));
        MessageRefusedException nul = Framers.stomp().newEncoder().check(Unpooled.wrappedBuffer(ascii("SEND\n\n")),
                Unpooled.wrappedBuffer(ascii("a\0b")));
        assertTrue(nul != null && nul.getMessage().contains("the body holds a NUL and the head has no content-length"),
                String.valueOf(nul));
        assertRefused(Framers.stomp(), ascii("SEND\n"), "ended by a blank line");
        assertRefused(Framers.stomp(), ascii("SEND\n\ncontent-length:0\n\n"), "ended by a blank line");
        assertEquals("stomp(max 1048576 bytes)", Framers.stomp().toString());
        assertEquals(Framers.stomp(), Framers.stomp(1 << 20));
        assertNotEquals(Framers.stomp(), Framers.stomp(10));
    }

    @Test
    void controlLineFramersAreValues() {
        assertEquals(Framers.resp(), Framers.resp(1 << 20));
        assertEquals(Framers.nats(5).hashCode(), Framers.nats(5).hashCode());
        assertNotEquals(Framers.resp(), Framers.nats());
        assertNotEquals(Framers.syslog(5), Framers.syslog(6));
        assertEquals("resp(max 1048576 bytes)", Framers.resp().toString());
        assertEquals("syslog(max 10 bytes)", Framers.syslog(10).toString());
    }

    @Test
    void builderChecksTheOffsetAndTheDefaultHeaderFields() {
        assertMessage("lengthFieldOffset must be between 0 and 64, got 65",
                () -> LengthPrefixFramer.builder().lengthFieldOffset(65).build());
        assertMessage("defaultHeaderFields must be 2 bytes, as many as lengthFieldOffset, got 1",
                () -> OFFSET_2.toBuilder().defaultHeaderFields((byte) 1).build());
        assertMessage("mqtt: defaultHeaderFields: control packet type 0 is reserved",
                () -> Framers.mqtt().toBuilder().defaultHeaderFields((byte) 0).build());
        assertMessage("maxFrameLength 268435456 is more than a vbi length field can declare",
                () -> Framers.mqtt().withMaxFrameLength(268_435_456));
        assertEquals(-4, OFFSET_2.toBuilder().lengthIncludesHeader().build().lengthAdjustment(),
                "the whole 4-byte header is counted");
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void presetsAreValuesWithNamesThatSayWhatTheyRead() {
        assertEquals(Framers.mqtt(), Framers.mqtt());
        assertEquals(Framers.mqtt().hashCode(), Framers.mqtt().hashCode());
        assertEquals(Framers.zmtp(), Framers.zmtp(1 << 20));
        assertEquals(Framers.zmtp(10).hashCode(), Framers.zmtp(10).hashCode());
        assertNotEquals(Framers.grpc(), LengthPrefixFramer.builder().lengthFieldOffset(1).build());
        assertNotEquals(OFFSET_2, OFFSET_2.toBuilder().defaultHeaderFields((byte) 1, (byte) 2).build());
        assertNotEquals(Framers.zmtp(10), Framers.zmtp(11));
        assertEquals("mqtt(1 header byte, vbi, max 1048576 bytes)", Framers.mqtt().toString());
        assertEquals("grpc(1 header byte, u32, max 1048576 bytes)", Framers.grpc().toString());
        assertEquals("zmtp(max 1048576 bytes)", Framers.zmtp().toString());
        assertEquals("length-prefix(offset 2 (default header 0000), u16, max 65535 bytes)", OFFSET_2.toString());
        assertEquals(LengthField.variableByteInteger(), LengthField.parse("vbi"));
        assertEquals(268_435_455, LengthField.variableByteInteger().maxValue());
    }

    @Test
    void thePayloadPathHandsOutThePayloadAlone() throws Exception {
        ByteBuf in = Unpooled.wrappedBuffer(bytes(0x20, 2, 0, 0));
        ByteBuf payload = Framers.mqtt().newDecoder().decode(in, false);
        assertArrayEquals(bytes(0, 0), ByteBufUtil.getBytes(payload));
        payload.release();
        assertNull(Framers.mqtt().newDecoder().decode(Unpooled.wrappedBuffer(bytes(0x20)), false));
    }

    private static byte[] encode(Framer framer, String message) throws IOException {
        return encode(framer, ascii(message));
    }

    private static byte[] encode(Framer framer, byte[] message) throws IOException {
        ByteBuf out = Unpooled.buffer();
        framer.encode(message, out);
        return ByteBufUtil.getBytes(out);
    }

    private static byte[] encodeFrame(Framer framer, byte[] headerFields, String message) throws IOException {
        ByteBuf out = Unpooled.buffer();
        framer.newEncoder().encode(Frame.of(Unpooled.wrappedBuffer(headerFields), Unpooled.wrappedBuffer(ascii(message))),
                out);
        return ByteBufUtil.getBytes(out);
    }
}

package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.repeat;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.repeat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.FixtureBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The length-field settings: specs, capacities, validation when built, and the exact bytes written. */
class LengthFieldTest {

    @ParameterizedTest
    @ValueSource(strings = {"u8", "u16", "u24", "u32", "u64", "u16le", "u24le", "u32le", "u64le", "varint", "ascii:1",
            "ascii:5", "ascii:18"})
    void parsesEverySpecAndGivesItBackAsItsName(String spec) {
        assertEquals(spec, LengthField.parse(spec).toString());
        assertEquals(LengthField.parse(spec), LengthField.parse(spec.toUpperCase()), "case is ignored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "u", "u7", "u40", "u16be", "i16", "le", "ascii:", "ascii:0", "ascii:19", "ascii:x",
            "varint32", "16"})
    void refusesAnUnknownSpecNamingItAndTheValidOnes(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LengthField.parse(spec));

        assertTrue(e.getMessage().startsWith("length field: "), e.getMessage());
        assertTrue(e.getMessage().contains("u16le") || e.getMessage().contains("digits"), e.getMessage());
    }

    @Test
    void refusesBinaryWidthsOtherThanOneTwoThreeFourAndEight() {
        for (int width : new int[] {0, 5, 6, 7, 9, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LengthField.bigEndian(width));
            assertTrue(e.getMessage().contains("got " + width), e.getMessage());
        }
    }

    @Test
    void givesEachFieldItsCapacity() {
        assertEquals(255, LengthField.parse("u8").maxValue());
        assertEquals(65_535, LengthField.parse("u16le").maxValue());
        assertEquals(16_777_215, LengthField.parse("u24").maxValue());
        assertEquals(0xffffffffL, LengthField.parse("u32").maxValue());
        assertEquals(Long.MAX_VALUE, LengthField.parse("u64").maxValue());
        assertEquals(0xffffffffL, LengthField.varint().maxValue());
        assertEquals(99_999, LengthField.asciiDecimal(5).maxValue());
    }

    @Test
    void defaultsTheMaximumToTheFieldsCapacityWhenThatIsUnderOneMebibyte() {
        assertEquals(255, Framers.lengthPrefixed(LengthField.bigEndian(1)).maxFrameLength());
        assertEquals(65_535, Framers.lengthPrefixed(LengthField.littleEndian(2)).maxFrameLength());
        assertEquals(65_533, LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(2)).lengthIncludesHeader()
                .build().maxFrameLength());
        assertEquals(99_999, Framers.lengthPrefixed(LengthField.asciiDecimal(5)).maxFrameLength());
        assertEquals(FrameLimits.DEFAULT_MAX_FRAME_LENGTH, Framers.lengthPrefixed(LengthField.bigEndian(3)).maxFrameLength());
        assertEquals(FrameLimits.DEFAULT_MAX_FRAME_LENGTH, Framers.lengthPrefixed(LengthField.varint()).maxFrameLength());
    }

    @Test
    void refusesWhenBuiltAMaximumTheFieldCannotDeclare() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(1)).maxFrameLength(300).build());

        assertEquals("length-prefix u8: maxFrameLength 300 is more than a u8 length field can declare: at most 255"
                + " bytes (use a wider field or a smaller maximum)", e.getMessage());
        IllegalArgumentException inclusive = assertThrows(IllegalArgumentException.class,
                () -> LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(2)).lengthIncludesHeader()
                        .maxFrameLength(65_535).build());
        assertTrue(inclusive.getMessage().contains("at most 65533"), inclusive.getMessage());
        assertTrue(inclusive.getMessage().contains("adjustment -2"), inclusive.getMessage());
        IllegalArgumentException viaWith = assertThrows(IllegalArgumentException.class,
                () -> Framers.lengthPrefixed(LengthField.asciiDecimal(3)).withMaxFrameLength(1000));
        assertTrue(viaWith.getMessage().contains("at most 999"), viaWith.getMessage());
    }

    @Test
    void refusesContradictorySettingsWhenBuilt() {
        IllegalArgumentException varint = assertThrows(IllegalArgumentException.class,
                () -> LengthPrefixFramer.builder().lengthField(LengthField.varint()).lengthIncludesHeader().build());
        assertTrue(varint.getMessage().contains("fixed-width"), varint.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> LengthPrefixFramer.builder().lengthIncludesHeader().lengthAdjustment(-4).build());
        assertTrue(both.getMessage().contains("lengthAdjustment(-4)"), both.getMessage());
        IllegalArgumentException nothingLeft = assertThrows(IllegalArgumentException.class,
                () -> LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(1)).lengthAdjustment(-255).build());
        assertTrue(nothingLeft.getMessage().contains("cannot declare any payload"), nothingLeft.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LengthPrefixFramer.builder().maxFrameLength(0).build());
        assertTrue(zero.getMessage().contains("got 0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LengthPrefixFramer.builder().lengthAdjustment(Integer.MIN_VALUE).build());
    }

    @Test
    void writesEachFieldExactly() throws Exception {
        byte[] hello = ascii("hello");
        assertArrayEquals(concat(bytes(5), hello), encode(Framers.lengthPrefixed(LengthField.parse("u8")), hello));
        assertArrayEquals(concat(bytes(0, 5), hello), encode(Framers.lengthPrefixed(LengthField.parse("u16")), hello));
        assertArrayEquals(concat(bytes(5, 0), hello), encode(Framers.lengthPrefixed(LengthField.parse("u16le")), hello));
        assertArrayEquals(concat(bytes(0, 0, 5), hello), encode(Framers.lengthPrefixed(LengthField.parse("u24")), hello));
        assertArrayEquals(concat(bytes(5, 0, 0, 0), hello), encode(Framers.lengthPrefixed(LengthField.parse("u32le")), hello));
        assertArrayEquals(concat(bytes(0, 0, 0, 0, 0, 0, 0, 5), hello),
                encode(Framers.lengthPrefixed(LengthField.parse("u64")), hello));
        assertArrayEquals(concat(bytes(5, 0, 0, 0, 0, 0, 0, 0), hello),
                encode(Framers.lengthPrefixed(LengthField.parse("u64le")), hello));
        assertArrayEquals(ascii("00005hello"), encode(Framers.lengthPrefixed(LengthField.parse("ascii:5")), hello));
        assertArrayEquals(concat(bytes(5), hello), encode(Framers.lengthPrefixed(LengthField.varint()), hello));
    }

    @Test
    void writesAHeaderInclusiveLengthAsPayloadPlusTheFieldsWidth() throws Exception {
        LengthPrefixFramer akka = LengthPrefixFramer.builder().lengthIncludesHeader().build();
        LengthPrefixFramer nettyLe = LengthPrefixFramer.builder().lengthField(LengthField.littleEndian(2))
                .lengthIncludesHeader().build();

        assertArrayEquals(concat(bytes(0, 0, 0, 9), ascii("hello")), encode(akka, ascii("hello")));
        assertArrayEquals(bytes(2, 0), encode(nettyLe, new byte[0]));
        assertEquals(-4, akka.lengthAdjustment());
    }

    @Test
    void writesVarintsAtTheirBoundaries() throws Exception {
        LengthPrefixFramer varint = Framers.lengthPrefixed(LengthField.varint());
        int[][] cases = {{0, 0x00}, {127, 0x7f}, {128, 0x80, 0x01}, {300, 0xac, 0x02}, {16_383, 0xff, 0x7f},
                {16_384, 0x80, 0x80, 0x01}, {2_097_151, 0xff, 0xff, 0x7f}, {2_097_152, 0x80, 0x80, 0x80, 0x01}};
        for (int[] c : cases) {
            byte[] expected = bytes(Arrays.copyOfRange(c, 1, c.length));
            byte[] wire = encode(varint.withMaxFrameLength(FrameLimits.LARGEST_MAX_FRAME_LENGTH), new byte[c[0]]);
            assertArrayEquals(expected, Arrays.copyOf(wire, expected.length), "varint of " + c[0]);
            assertEquals(expected.length, varint.overhead(c[0]), "overhead of " + c[0]);
        }
    }

    @Test
    void refusesToEncodeAMessageOverTheFieldsCapacityNamingTheField() {
        Framer u8 = Framers.lengthPrefixed(LengthField.bigEndian(1));
        ByteBuf out = Unpooled.buffer();

        MessageRefusedException refusal = assertThrows(MessageRefusedException.class,
                () -> u8.encode(repeat('x', 256), out));

        assertEquals("length-prefix u8: message is 256 bytes, over the maximum frame length of 255 bytes, the most a u8"
                + " length field can declare (use a wider length field on both sides): 78 78 78 78 78 78 78 78 78 78 78 78"
                + " 78 78 78 78 … (+240 bytes) |xxxxxxxxxxxxxxxx|", refusal.getMessage());
        assertEquals(0, out.writerIndex());
    }

    @Test
    void refusesToEncodeAMessageShorterThanAPositiveAdjustment() throws Exception {
        LengthPrefixFramer trailerCounted = LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(2))
                .lengthAdjustment(2).build();

        MessageRefusedException refusal = assertThrows(MessageRefusedException.class,
                () -> trailerCounted.encode(ascii("a"), Unpooled.buffer()));

        assertTrue(refusal.getMessage().contains("shorter than the length adjustment 2"), refusal.getMessage());
        assertArrayEquals(concat(bytes(0, 1), ascii("abc")), encode(trailerCounted, ascii("abc")));
        assertTrue(Feed.sameEverySplit(trailerCounted, concat(bytes(0, 1), ascii("abc"))).hasFrames(FixtureBytes.frames("abc")));
    }

    @Test
    void derivesAnotherFramerFromItsBuilderKeepingEverySetting() {
        LengthPrefixFramer skipping = LengthPrefixFramer.builder().lengthField(LengthField.littleEndian(2))
                .lengthIncludesHeader().onOversize(OversizePolicy.SKIP).build();

        LengthPrefixFramer smaller = skipping.withMaxFrameLength(100);

        assertEquals(100, smaller.maxFrameLength());
        assertEquals(skipping.lengthField(), smaller.lengthField());
        assertEquals(-2, smaller.lengthAdjustment());
        assertEquals(OversizePolicy.SKIP, smaller.oversizePolicy());
        assertEquals(smaller, skipping.toBuilder().maxFrameLength(100).build());
        assertEquals(255, Framers.lengthPrefixed().toBuilder().lengthField(LengthField.bigEndian(1)).build()
                .maxFrameLength(), "an unset maximum follows the new field's capacity");
        assertEquals("length-prefix(u16le, adjustment -2, skip oversized, max 100 bytes)", smaller.toString());
        assertEquals("length-prefix(4-byte big-endian, max 1048576 bytes)", Framers.lengthPrefixed().toString());
    }

    private static byte[] encode(Framer framer, byte[] payload) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer();
        framer.encode(payload, out);
        return ByteBufUtil.getBytes(out);
    }
}

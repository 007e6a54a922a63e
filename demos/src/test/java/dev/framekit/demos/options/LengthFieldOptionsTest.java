package dev.framekit.demos.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.NetstringFramer;
import dev.framekit.framing.OversizePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --length-field, --length-include-header, --on-oversize and --framing netstring, through the one registry. */
class LengthFieldOptionsTest {

    private static FramingOptions parse(String... args) {
        return FramingOptionsTest.parse(args);
    }

    private static LengthPrefixFramer lengthFramer(String... args) {
        return assertInstanceOf(LengthPrefixFramer.class, parse(args).framer(Framing.Side.SERVER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"u8", "u16", "u24", "u32", "u64", "u16le", "u32le", "u64le", "varint", "ascii:5"})
    void buildsTheLengthFieldTheSpecNames(String spec) {
        assertEquals(LengthField.parse(spec), lengthFramer("--length-field", spec).lengthField());
    }

    @Test
    void defaultsToFourBytesBigEndianFailingOnOversizedFrames() {
        LengthPrefixFramer framer = lengthFramer();

        assertEquals(LengthField.DEFAULT, framer.lengthField());
        assertEquals(0, framer.lengthAdjustment());
        assertEquals(OversizePolicy.FAIL, framer.oversizePolicy());
        assertEquals("--framing length", parse().asArguments());
    }

    @Test
    void givesWayToANarrowFieldsCapacityWhenMaxFrameIsLeftAtItsDefault() {
        assertEquals(255, lengthFramer("--length-field", "u8").maxFrameLength());
        assertEquals(99_999, lengthFramer("--length-field", "ascii:5").maxFrameLength());
        assertEquals(1000, lengthFramer("--length-field", "u16", "--max-frame", "1000").maxFrameLength());
    }

    @Test
    void readsTheLengthAfterHeaderBytesAndAdjustsItWhenAsked() {
        LengthPrefixFramer framer = lengthFramer("--length-offset", "2", "--length-field", "u16", "--length-adjust", "-4");

        assertEquals(2, framer.lengthFieldOffset());
        assertEquals(-4, framer.lengthAdjustment());
        assertEquals("--framing length --length-field u16 --length-offset 2 --length-adjust -4",
                parse("--length-offset", "2", "--length-field", "u16", "--length-adjust", "-4").asArguments());
        assertEquals(-6, lengthFramer("--length-offset", "4", "--length-field", "u16", "--length-includes-header")
                .lengthAdjustment(), "the whole 6-byte header is counted");
        assertTrue(Framing.LENGTH.keepsHeaderFields(parse("--length-offset", "1").settings()));
        assertFalse(Framing.LENGTH.keepsHeaderFields(parse().settings()));
    }

    @Test
    void aBadOffsetIsAUsageErrorThatNamesTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--length-offset", "65").framer(Framing.Side.SERVER));
        assertTrue(e.getMessage().startsWith("--length-field u32 --length-offset 65 --max-frame 1m:"), e.getMessage());
        assertTrue(e.getMessage().contains("lengthFieldOffset must be between 0 and 64, got 65"), e.getMessage());
    }

    @Test
    void countsTheHeaderAndSkipsOversizedFramesWhenAsked() {
        LengthPrefixFramer framer = lengthFramer("--length-field", "u16le", "--length-includes-header",
                "--on-oversize", "SKIP");

        assertEquals(-2, framer.lengthAdjustment());
        assertEquals(OversizePolicy.SKIP, framer.oversizePolicy());
        assertEquals("--framing length --length-field u16le --length-includes-header --on-oversize skip",
                parse("--length-field", "u16le", "--length-includes-header", "--on-oversize", "skip").asArguments());
    }

    @Test
    void namesTheOptionForABadSpec() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--length-field", "u17").framer(Framing.Side.SERVER));

        assertTrue(e.getMessage().startsWith("--length-field: unknown spec \"u17\"; use u8, u16"), e.getMessage());
    }

    @Test
    void namesTheOptionsWhenMaxFrameIsOverWhatTheFieldDeclares() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--length-field", "u8", "--max-frame", "1k").framer(Framing.Side.SERVER));

        assertTrue(e.getMessage().startsWith("--length-field u8 --max-frame 1k: "), e.getMessage());
        assertTrue(e.getMessage().contains("at most 255"), e.getMessage());
        IllegalArgumentException varint = assertThrows(IllegalArgumentException.class,
                () -> parse("--length-field", "varint", "--length-includes-header").framer(Framing.Side.SERVER));
        assertTrue(varint.getMessage().contains("--length-includes-header"), varint.getMessage());
    }

    @Test
    void refusesAnUnknownOversizePolicyNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--on-oversize", "drop").framer(Framing.Side.SERVER));

        assertEquals("--on-oversize: 'drop' is not an oversize policy; choose fail or skip", e.getMessage());
    }

    @Test
    void buildsNetstringsWithTheMaximum() {
        NetstringFramer framer = assertInstanceOf(NetstringFramer.class,
                parse("--framing", "netstring", "--max-frame", "99999").framer(Framing.Side.SERVER));

        assertEquals(99_999, framer.maxFrameLength());
        assertTrue(Framing.names().contains("netstring"));
    }

    @Test
    void offersTheLengthFieldVariantsAsCompareRows() {
        assertTrue(dev.framekit.demos.compare.measure.Contenders.FRAMINGS.containsAll(
                java.util.List.of("length", "length:u16", "length:u32le", "length:varint", "length:ascii:5", "netstring")));
        assertEquals(LengthField.littleEndian(4),
                ((LengthPrefixFramer) Framing.forMessages("length:u32le", 16, Framing.Side.SERVER)).lengthField());
    }
}

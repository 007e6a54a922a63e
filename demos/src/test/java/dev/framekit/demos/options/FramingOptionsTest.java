package dev.framekit.demos.options;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.FixedLengthFramer;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.SendAndCloseFramer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

class FramingOptionsTest {

    @Command(name = "test")
    static final class Holder {
        @Mixin
        FramingOptions framing;
    }

    /** Parses {@code args} the way every command does and returns the options. */
    private static FramingOptions parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.framing;
    }

    @Test
    void defaultsToALengthPrefixWithAOneMebibyteMaximum() {
        Framer framer = parse().framer();
        assertInstanceOf(LengthPrefixFramer.class, framer);
        assertEquals(1 << 20, framer.maxFrameLength());
    }

    @Test
    void buildsAFixedFramerWithTheFrameSizeAndPad() {
        Framer framer = parse("--framing", "fixed", "--frame-size", "32", "--pad", "#").framer();
        FixedLengthFramer fixed = assertInstanceOf(FixedLengthFramer.class, framer);
        assertEquals(32, fixed.frameSize());
        assertEquals('#', fixed.padByte());
    }

    @Test
    void buildsAFixedFramerWithDefaults256AndZeroPad() {
        FixedLengthFramer fixed = assertInstanceOf(FixedLengthFramer.class, parse("--framing", "fixed").framer());
        assertEquals(256, fixed.frameSize());
        assertEquals(0, fixed.padByte());
    }

    @Test
    void acceptsAnEscapedPadByte() {
        FixedLengthFramer fixed = assertInstanceOf(FixedLengthFramer.class,
                parse("--framing", "fixed", "--pad", "\\x23").framer());
        assertEquals('#', fixed.padByte());
        FixedLengthFramer high = assertInstanceOf(FixedLengthFramer.class,
                parse("--framing", "fixed", "--pad", "\\xff").framer());
        assertEquals((byte) 0xff, high.padByte());
    }

    @Test
    void buildsANewlineDelimiterFramerByDefault() {
        DelimiterFramer framer = assertInstanceOf(DelimiterFramer.class, parse("--framing", "delimiter").framer());
        assertArrayEquals(new byte[] {'\n'}, framer.delimiter());
        assertEquals(Framers.lines(), framer);
    }

    @Test
    void buildsAMultiByteDelimiterFramerWithTheMaximum() {
        DelimiterFramer framer = assertInstanceOf(DelimiterFramer.class,
                parse("--framing", "delimiter", "--delimiter", "#*#", "--max-frame", "64k").framer());
        assertArrayEquals(new byte[] {'#', '*', '#'}, framer.delimiter());
        assertEquals(64 << 10, framer.maxFrameLength());
    }

    @Test
    void buildsACrLfDelimiterFromEscapes() {
        DelimiterFramer framer = assertInstanceOf(DelimiterFramer.class,
                parse("--framing", "delimiter", "--delimiter", "\\r\\n").framer());
        assertArrayEquals(new byte[] {'\r', '\n'}, framer.delimiter());
    }

    @Test
    void buildsALengthPrefixedFramerWithTheMaximum() {
        Framer framer = parse("--framing", "length", "--max-frame", "1k").framer();
        assertInstanceOf(LengthPrefixFramer.class, framer);
        assertEquals(1024, framer.maxFrameLength());
    }

    @Test
    void buildsASendAndCloseFramer() {
        FramingOptions options = parse("--framing", "close", "--max-frame", "2m");
        Framer framer = options.framer();
        assertInstanceOf(SendAndCloseFramer.class, framer);
        assertTrue(options.framing().connectionPerExchange());
        assertEquals(2 << 20, framer.maxFrameLength());
    }

    @Test
    void readsTheFramingNameInAnyCase() {
        assertInstanceOf(SendAndCloseFramer.class, parse("--framing", "CLOSE").framer());
    }

    @Test
    void refusesAnUnknownFramingNamingTheChoices() {
        ParameterException e = assertThrows(ParameterException.class, () -> parse("--framing", "lines"));
        assertTrue(e.getMessage().contains("'lines' is not a framing; choose fixed, delimiter, length or close"),
                e.getMessage());
    }

    @Test
    void refusesAMaxFrameThatIsNotASize() {
        ParameterException e = assertThrows(ParameterException.class, () -> parse("--max-frame", "lots"));
        assertTrue(e.getMessage().contains("'lots' is not a size"), e.getMessage());
    }

    @Test
    void refusesAFrameSizeOverTheMaximum() {
        FramingOptions options = parse("--framing", "fixed", "--frame-size", "2048", "--max-frame", "1k");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options::framer);
        assertEquals("--frame-size 2048 is over --max-frame 1024", e.getMessage());
    }

    @Test
    void refusesAMultiBytePad() {
        FramingOptions options = parse("--framing", "fixed", "--pad", "##");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options::framer);
        assertTrue(e.getMessage().startsWith("--pad must be one byte, got '##' (2 bytes)"), e.getMessage());
    }

    @Test
    void refusesAPadThatIsOneCharacterButTwoUtf8Bytes() {
        FramingOptions options = parse("--framing", "fixed", "--pad", "é");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options::framer);
        assertTrue(e.getMessage().contains("(2 bytes)"), e.getMessage());
    }

    @Test
    void refusesAnEmptyPad() {
        FramingOptions options = parse("--framing", "fixed", "--pad", "");
        assertThrows(IllegalArgumentException.class, options::framer);
    }

    @Test
    void refusesAnEmptyDelimiter() {
        FramingOptions options = parse("--framing", "delimiter", "--delimiter", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options::framer);
        assertTrue(e.getMessage().contains("--delimiter must be at least one byte"), e.getMessage());
    }

    @Test
    void refusesABadEscapeInTheDelimiter() {
        FramingOptions options = parse("--framing", "delimiter", "--delimiter", "\\q");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options::framer);
        assertTrue(e.getMessage().contains("unknown escape \\q"), e.getMessage());
    }

    @Test
    void refusesAZeroFrameSize() {
        FramingOptions options = parse("--framing", "fixed", "--frame-size", "0");
        assertThrows(IllegalArgumentException.class, options::framer);
    }

    @Test
    void ignoresOptionsOfOtherFramings() {
        // A --pad that would be refused for fixed framing does not matter to length framing.
        assertInstanceOf(LengthPrefixFramer.class, parse("--pad", "##", "--frame-size", "9999999").framer());
    }

    @Test
    void writesTheOptionsBackAsReadyToPasteArguments() {
        assertEquals("--framing fixed --frame-size 32 --pad '#'",
                parse("--framing", "fixed", "--frame-size", "32", "--pad", "#").asArguments());
        assertEquals("--framing delimiter --delimiter '#*#'",
                parse("--framing", "delimiter", "--delimiter", "#*#").asArguments());
        assertEquals("--framing length --max-frame 64k", parse("--max-frame", "64k").asArguments());
        assertEquals("--framing close", parse("--framing", "close").asArguments());
        assertFalse(parse("--hexdump").asArguments().contains("hexdump"));
        assertTrue(parse("--hexdump").hexdump());
    }
}

package dev.framekit.demos.options;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.ChunkedFramer;
import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.FixedLengthFramer;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.websocket.WebSocketFramer;
import java.util.List;
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
    static FramingOptions parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.framing;
    }

    @Test
    void defaultsToALengthPrefixWithAOneMebibyteMaximum() {
        Framer framer = parse().framer(Framing.Side.SERVER);
        assertInstanceOf(LengthPrefixFramer.class, framer);
        assertEquals(1 << 20, framer.maxFrameLength());
    }

    @Test
    void buildsChunkedFramesWithTheMaxFrame() {
        Framer framer = parse("--framing", "chunked", "--max-frame", "64k").framer(Framing.Side.CLIENT);
        assertInstanceOf(ChunkedFramer.class, framer);
        assertEquals(64 * 1024, framer.maxFrameLength());
        assertInstanceOf(ChunkedFramer.class, parse("--framing", "chunked").framer(Framing.Side.SERVER));
    }

    @Test
    void buildsWebSocketFramesForTheSideAsked() {
        FramingOptions options = parse("--framing", "websocket", "--max-frame", "2m");
        WebSocketFramer client = assertInstanceOf(WebSocketFramer.class, options.framer(Framing.Side.CLIENT));
        WebSocketFramer server = assertInstanceOf(WebSocketFramer.class, options.framer(Framing.Side.SERVER));

        assertTrue(client.isClient(), "a client masks what it sends");
        assertFalse(server.isClient(), "a server does not, and refuses unmasked frames");
        assertEquals(2 << 20, client.maxFrameLength());
        assertEquals(2 << 20, server.maxMessageLength(), "--max-frame bounds a reassembled message too");
        assertFalse(((WebSocketFramer) Framing.WEBSOCKET.forMessages(16)).isClient(), "without a side, the server's end");
    }

    @Test
    void buildsAFixedFramerWithTheFrameSizeAndPad() {
        Framer framer = parse("--framing", "fixed", "--frame-size", "32", "--pad", "#").framer(Framing.Side.SERVER);
        FixedLengthFramer fixed = assertInstanceOf(FixedLengthFramer.class, framer);
        assertEquals(32, fixed.frameSize());
        assertEquals('#', fixed.padByte());
    }

    @Test
    void buildsAFixedFramerWithDefaults256AndZeroPad() {
        FixedLengthFramer fixed = assertInstanceOf(FixedLengthFramer.class, parse("--framing", "fixed").framer(Framing.Side.SERVER));
        assertEquals(256, fixed.frameSize());
        assertEquals(0, fixed.padByte());
    }

    @Test
    void acceptsAnEscapedPadByte() {
        FixedLengthFramer fixed = assertInstanceOf(FixedLengthFramer.class,
                parse("--framing", "fixed", "--pad", "\\x23").framer(Framing.Side.SERVER));
        assertEquals('#', fixed.padByte());
        FixedLengthFramer high = assertInstanceOf(FixedLengthFramer.class,
                parse("--framing", "fixed", "--pad", "\\xff").framer(Framing.Side.SERVER));
        assertEquals((byte) 0xff, high.padByte());
    }

    @Test
    void buildsANewlineDelimiterFramerByDefault() {
        DelimiterFramer framer = assertInstanceOf(DelimiterFramer.class, parse("--framing", "delimiter").framer(Framing.Side.SERVER));
        assertArrayEquals(new byte[] {'\n'}, framer.delimiter());
        assertEquals(Framers.lines(), framer);
    }

    @Test
    void buildsAMultiByteDelimiterFramerWithTheMaximum() {
        DelimiterFramer framer = assertInstanceOf(DelimiterFramer.class,
                parse("--framing", "delimiter", "--delimiter", "#*#", "--max-frame", "64k").framer(Framing.Side.SERVER));
        assertArrayEquals(new byte[] {'#', '*', '#'}, framer.delimiter());
        assertEquals(64 << 10, framer.maxFrameLength());
    }

    @Test
    void buildsACrLfDelimiterFromEscapes() {
        DelimiterFramer framer = assertInstanceOf(DelimiterFramer.class,
                parse("--framing", "delimiter", "--delimiter", "\\r\\n").framer(Framing.Side.SERVER));
        assertArrayEquals(new byte[] {'\r', '\n'}, framer.delimiter());
    }

    @Test
    void buildsALengthPrefixedFramerWithTheMaximum() {
        Framer framer = parse("--framing", "length", "--max-frame", "1k").framer(Framing.Side.SERVER);
        assertInstanceOf(LengthPrefixFramer.class, framer);
        assertEquals(1024, framer.maxFrameLength());
    }

    @Test
    void buildsASendAndCloseFramer() {
        FramingOptions options = parse("--framing", "close", "--max-frame", "2m");
        Framer framer = options.framer(Framing.Side.SERVER);
        assertEquals(Framers.sendAndClose(2 << 20), framer);
        assertTrue(options.framing().connectionPerExchange());
        assertEquals(2 << 20, framer.maxFrameLength());
    }

    @Test
    void readsTheFramingNameInAnyCase() {
        assertEquals(Framers.sendAndClose(), parse("--framing", "CLOSE").framer(Framing.Side.SERVER));
    }

    @Test
    void refusesAnUnknownFramingNamingTheChoices() {
        ParameterException e = assertThrows(ParameterException.class, () -> parse("--framing", "lines"));
        assertTrue(e.getMessage().contains("'lines' is not a framing; choose fixed, delimiter, length, mqtt, grpc, zmtp, resp, nats, syslog, stomp, netstring, chunked, websocket, cobs, slip, json, json-seq or close"),
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options.framer(Framing.Side.SERVER));
        assertEquals("--frame-size 2048 is over --max-frame 1024", e.getMessage());
    }

    @Test
    void refusesAMultiBytePad() {
        FramingOptions options = parse("--framing", "fixed", "--pad", "##");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options.framer(Framing.Side.SERVER));
        assertTrue(e.getMessage().startsWith("--pad must be one byte, got '##' (2 bytes)"), e.getMessage());
    }

    @Test
    void refusesAPadThatIsOneCharacterButTwoUtf8Bytes() {
        FramingOptions options = parse("--framing", "fixed", "--pad", "é");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options.framer(Framing.Side.SERVER));
        assertTrue(e.getMessage().contains("(2 bytes)"), e.getMessage());
    }

    @Test
    void refusesAnEmptyPad() {
        FramingOptions options = parse("--framing", "fixed", "--pad", "");
        assertThrows(IllegalArgumentException.class, () -> options.framer(Framing.Side.SERVER));
    }

    @Test
    void refusesAnEmptyDelimiter() {
        FramingOptions options = parse("--framing", "delimiter", "--delimiter", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options.framer(Framing.Side.SERVER));
        assertTrue(e.getMessage().contains("--delimiter must be at least one byte"), e.getMessage());
    }

    @Test
    void refusesABadEscapeInTheDelimiter() {
        FramingOptions options = parse("--framing", "delimiter", "--delimiter", "\\q");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options.framer(Framing.Side.SERVER));
        assertTrue(e.getMessage().contains("unknown escape \\q"), e.getMessage());
    }

    @Test
    void refusesAZeroFrameSize() {
        FramingOptions options = parse("--framing", "fixed", "--frame-size", "0");
        assertThrows(IllegalArgumentException.class, () -> options.framer(Framing.Side.SERVER));
    }

    @Test
    void ignoresOptionsOfOtherFramings() {
        // A --pad that would be refused for fixed framing does not matter to length framing.
        assertInstanceOf(LengthPrefixFramer.class, parse("--pad", "##", "--frame-size", "9999999").framer(Framing.Side.SERVER));
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

    @Test
    void theShortArgumentsLeaveOutEveryOptionThatEqualsItsDefault() {
        assertEquals("", parse().asShortArguments());
        assertEquals("", parse("--framing", "length", "--length-field", "u32").asShortArguments());
        assertEquals("--framing delimiter", parse("--framing", "delimiter", "--delimiter", "\\n").asShortArguments());
        assertEquals("--framing delimiter --delimiter '#*#'",
                parse("--framing", "delimiter", "--delimiter", "#*#").asShortArguments());
        assertEquals("--framing fixed --pad '#'", parse("--framing", "fixed", "--pad", "#").asShortArguments());
        assertEquals("--framing fixed --frame-size 2560", parse("--framing", "fixed", "--frame-size", "2560").asShortArguments());
        assertEquals("--max-frame 64k", parse("--max-frame", "64k").asShortArguments());
    }

    @Test
    void theLineOptionsBuildTheLibrarysLineFramer() {
        assertEquals(Framers.delimiters("\r\n", "\n"), parse("--framing", "delimiter", "--delimiter", "\\r\\n",
                "--also-delimiter", "\\n").framer(Framing.Side.SERVER));
        assertEquals(Framers.delimiters("\r\n", "\n", "#").keepDelimiter().lastFrameAtEndOfStream(),
                parse("--framing", "delimiter", "--delimiter", "\\r\\n", "--also-delimiter", "\\n", "--also-delimiter",
                        "#", "--keep-delimiter", "--last-frame-at-end").framer(Framing.Side.SERVER));
        assertEquals(Framers.lines().lastFrameAtEndOfStream().withMaxFrameLength(64),
                parse("--framing", "delimiter", "--last-frame-at-end", "--max-frame", "64").framer(Framing.Side.SERVER));
        assertEquals(Framers.delimiters("a b", "c").withMaxFrameLength(1 << 20), parse("--framing", "delimiter",
                "--delimiter", "a b", "--also-delimiter", "c").framer(Framing.Side.SERVER));
        assertEquals(Framers.delimiters("\n", " ").withMaxFrameLength(1 << 20), parse("--framing", "delimiter",
                "--also-delimiter", " ").framer(Framing.Side.SERVER), "a space is one delimiter, carried as \\x20");
    }

    @Test
    void theLineOptionsAreWrittenBackAndBelongToTheDelimiterFraming() {
        assertEquals("--framing delimiter --delimiter '\\r\\n' --also-delimiter '\\n' --keep-delimiter --last-frame-at-end",
                parse("--framing", "delimiter", "--delimiter", "\\r\\n", "--also-delimiter", "\\n", "--keep-delimiter",
                        "--last-frame-at-end").asArguments());
        assertEquals(List.of("--delimiter", "--also-delimiter", "--keep-delimiter", "--last-frame-at-end"),
                Framing.DELIMITER.ownOptions());
    }

    @Test
    void severalDelimitersMustEachBeUtf8TextAndNotEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--framing", "delimiter",
                "--delimiter", "\\xff", "--also-delimiter", "\\n").framer(Framing.Side.SERVER));
        assertEquals("--delimiter \"\\xff\" is not UTF-8 text; with --also-delimiter, each delimiter must be", e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> parse("--framing",
                "delimiter", "--also-delimiter", "").framer(Framing.Side.SERVER));
        assertEquals("--also-delimiter must be at least one byte", empty.getMessage());
    }

    @Test
    void theChecksumPolicyChoosesFailOrSkipAndNeedsCrc32c() {
        assertEquals(Framers.crc32c(Framers.lengthPrefixed()), parse("--crc32c").framer(Framing.Side.SERVER));
        FramingOptions skip = parse("--crc32c", "--on-bad-checksum", "skip");
        assertEquals(Framers.crc32cSkippingBadFrames(Framers.lengthPrefixed()), skip.framer(Framing.Side.SERVER));
        assertTrue(skip.skipsBadChecksums());
        assertEquals("--framing length --crc32c --on-bad-checksum skip", skip.asArguments());
        assertEquals("--crc32c --on-bad-checksum skip", skip.asShortArguments());
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                () -> parse("--on-bad-checksum", "skip").framer(Framing.Side.SERVER));
        assertEquals("--on-bad-checksum skip applies with --crc32c only; add --crc32c, or drop it", alone.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> parse("--crc32c", "--on-bad-checksum", "retry").framer(Framing.Side.SERVER));
        assertEquals("--on-bad-checksum: 'retry' is not a checksum policy; choose fail or skip", bad.getMessage());
    }
}

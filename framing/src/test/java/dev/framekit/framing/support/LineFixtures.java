package dev.framekit.framing.support;

import static dev.framekit.framing.support.FixtureBytes.allByteValuesExcept;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static dev.framekit.framing.support.FixtureBytes.random;
import static dev.framekit.framing.support.FramerFixture.LARGE;
import static dev.framekit.framing.support.FramerFixture.empty;
import static dev.framekit.framing.support.FramerFixture.everyByteValue;
import static dev.framekit.framing.support.FramerFixture.oneByte;

import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.TruncatedFrameException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@link FramerFixture}s of lines as people meet them: any one of several delimiters, and the
 * delimiter kept on the frame. (The last line taken at the end of the stream is tested on its own:
 * there a stream cut before its last delimiter is still a whole stream, which the kit forbids.)
 */
public final class LineFixtures {
    private static final long UNKNOWN = TruncatedFrameException.UNKNOWN;

    private LineFixtures() {}

    public static FramerFixture crlfOrLf() {
        Framer framer = Framers.delimiters("\r\n", "\n");
        Framer max10 = Framers.delimiters("\r\n", "\n").withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(payload, ascii("\r\n"));
        return new FramerFixture("delimiters \"\\r\\n\" or \"\\n\"", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValuesExcept('\n')), Payload.text("héllo ✓"),
                        Payload.of("\"a\\rb\" (a carriage return inside)", ascii("a\rb")),
                        Payload.of("\"x\\r\" (a carriage return at the end)", ascii("x\r")),
                        Payload.of(LARGE + " random bytes", random(11, LARGE, '\n'))),
                List.of(IllegalMessage.of("containing \\n", framer, ascii("a\nb"), "\"\\n\"", "offset 1"),
                        IllegalMessage.of("containing \\r\\n", framer, ascii("a\r\nb"), "\"\\r\\n\"", "offset 2"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("a line and a carriage return", framer, ascii("abc\r"), List.of(), 4, UNKNOWN),
                        WireInput.truncated("a line, then part of the next", framer, ascii("ab\ncd"), frames("ab"), 2,
                                UNKNOWN)),
                List.of(WireInput.complete("both endings mixed, the longest stripped", framer,
                                ascii("a\r\nb\nc\r\r\n\n"), frames("a", "b", "c\r", "")),
                        WireInput.complete("a line of exactly the maximum of 10", max10, ascii("0123456789\r\n"),
                                frames("0123456789")),
                        WireInput.tooLong("11 bytes before \\n", max10, ascii("0123456789A\n"), List.of(), 11, 10, 12),
                        WireInput.tooLong("a line, then endless bytes without a delimiter", max10,
                                ascii("ok\n0123456789ABCDEF"), frames("ok"), 11, 10, 3 + 12)));
    }

    public static FramerFixture keepingTheDelimiter() {
        Framer framer = Framers.delimiters("\r\n", "\n").keepDelimiter();
        Framer max10 = Framers.delimiters("\r\n", "\n").withMaxFrameLength(10).keepDelimiter();
        return new FramerFixture("delimiters \"\\r\\n\" or \"\\n\", kept", framer, UnaryOperator.identity(),
                List.of(Payload.text("hi\n"), Payload.text("hi\r\n"), Payload.text("\n"), Payload.text("x\r\r\n"),
                        Payload.text("héllo ✓\r\n"),
                        Payload.of(LARGE + " random bytes and \\n", concat(random(12, LARGE, '\n'), ascii("\n")))),
                List.of(IllegalMessage.of("without a delimiter at the end", framer, ascii("hi"), "must end with"),
                        IllegalMessage.of("the empty message", framer, new byte[0], "must end with"),
                        IllegalMessage.of("a delimiter before the end", framer, ascii("a\nb\n"), "offset 1"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world\n"), "11", "10")),
                List.of(WireInput.truncated("a line without its delimiter", framer, ascii("abc"), List.of(), 3, UNKNOWN)),
                List.of(WireInput.complete("a line of exactly the maximum of 10, and its CRLF", max10,
                                ascii("0123456789\r\n"), frames("0123456789\r\n")),
                        WireInput.tooLong("11 bytes before \\r\\n", max10, ascii("0123456789A\r\n"), List.of(), 11, 10, 12)));
    }
}

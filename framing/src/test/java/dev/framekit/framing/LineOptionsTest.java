package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.support.Feed;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines as people meet them: any one of several delimiters, the delimiter kept, and the last line
 * at the end of the stream without its delimiter (opt-in); each decoded whole, one byte per read
 * and split at every position.
 */
class LineOptionsTest {
    @Test
    void endsALineAtTheFirstDelimiterCompleteAndStripsTheLongestEndingThere() {
        DecodeOutcome outcome = Feed.sameEverySplit(Framers.delimiters("\r\n", "\n"), ascii("a\r\nb\nc\r\r\n\r\n"));

        assertTrue(outcome.hasFrames(frames("a", "b", "c\r", "")), outcome.toString());
        assertTrue(outcome.failure() == null, outcome.toString());
    }

    @Test
    void endsALineAtWhicheverOfSeveralDelimitersCompletesFirst() {
        DecodeOutcome outcome = Feed.sameEverySplit(Framers.delimiters(";", "#*#", "\n"), ascii("a;b#*#c\nd#*e;"));

        assertTrue(outcome.hasFrames(frames("a", "b", "c", "d#*e")), outcome.toString());
    }

    @Test
    void sendsTheFirstDelimiter() throws Exception {
        io.netty.buffer.ByteBuf out = io.netty.buffer.Unpooled.buffer();
        Framers.delimiters("\r\n", "\n").encode(ascii("hi"), out);

        assertEquals("hi\r\n", out.toString(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void refusesAMessageThatEndsInALongerDelimiterWithTheOneSent() {
        MessageRefusedException refusal = Framers.delimiters("\n", "\r\n").check(ascii("x\r"));

        assertTrue(refusal.getMessage().contains("it ends in another delimiter that the receiver would strip"),
                refusal.getMessage());
    }

    @Test
    void keepsTheDelimiterEachLineCameWith() {
        DecodeOutcome outcome = Feed.sameEverySplit(Framers.delimiters("\r\n", "\n").keepDelimiter(),
                ascii("a\r\nb\n\n"));

        assertTrue(outcome.hasFrames(frames("a\r\n", "b\n", "\n")), outcome.toString());
    }

    @Test
    void takesTheLastLineAtTheEndOfTheStreamOnlyWhenAsked() {
        byte[] wire = ascii("a\nlast");

        assertTrue(Feed.sameEverySplit(Framers.lines().lastFrameAtEndOfStream(), wire).hasFrames(frames("a", "last")));
        assertInstanceOf(TruncatedFrameException.class, Feed.sameEverySplit(Framers.lines(), wire).failure());
        assertTrue(Feed.sameEverySplit(Framers.lines().lastFrameAtEndOfStream(), ascii("a\nb\n")).hasFrames(frames("a", "b")),
                "a stream that ends with its delimiter has no extra empty line");
    }

    @Test
    void takesTheLastLineWithoutADelimiterWhenTheDelimiterIsKept() {
        DecodeOutcome outcome = Feed.sameEverySplit(Framers.lines().keepDelimiter().lastFrameAtEndOfStream(),
                ascii("a\nb"));

        assertTrue(outcome.hasFrames(frames("a\n", "b")), outcome.toString());
    }

    @Test
    void aLastLineOverTheMaximumIsTooLong() {
        FramingException e = Feed.sameEverySplit(Framers.delimiter("#*#").withMaxFrameLength(3).lastFrameAtEndOfStream(),
                ascii("ab#*#last")).failure();

        assertInstanceOf(FrameTooLongException.class, e);
        assertTrue(e.getMessage().startsWith("delimiter: the last line, 4 bytes without a delimiter at the end of the stream"),
                e.getMessage());
    }

    @Test
    void skipsAnOverLongLineAndReadsTheNext() throws Exception {
        Framer framer = Framers.delimiters("\r\n", "\n").withMaxFrameLength(4);
        List<String> events = ResyncFeed.sameEverySplit(framer, ascii("toolongline\r\nok\n"));

        assertEquals(3, events.size(), events::toString);
        assertTrue(events.get(0).startsWith("skipped: delimiter: no delimiter (\"\\r\\n\" or \"\\n\") within the first 6 bytes"),
                events.get(0));
        assertEquals(List.of("ok", "end"), events.subList(1, 3));
        try (FrameReader reader = new FrameReader(new ByteArrayInputStream(ascii("toolongline\nok\n")), framer)) {
            assertTrue(reader.read().isSkipped(), "the typed path reports it as an outcome");
            assertEquals("ok", reader.readString());
        }
    }

    @Test
    void doesNotCombineWithLenientLineEndingsAndIsAValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Framers.lines().lenientLineEndings().keepDelimiter());
        assertTrue(e.getMessage().contains("use Framers.delimiters(\"\\r\\n\", \"\\n\")"), e.getMessage());
        assertEquals(Framers.delimiters("\r\n", "\n").keepDelimiter(), Framers.delimiters("\r\n", "\n").keepDelimiter());
        assertEquals(Framers.delimiters("\r\n", "\n").hashCode(), Framers.delimiters("\r\n", "\n").hashCode());
        assertNotEquals(Framers.delimiters("\r\n", "\n"), Framers.delimiters("\n", "\r\n"));
        assertNotEquals(Framers.lines(), Framers.lines().lastFrameAtEndOfStream());
        assertEquals("delimiter(\"\\r\\n\" or \"\\n\", keeps the delimiter, last line at end, max 1048576 bytes)",
                Framers.delimiters("\r\n", "\n").keepDelimiter().lastFrameAtEndOfStream().toString());
    }
}

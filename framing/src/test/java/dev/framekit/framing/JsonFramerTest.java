package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static dev.framekit.framing.support.FixtureBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.JsonFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Concatenated JSON texts, found by structure: the cases Netty's {@code JsonObjectDecoder} got
 * wrong, as tests, each decoded whole, one byte per read and split at every position.
 */
class JsonFramerTest {
    private final Framer framer = Framers.json();

    private DecodeOutcome decode(String wire) {
        return Feed.sameEverySplit(framer, utf8(wire));
    }

    @Test
    void readsAnEscapedBackslashBeforeAClosingQuote() {
        assertTrue(decode("{\"a\":\"\\\\\"}{\"b\":1}").hasFrames(frames("{\"a\":\"\\\\\"}", "{\"b\":1}")));
    }

    @Test
    void readsAnEscapedQuoteAsPartOfTheString() {
        assertTrue(decode("{\"a\":\"\\\"}\"}[]").hasFrames(frames("{\"a\":\"\\\"}\"}", "[]")));
    }

    @Test
    void readsBracesAndBracketsInsideStringsAsText() {
        assertTrue(decode("{\"a\":\"}]{[\"}{\"b\":\"{\"}").hasFrames(frames("{\"a\":\"}]{[\"}", "{\"b\":\"{\"}")));
    }

    @Test
    void readsTopLevelArraysAndObjectsMixed() {
        assertTrue(decode("[1,{\"a\":[2]}][]{}").hasFrames(frames("[1,{\"a\":[2]}]", "[]", "{}")));
    }

    @Test
    void readsMultiByteUtf8SplitAtEveryByte() {
        assertTrue(decode("{\"é\":\"✓😀\"}[\"ü\"]").hasFrames(List.of(utf8("{\"é\":\"✓😀\"}"), utf8("[\"ü\"]"))));
    }

    @Test
    void skipsWhiteSpaceBetweenTextsAsPeersAndNdjsonWriteIt() {
        assertTrue(decode("{\"a\":1}\n{\"b\":2}\r\n\t [3]\n\n").hasFrames(frames("{\"a\":1}", "{\"b\":2}", "[3]")));
    }

    @Test
    void readsNestingUpToTheMaximumDepth() {
        assertTrue(decode(JsonFixtures.nested(128)).hasFrames(frames(JsonFixtures.nested(128))));
    }

    @Test
    void failsATextNestedDeeperThanTheMaximumWithOneClearLine() {
        FramingException e = decode(JsonFixtures.nested(129)).failure();

        assertEquals("json: not a JSON text: nesting deeper than the maximum of 128 levels (raise it with"
                + " Framers.json(maxFrameLength, maxDepth) or jsonSeq(...) if the peer is legitimate), at byte 129 of"
                + " the text (is the peer using another framing?): 5b 5b 5b 5b 5b 5b 5b 5b 5b 5b 5b 5b 5b 5b 5b 5b"
                + " … (+113 bytes) |[[[[[[[[[[[[[[[[|", e.getMessage());
    }

    @Test
    void failsAnEndlessTextOnceItPassesTheMaximum() {
        Framer small = Framers.json(64, 128);
        byte[] endless = concat(ascii("{\"a\":\""), ascii("x".repeat(1000)));

        FrameTooLongException e = assertInstanceOf(FrameTooLongException.class, Feed.sameEverySplit(small, endless).failure());

        assertEquals(64, e.maxFrameLength());
        assertTrue(e.getMessage().startsWith("json: a text runs on past the maximum of 64 bytes without closing"),
                e.getMessage());
    }

    @Test
    void failsMismatchedAndUnbalancedClosers() {
        assertEquals("json: not a JSON text: a closing 0x5d ']' where '}' closes what is open, at byte 7 of the text"
                + " (is the peer using another framing?): 7b 22 61 22 3a 31 5d |{\"a\":1]|",
                decode("{\"a\":1]").failure().getMessage());
        assertEquals("json: not a JSON text: a closing 0x7d '}' with nothing open, at byte 1 of the text"
                + " (is the peer using another framing?): 7d |}|", decode("{}}").failure().getMessage());
    }

    @Test
    void validatesItsLimitsAndIsAValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Framers.json(1024, 0));
        assertEquals("json: maxDepth must be between 1 and 65536 levels, got 0", e.getMessage());
        assertEquals(Framers.json(), Framers.json(1 << 20, 128));
        assertEquals(Framers.json().hashCode(), Framers.json(1 << 20, 128).hashCode());
        assertNotEquals(Framers.json(), Framers.json(1 << 20, 64));
        assertNotEquals(Framers.json(), Framers.jsonSeq());
        assertEquals("json(max 1048576 bytes, depth 128)", Framers.json().toString());
        assertEquals("json-seq(max 100 bytes, depth 4)", Framers.jsonSeq(100, 4).toString());
    }

    // ---- json-seq (RFC 7464) ----

    private final Framer seq = Framers.jsonSeq();

    @Test
    void readsASequenceOfTextsOfEveryKind() {
        byte[] wire = concat(bytes(0x1e), ascii("{\"a\":1}\n"), bytes(0x1e), ascii("42\n"), bytes(0x1e),
                ascii("\"s\"\n"), bytes(0x1e), ascii("{\n  \"pretty\": true\n}\n"));

        assertEquals(List.of("{\"a\":1}", "42", "\"s\"", "{\n  \"pretty\": true\n}", "end"),
                ResyncFeed.sameEverySplit(seq, wire));
    }

    @Test
    void reportsATextCutShortOnceAndReadsTheNext() {
        byte[] wire = concat(bytes(0x1e), ascii("{\"a\":"), bytes(0x1e), ascii("[1]\n"));

        assertEquals(List.of("skipped: json-seq: a text cut short by a record separator after 5 bytes, before its"
                + " line feed; skipped, reading goes on with the next text: 7b 22 61 22 3a |{\"a\":|", "[1]", "end"),
                ResyncFeed.sameEverySplit(seq, wire));
    }

    @Test
    void reportsBytesOutsideATextOnceAndReadsTheNext() {
        byte[] wire = concat(ascii("garbage"), bytes(0x1e), ascii("1\n"), ascii("junk"), bytes(0x1e), ascii("2\n"));

        List<String> events = ResyncFeed.sameEverySplit(seq, wire);

        assertEquals(List.of("skipped: json-seq: 0x67 'g' where a text must start with a record separator (0x1e);"
                + " the bytes up to the next one are skipped", "1", "skipped: json-seq: 0x6a 'j' where a text must"
                + " start with a record separator (0x1e); the bytes up to the next one are skipped", "2", "end"), events);
    }

    @Test
    void skipsATextTooDeepOrTooLongAndReadsTheNext() {
        Framer small = Framers.jsonSeq(16, 2);
        byte[] wire = concat(bytes(0x1e), ascii("[[[1]]]\n"), bytes(0x1e), ascii("\"" + "x".repeat(40) + "\"\n"),
                bytes(0x1e), ascii("[[1]]\n"));

        List<String> events = ResyncFeed.sameEverySplit(small, wire);

        assertEquals(4, events.size(), events::toString);
        assertTrue(events.get(0).startsWith("skipped: json-seq: not a JSON text: nesting deeper than the maximum of 2"),
                events.get(0));
        assertTrue(events.get(1).startsWith("skipped: json-seq: a text runs on past the maximum of 16 bytes"),
                events.get(1));
        assertEquals(List.of("[[1]]", "end"), events.subList(2, 4));
    }
}

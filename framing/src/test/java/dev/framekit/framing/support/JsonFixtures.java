package dev.framekit.framing.support;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static dev.framekit.framing.support.FixtureBytes.utf8;
import static dev.framekit.framing.support.FramerFixture.LARGE;

import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.TruncatedFrameException;
import java.util.List;

/**
 * The {@link FramerFixture}s of JSON streams: concatenated texts (each written as the text,
 * nothing around it) and RFC 7464 sequences (a record separator, the text, a line feed). The valid
 * messages include the cases Netty's {@code JsonObjectDecoder} once got wrong.
 */
public final class JsonFixtures {
    private static final long UNKNOWN = TruncatedFrameException.UNKNOWN;
    private static final byte RS = 0x1e;

    private JsonFixtures() {}

    /** {@code [[[ ... ]]]}, {@code depth} levels deep. */
    public static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** An object holding one string of {@code length} letters and digits, about that long in all. */
    public static String large(int length) {
        StringBuilder text = new StringBuilder("{\"big\":\"");
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.append("\",\"end\":[1,{\"}\":\"]\"}]}").toString();
    }

    /** The objects and arrays both framings carry: Netty's bug list and a few more. */
    private static List<Payload> structured() {
        return List.of(Payload.text("{}"), Payload.text("[]"), Payload.text("{\"a\":\"}\"}"),
                Payload.text("{\"a\":\"\\\"\"}"), Payload.text("{\"a\":\"\\\\\"}"),
                Payload.text("{\"a\":\"\\\\\\\"}\"}"), Payload.text("[\"]\",{\"b\":[1,2,{\"c\":\"{[\"}]}]"),
                Payload.text("{\"héllo\":\"✓ ünïcödé 😀\"}"), Payload.text("[{\"a\":1},{\"b\":2}]"),
                Payload.text("{ \"a\" :\n\t[ 1 , 2 ]\r\n}"), Payload.of("128 levels deep", ascii(nested(128))),
                Payload.of("a text of " + LARGE + " bytes", utf8(large(LARGE))));
    }

    public static FramerFixture json() {
        Framer framer = Framers.json();
        Framer max10 = Framers.json(10, 128);
        Framer depth3 = Framers.json(1000, 3);
        return new FramerFixture("json", framer, payload -> payload, structured(),
                List.of(IllegalMessage.of("the empty message", framer, new byte[0], "empty"),
                        IllegalMessage.of("a number, not an object or array", framer, ascii("42"), "'{' or '['"),
                        IllegalMessage.of("white space before the text", framer, ascii(" {}"), "white space"),
                        IllegalMessage.of("two texts", framer, ascii("{}[]"), "offset 2"),
                        IllegalMessage.of("white space after the text", framer, ascii("{} "), "offset 2"),
                        IllegalMessage.of("an unclosed object", framer, ascii("{\"a\":1"), "not complete"),
                        IllegalMessage.of("an unclosed string", framer, ascii("{\"a\":\"}"), "not complete"),
                        IllegalMessage.of("a mismatched closer", framer, ascii("{]"), "']'", "offset 1"),
                        IllegalMessage.of("129 levels, over the maximum of 128", framer, ascii(nested(129)), "128"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("{\"a\":\"xyz\"}"), "11", "10")),
                List.of(WireInput.truncated("half an object", framer, ascii("{\"a\":"), List.of(), 5, UNKNOWN),
                        WireInput.truncated("an object with its string open", framer, ascii("{\"a\":\"}]"), List.of(),
                                8, UNKNOWN),
                        WireInput.truncated("a text, then part of the next", framer, ascii("{}\n[1,"), frames("{}"),
                                3, UNKNOWN)),
                List.of(WireInput.complete("a text of exactly the maximum of 10", max10, ascii("{\"a\":\"xy\"}"),
                                frames("{\"a\":\"xy\"}")),
                        WireInput.complete("white space before, between and after texts, none between", framer,
                                ascii(" \r\n\t{}\n\n[1] {\"a\":[]}{}[]  \n"),
                                frames("{}", "[1]", "{\"a\":[]}", "{}", "[]")),
                        WireInput.complete("3 levels at a maximum depth of 3", depth3, ascii("[{\"a\":[]}]"),
                                frames("[{\"a\":[]}]")),
                        WireInput.tooLong("11 bytes of an unclosed object", max10, ascii("{\"a\":\"xyzzyxyzzy\"}"),
                                List.of(), 11, 10, 11),
                        WireInput.malformed("4 levels at a maximum depth of 3", depth3, ascii("[[[[]]]]"), List.of()),
                        WireInput.malformed("a mismatched closer", framer, ascii("{}{\"a\":[1}"), frames("{}")),
                        WireInput.malformed("a closer with nothing open", framer, ascii("[1]]"), frames("[1]")),
                        WireInput.malformed("a number at the top level", framer, ascii("{} 42"), frames("{}"))));
    }

    private static byte[] seq(String text) {
        return concat(bytes(RS), utf8(text), ascii("\n"));
    }

    public static FramerFixture jsonSeq() {
        Framer framer = Framers.jsonSeq();
        Framer max10 = Framers.jsonSeq(10, 128);
        List<Payload> valid = new java.util.ArrayList<>(structured());
        valid.addAll(List.of(Payload.text("42"), Payload.text("\"a } string\""), Payload.text("true"),
                Payload.text("null"), Payload.text("{\n  \"pretty\": [\n    1\n  ]\n}"),
                Payload.of("white space around a number", ascii("\n  7  "))));
        return new FramerFixture("json-seq", framer, payload -> concat(bytes(RS), payload, ascii("\n")), valid,
                List.of(IllegalMessage.of("the empty message", framer, new byte[0], "no value"),
                        IllegalMessage.of("only white space", framer, ascii(" \n"), "no value"),
                        IllegalMessage.of("a line feed after the value", framer, ascii("{}\n"), "line feed", "offset 2"),
                        IllegalMessage.of("a record separator inside", framer, concat(ascii("[1,"), bytes(RS), ascii("2]")),
                                "record separator", "offset 3"),
                        IllegalMessage.of("an unclosed array", framer, ascii("[1,2"), "not complete"),
                        IllegalMessage.of("two values", framer, ascii("{} {}"), "second value"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("\"xyzxyzxyz\""), "11", "10")),
                List.of(WireInput.truncated("a lone record separator", framer, bytes(RS), List.of(), 1, UNKNOWN),
                        WireInput.truncated("half a text", framer, concat(bytes(RS), ascii("{\"a\"")), List.of(), 5,
                                UNKNOWN),
                        WireInput.truncated("a number without its line feed", framer, concat(seq("1"), bytes(RS),
                                ascii("23")), frames("1"), 3, UNKNOWN)),
                List.of(WireInput.complete("a text of exactly the maximum of 10", max10, seq("\"xyzxyzxy\""),
                                frames("\"xyzxyzxy\"")),
                        WireInput.complete("empty texts between separators are skipped", framer,
                                concat(bytes(RS, RS), seq("1"), bytes(RS), ascii(" \n"), seq("2")), frames("1", "2")),
                        WireInput.tooLong("11 bytes without a line feed", max10,
                                concat(bytes(RS), ascii("\"xyzxyzxyzxyz\"")), List.of(), 11, 10, 12),
                        WireInput.malformed("a text cut short by a record separator", framer,
                                concat(seq("0"), bytes(RS), ascii("{\"a\""), seq("1")), frames("0")),
                        WireInput.malformed("bytes before the first record separator", framer,
                                concat(ascii("x"), seq("1")), List.of()),
                        WireInput.malformed("a mismatched closer", framer, seq("[1}"), List.of())));
    }
}

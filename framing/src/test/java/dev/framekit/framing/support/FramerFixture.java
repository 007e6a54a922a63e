package dev.framekit.framing.support;

import dev.framekit.framing.websocket.WebSocketFixtures;
import dev.framekit.framing.internal.FrameLimits;
import static dev.framekit.framing.support.FixtureBytes.allByteValues;
import static dev.framekit.framing.support.FixtureBytes.allByteValuesExcept;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static dev.framekit.framing.support.FixtureBytes.lengthHeader;
import static dev.framekit.framing.support.FixtureBytes.random;
import static dev.framekit.framing.support.FixtureBytes.repeat;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.TruncatedFrameException;
import dev.framekit.framing.websocket.WebSocketFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One framer under test and the inputs every framer's contract test feeds it: valid messages,
 * messages it must refuse, wire bytes that end inside a frame, and wire bytes around its maximum
 * frame length. {@code wireOf} is the wire format written out independently of the library (the
 * design's table), so the tests can build streams without trusting the encoder.
 */
public record FramerFixture(
        String name,
        Framer framer,
        UnaryOperator<byte[]> wireOf,
        List<Payload> validMessages,
        List<IllegalMessage> illegalMessages,
        List<WireInput> partialInputs,
        List<WireInput> limitInputs) {

    /** Large messages are a little over 100 KiB. */
    public static final int LARGE = 100 * 1024 + 7;

    private static final List<FramerFixture> ALL = List.of(
            fixedLengthPaddedWithHash(),
            fixedLengthPaddedWithZero(),
            newlineDelimited(),
            multiByteDelimited(),
            lenientLines(),
            LineFixtures.crlfOrLf(),
            LineFixtures.keepingTheDelimiter(),
            lengthPrefixed(),
            LengthFieldFixtures.u8(),
            LengthFieldFixtures.u16LittleEndianCountingTheHeader(),
            LengthFieldFixtures.u24(),
            LengthFieldFixtures.u64(),
            LengthFieldFixtures.u32LittleEndianSkippingOversized(),
            LengthFieldFixtures.varintField(),
            LengthFieldFixtures.ascii5(),
            HeaderFieldFixtures.lengthAtAnOffset(),
            HeaderFieldFixtures.mqtt(),
            HeaderFieldFixtures.grpc(),
            HeaderFieldFixtures.zmtp(),
            ControlLineFixtures.resp(),
            ControlLineFixtures.nats(),
            ControlLineFixtures.syslog(),
            ControlLineFixtures.stomp(),
            LengthFieldFixtures.netstrings(),
            sendAndClose(),
            WebSocketFixtures.serverToClient(),
            WebSocketFixtures.clientToServer(),
            chunked(),
            exactLength(),
            ResyncFixtures.cobsFixture(),
            ResyncFixtures.slipFixture(),
            ResyncFixtures.crc32cLengthPrefixed(),
            ResyncFixtures.crc32cSkippingInCobs(),
            JsonFixtures.json(),
            JsonFixtures.jsonSeq());

    public static List<FramerFixture> all() {
        return ALL;
    }

    /**
     * Whole streams of valid frames: the empty stream and every valid message back to back (for
     * send-and-close, whose connection carries one message, each valid message on its own).
     */
    public List<WireInput> validStreams() {
        List<WireInput> streams = new ArrayList<>();
        if (TestFramers.isSendAndClose(framer)) {
            for (Payload message : validMessages) {
                streams.add(WireInput.complete("only " + message, framer, wireOf.apply(message.bytes()),
                        List.of(message.bytes())));
            }
            return streams;
        }
        streams.add(WireInput.complete("empty stream", framer, new byte[0], List.of()));
        streams.add(backToBack("every valid message back to back", validMessages));
        List<Payload> small = validMessages.stream().filter(m -> m.bytes().length <= 1024).toList();
        if (small.size() < validMessages.size()) {
            streams.add(backToBack("the small valid messages back to back", small));
        }
        return streams;
    }

    /** Every wire input: valid streams, partial inputs and inputs around the maximum. */
    public List<WireInput> allInputs() {
        List<WireInput> inputs = new ArrayList<>(validStreams());
        inputs.addAll(partialInputs);
        inputs.addAll(limitInputs);
        return inputs;
    }

    @Override
    public String toString() {
        return name;
    }

    private WireInput backToBack(String description, List<Payload> messages) {
        List<byte[]> wires = new ArrayList<>();
        List<byte[]> frames = new ArrayList<>();
        for (Payload message : messages) {
            wires.add(wireOf.apply(message.bytes()));
            frames.add(message.bytes());
        }
        return WireInput.complete(description, framer, concat(wires.toArray(byte[][]::new)), frames);
    }

    // ---- the fixtures ----

    public static FramerFixture fixedLengthPaddedWithHash() {
        Framer framer = Framers.fixedLength(300).pad('#');
        UnaryOperator<byte[]> wireOf = payload -> concat(payload, repeat('#', 300 - payload.length));
        return new FramerFixture("fixed-length(300, pad '#')", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()),
                        Payload.text("a#b"), Payload.text("##a"), Payload.text("héllo ✓"),
                        Payload.of("300 bytes, filling the frame", repeat('x', 300))),
                List.of(IllegalMessage.of("301 bytes, one more than the frame holds", framer, repeat('x', 301),
                                "301", "300"),
                        IllegalMessage.of("ending with the pad byte", framer, ascii("ab#"), "pad", "0x23"),
                        IllegalMessage.of("only a pad byte", framer, ascii("#"), "pad", "0x23"),
                        IllegalMessage.of("300 bytes ending with the pad byte", framer,
                                concat(repeat('x', 299), ascii("#")), "pad")),
                List.of(WireInput.truncated("1 byte of a frame", framer, ascii("a"), List.of(), 1, 300),
                        WireInput.truncated("a frame, then half of the next", framer,
                                concat(wireOf.apply(ascii("a")), repeat('b', 150)), frames("a"), 150, 300),
                        WireInput.truncated("299 of 300 bytes", framer, repeat('c', 299), List.of(), 299, 300)),
                List.of()); // a fixed frame is never over its size
    }

    public static FramerFixture fixedLengthPaddedWithZero() {
        int size = 128 * 1024;
        Framer framer = Framers.fixedLength(size);
        UnaryOperator<byte[]> wireOf = payload -> concat(payload, new byte[size - payload.length]);
        return new FramerFixture("fixed-length(128 KiB, pad 0x00)", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()),
                        Payload.of("\"a\\0\\0b\" (pad bytes inside)", bytes('a', 0, 0, 'b')),
                        Payload.of("128 KiB of random bytes, filling the frame",
                                concat(random(1, size - 1), ascii("z")))),
                List.of(IllegalMessage.of("one byte more than the frame holds", framer, repeat('x', size + 1),
                                String.valueOf(size + 1), String.valueOf(size)),
                        IllegalMessage.of("ending with the pad byte", framer, bytes('a', 0), "pad", "0x00")),
                List.of(WireInput.truncated("all but the last byte of a frame", framer, repeat('c', size - 1),
                                List.of(), size - 1, size),
                        WireInput.truncated("a frame, then 1 byte of the next", framer,
                                concat(wireOf.apply(ascii("a")), ascii("b")), frames("a"), 1, size)),
                List.of());
    }

    public static FramerFixture newlineDelimited() {
        Framer framer = Framers.lines();
        Framer max10 = Framers.lines().withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(payload, ascii("\n"));
        long unknown = TruncatedFrameException.UNKNOWN;
        return new FramerFixture("delimiter \"\\n\"", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValuesExcept('\n')),
                        Payload.of("\"a\\rb\\r\" (carriage returns)", ascii("a\rb\r")), Payload.text("héllo ✓"),
                        Payload.of(LARGE + " random bytes", random(2, LARGE, '\n'))),
                List.of(IllegalMessage.of("containing the delimiter", framer, ascii("a\nb"), "offset 1"),
                        IllegalMessage.of("only the delimiter", framer, ascii("\n"), "offset 0"),
                        IllegalMessage.of("ending with the delimiter", framer, ascii("abc\n"), "offset 3"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("a frame without its delimiter", framer, ascii("abc"), List.of(), 3, unknown),
                        WireInput.truncated("a frame, then part of the next", framer, ascii("hello\nwor"),
                                frames("hello"), 3, unknown),
                        WireInput.truncated("a lone carriage return", framer, ascii("\r"), List.of(), 1, unknown)),
                List.of(WireInput.complete("a frame of exactly the maximum of 10", max10, ascii("0123456789\n"),
                                frames("0123456789")),
                        WireInput.truncated("10 bytes, no delimiter, then the end", max10, ascii("0123456789"),
                                List.of(), 10, unknown),
                        WireInput.tooLong("11 bytes before the delimiter", max10, ascii("0123456789A\n"), List.of(),
                                11, 10, 11),
                        WireInput.tooLong("a frame, then endless bytes without a delimiter", max10,
                                ascii("ok\n0123456789ABCDEF"), frames("ok"), 11, 10, 3 + 11)));
    }

    public static FramerFixture multiByteDelimited() {
        Framer framer = Framers.delimiter("#*#");
        Framer max10 = Framers.delimiter("#*#").withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(payload, ascii("#*#"));
        long unknown = TruncatedFrameException.UNKNOWN;
        return new FramerFixture("delimiter \"#*#\"", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()),
                        Payload.text("a#"), Payload.text("#"), Payload.text("*#"), Payload.text("##**##"),
                        Payload.text("#*a#*b"), Payload.text("héllo ✓"),
                        Payload.of(LARGE + " random bytes without '*'", random(3, LARGE, '*'))),
                List.of(IllegalMessage.of("containing the delimiter", framer, ascii("a#*#b"), "offset 1"),
                        IllegalMessage.of("only the delimiter", framer, ascii("#*#"), "offset 0"),
                        IllegalMessage.of("ending so that the delimiter comes early", framer, ascii("a#*"), "2 byte"),
                        IllegalMessage.of("the delimiter's first two bytes", framer, ascii("#*"), "2 byte"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("a frame and part of its delimiter", framer, ascii("abc#*"),
                                List.of(), 5, unknown),
                        WireInput.truncated("a frame, then part of the next", framer, ascii("x#*#y#"),
                                frames("x"), 2, unknown),
                        WireInput.truncated("the first byte of a delimiter", framer, ascii("#"), List.of(), 1, unknown)),
                List.of(WireInput.complete("a frame of exactly the maximum of 10", max10, ascii("aaaaaaaaaa#*#"),
                                frames("aaaaaaaaaa")),
                        WireInput.truncated("10 bytes and part of the delimiter, then the end", max10,
                                ascii("aaaaaaaaaa#*"), List.of(), 12, unknown),
                        WireInput.tooLong("11 bytes before the delimiter", max10, ascii("aaaaaaaaaaa#*#"), List.of(),
                                11, 10, 13),
                        WireInput.tooLong("a frame, then endless bytes without a delimiter", max10,
                                ascii("ok#*#0123456789ABCDEF"), frames("ok"), 11, 10, 5 + 13)));
    }

    public static FramerFixture lenientLines() {
        Framer framer = Framers.lines().lenientLineEndings();
        Framer max10 = Framers.lines().withMaxFrameLength(10).lenientLineEndings();
        UnaryOperator<byte[]> wireOf = payload -> concat(payload, ascii("\n"));
        long unknown = TruncatedFrameException.UNKNOWN;
        return new FramerFixture("delimiter \"\\n\" or \"\\r\\n\" (lenient)", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValuesExcept('\n')),
                        Payload.of("\"a\\rb\" (a carriage return inside)", ascii("a\rb")), Payload.text("héllo ✓"),
                        Payload.of(LARGE + " random bytes", random(2, LARGE, '\n', '\r'))),
                List.of(IllegalMessage.of("containing the delimiter", framer, ascii("a\nb"), "offset 1"),
                        IllegalMessage.of("ending with a carriage return", framer, ascii("ab\r"), "\\r"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.complete("CRLF and LF lines mixed", framer, ascii("ab\r\ncd\n\r\n"),
                                frames("ab", "cd", "")),
                        WireInput.complete("only the last CR before LF is stripped", framer, ascii("a\r\r\n"),
                                frames("a\r")),
                        WireInput.truncated("a line ending in CR, then the end", framer, ascii("abc\r"), List.of(),
                                4, unknown)),
                List.of(WireInput.complete("a CRLF line of exactly the maximum of 10", max10,
                                ascii("0123456789\r\n"), frames("0123456789")),
                        WireInput.tooLong("11 bytes before LF", max10, ascii("0123456789A\n"), List.of(), 11, 10, 12),
                        WireInput.tooLong("11 bytes before CRLF", max10, ascii("0123456789A\r\n"), List.of(),
                                11, 10, 12),
                        WireInput.tooLong("a line, then endless bytes without LF", max10,
                                ascii("ok\r\n0123456789ABCDEF"), frames("ok"), 11, 10, 4 + 12)));
    }

    public static FramerFixture lengthPrefixed() {
        Framer framer = Framers.lengthPrefixed();
        Framer max10 = Framers.lengthPrefixed().withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(lengthHeader(payload.length), payload);
        int defaultMax = FrameLimits.DEFAULT_MAX_FRAME_LENGTH;
        return new FramerFixture("length-prefix", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()),
                        Payload.of("bytes that look like a header", bytes(0, 0, 0, 5)), Payload.text("héllo ✓"),
                        Payload.of(LARGE + " random bytes", random(4, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10"),
                        IllegalMessage.of("over the default maximum of 1 MiB", framer, repeat('x', defaultMax + 1),
                                "1048577", "1048576")),
                List.of(WireInput.truncated("half a header", framer, bytes(0, 0), List.of(), 2, 4),
                        WireInput.truncated("a frame, then 3 header bytes", framer,
                                concat(wireOf.apply(ascii("hi")), bytes(0, 0, 0)), frames("hi"), 3, 4),
                        WireInput.truncated("a header and 2 of 5 body bytes", framer, bytes(0, 0, 0, 5, 'h', 'e'),
                                List.of(), 6, 9),
                        WireInput.truncated("a header without its body", framer, bytes(0, 0, 0, 3), List.of(), 4, 7),
                        WireInput.truncated("100 bytes of a 64 KiB body", framer,
                                concat(bytes(0, 1, 0, 0), repeat('b', 100)), List.of(), 104, 65540)),
                List.of(WireInput.complete("a frame of exactly the maximum of 10", max10,
                                concat(bytes(0, 0, 0, 10), ascii("0123456789")), frames("0123456789")),
                        WireInput.tooLong("a header declaring 11 bytes", max10,
                                concat(bytes(0, 0, 0, 11), ascii("0123456789A")), List.of(), 11, 10, 4),
                        WireInput.tooLong("a header of ff ff ff ff", max10, bytes(0xff, 0xff, 0xff, 0xff), List.of(),
                                0xffffffffL, 10, 4),
                        WireInput.tooLong("a header of ff ff ff ff, default maximum", framer,
                                bytes(0xff, 0xff, 0xff, 0xff), List.of(), 0xffffffffL, defaultMax, 4),
                        WireInput.tooLong("a frame, then a header of 80 00 00 00", max10,
                                concat(bytes(0, 0, 0, 2, 'h', 'i'), bytes(0x80, 0, 0, 0)), frames("hi"),
                                0x80000000L, 10, 6 + 4)));
    }

    public static FramerFixture sendAndClose() {
        Framer framer = Framers.sendAndClose();
        Framer max10 = Framers.sendAndClose(10);
        return new FramerFixture("send-and-close", framer, UnaryOperator.identity(),
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("héllo ✓"),
                        Payload.of(LARGE + " random bytes", random(5, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(), // every prefix of the stream is a whole message once the stream ends
                List.of(WireInput.complete("a message of exactly the maximum of 10", max10, ascii("0123456789"),
                                frames("0123456789")),
                        WireInput.tooLong("11 bytes", max10, ascii("0123456789A"), List.of(), 11, 10, 11),
                        WireInput.tooLong("endless bytes", max10, repeat('x', 1000), List.of(), 11, 10, 11)));
    }

    public static FramerFixture chunked() {
        Framer framer = Framers.chunked();
        Framer max10 = Framers.chunked().withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(ascii(Integer.toHexString(payload.length) + "\r\n"), payload,
                ascii("\r\n"));
        long unknown = TruncatedFrameException.UNKNOWN;
        String malformed = "FramingException";
        return new FramerFixture("chunked", framer, wireOf,
                List.of(oneByte(), everyByteValue(allByteValues()), Payload.text("héllo ✓"),
                        Payload.of("bytes that look like the last chunk", ascii("0\r\n\r\n")),
                        Payload.of(LARGE + " random bytes", random(6, LARGE))),
                List.of(IllegalMessage.of("the empty message, which would be the last chunk", framer, new byte[0],
                                "last chunk"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("half a size line", framer, ascii("5\r"), List.of(), 2, unknown),
                        WireInput.truncated("a size line and 2 of 5 bytes", framer, ascii("5\r\nhe"), List.of(), 5, 10),
                        WireInput.truncated("a chunk without its CRLF", framer, ascii("2\r\nhi"), List.of(), 5, 7),
                        WireInput.truncated("a chunk, then a size", framer, ascii("2\r\nhi\r\n3"), frames("hi"), 1,
                                unknown),
                        WireInput.truncated("the last chunk without its final CRLF", framer, ascii("0\r\n"), List.of(),
                                3, unknown),
                        WireInput.truncated("the end before the last chunk, when it is required",
                                Framers.chunked().lastChunkRequired(), ascii("2\r\nhi\r\n"), frames("hi"), 0,
                                unknown)),
                List.of(WireInput.complete("a chunk of exactly the maximum of 10", max10, ascii("a\r\n0123456789\r\n"),
                                frames("0123456789")),
                        WireInput.complete("chunks, the last chunk and a trailer, then the next request", framer,
                                ascii("2\r\nhi\r\n3;name=v\r\nyo!\r\n0\r\nX-Sum: 5\r\n\r\nGET / HTTP/1.1"),
                                frames("hi", "yo!")),
                        WireInput.complete("upper-case hex and leading zeros", framer, ascii("000A\r\n0123456789\r\n0\r\n\r\n"),
                                frames("0123456789")),
                        WireInput.tooLong("a size of 11 over a maximum of 10", max10, ascii("b\r\n0123456789A\r\n"),
                                List.of(), 11, 10, 2),
                        WireInput.tooLong("a size of ffffffff", framer, ascii("ffffffff\r\n"), List.of(), 0xffffffffL,
                                FrameLimits.DEFAULT_MAX_FRAME_LENGTH, 9),
                        new WireInput("a size of 17 hex digits (over 64 bits)", framer,
                                ascii("FFFFFFFFFFFFFFFFF\r\n"), List.of(), malformed, -1),
                        new WireInput("a size that is not hex", framer, ascii("zz\r\n"), List.of(), malformed, -1),
                        new WireInput("a bare LF after the size", framer, ascii("5\nhello\r\n"), List.of(), malformed, -1),
                        new WireInput("chunk data not followed by CRLF", framer, ascii("2\r\nhiXY"), List.of(),
                                malformed, -1),
                        new WireInput("a size line over 1 KiB", framer,
                                concat(ascii("1;"), repeat('x', 2000), ascii("\r\n")), List.of(), malformed, -1)));
    }

    public static FramerFixture exactLength() {
        Framer framer = Framers.exactly(5);
        return new FramerFixture("exact-length(5)", framer, UnaryOperator.identity(),
                List.of(Payload.text("hello"), Payload.of("five zero bytes", new byte[5]),
                        Payload.of("bytes that end an HTTP head", ascii("\r\n\r\n\0"))),
                List.of(IllegalMessage.of("the empty message", framer, new byte[0], "0", "5"),
                        IllegalMessage.of("one byte short", framer, ascii("hell"), "4", "5"),
                        IllegalMessage.of("one byte more", framer, ascii("hello!"), "6", "5")),
                List.of(WireInput.truncated("3 of 5 bytes", framer, ascii("hel"), List.of(), 3, 5),
                        WireInput.truncated("a frame, then 1 byte of the next", framer, ascii("hellow"),
                                frames("hello"), 1, 5)),
                List.of());
    }

    public static Payload empty() {
        return Payload.of("empty", new byte[0]);
    }

    public static Payload oneByte() {
        return Payload.of("1 byte", ascii("a"));
    }

    public static Payload everyByteValue(byte[] values) {
        return Payload.of("every byte value it can carry (" + values.length + ")", values);
    }
}

package dev.framekit.framing.support;

import static dev.framekit.framing.support.FixtureBytes.allByteValues;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static dev.framekit.framing.support.FixtureBytes.random;
import static dev.framekit.framing.support.FixtureBytes.repeat;
import static dev.framekit.framing.support.FramerFixture.LARGE;
import static dev.framekit.framing.support.FramerFixture.empty;
import static dev.framekit.framing.support.FramerFixture.everyByteValue;
import static dev.framekit.framing.support.FramerFixture.oneByte;

import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.TruncatedFrameException;
import dev.framekit.framing.internal.FrameLimits;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@link FramerFixture}s of the control-line family: Redis's RESP, the NATS client protocol
 * and syslog's octet counting (RFC 6587), each wire format written out here from its
 * specification. A plain message is a RESP bulk string ({@code $N}), a NATS {@code PUB framekit N},
 * a syslog {@code N SP message}.
 */
public final class ControlLineFixtures {
    private static final long UNKNOWN = TruncatedFrameException.UNKNOWN;
    private static final int DEFAULT_MAX = FrameLimits.DEFAULT_MAX_FRAME_LENGTH;

    private ControlLineFixtures() {}

    /** A RESP bulk string: {@code $N CRLF bytes CRLF}. */
    public static FramerFixture resp() {
        Framer framer = Framers.resp();
        Framer max10 = Framers.resp(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(ascii("$" + payload.length + "\r\n"), payload, ascii("\r\n"));
        return new FramerFixture("resp", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("a\r\nb\r\n"),
                        Payload.text("$5\r\nhello\r\n"), Payload.of(LARGE + " random bytes", random(31, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("half a line", framer, ascii("$5\r"), List.of(), 3, UNKNOWN),
                        WireInput.truncated("a line and 2 of 5 body bytes", framer, ascii("$5\r\nhe"), List.of(), 6, 11),
                        WireInput.truncated("a body without its CR LF", framer, ascii("$2\r\nhi"), List.of(), 6, 8)),
                List.of(WireInput.complete("every kind of line-only element, and a null", framer,
                                ascii("+OK\r\n-ERR no\r\n:42\r\n*2\r\n$-1\r\n_\r\n$0\r\n\r\n"), frames("", "", "", "", "", "", "")),
                        WireInput.complete("a RESP3 verbatim string", framer, ascii("=9\r\ntxt:hello\r\n"), frames("txt:hello")),
                        WireInput.tooLong("a line declaring 11", max10, ascii("$11\r\n0123456789A\r\n"), List.of(), 11, 10, 5),
                        WireInput.tooLong("a line declaring 10^17, 18 digits", framer, ascii("$100000000000000000\r\n"),
                                List.of(), 100_000_000_000_000_000L, DEFAULT_MAX, 21),
                        WireInput.malformed("a count of 30 digits", framer, ascii("$" + "1".repeat(30) + "\r\n"), List.of()),
                        WireInput.malformed("a count that is not a number", framer, ascii("$x\r\n"), List.of()),
                        WireInput.malformed("a body not followed by CR LF", framer, ascii("$2\r\nhiXX"), List.of()),
                        WireInput.malformed("a line ended by LF alone", framer, ascii("+OK\n"), List.of()),
                        WireInput.malformed("no RESP type byte", framer, ascii("hello\r\n"), List.of()),
                        WireInput.malformed("no line end within 4 KiB", framer, repeat('+', 5000), List.of())));
    }

    /** NATS: {@code PUB subject N CRLF bytes CRLF}, and the operations without a body. */
    public static FramerFixture nats() {
        Framer framer = Framers.nats();
        Framer max10 = Framers.nats(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(ascii("PUB framekit " + payload.length + "\r\n"), payload,
                ascii("\r\n"));
        return new FramerFixture("nats", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("a\r\nb\r\n"),
                        Payload.of(LARGE + " random bytes", random(32, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("half a line", framer, ascii("MSG a 1 5"), List.of(), 9, UNKNOWN),
                        WireInput.truncated("a line and 2 of 5 body bytes", framer, ascii("MSG a 1 5\r\nhe"), List.of(),
                                13, 18)),
                List.of(WireInput.complete("INFO, PING, +OK, a MSG with a reply subject, an HMSG", framer,
                                ascii("INFO {\"max_payload\":1048576}\r\nPING\r\n+OK\r\nMSG a.b 7 inbox.1 2\r\nhi\r\n"
                                        + "HMSG a 1 12 14\r\nNATS/1.0\r\n\r\nhi\r\n"),
                                frames("", "", "", "hi", "NATS/1.0\r\n\r\nhi")),
                        WireInput.tooLong("a MSG declaring 11", max10, ascii("MSG a 1 11\r\n0123456789A\r\n"), List.of(),
                                11, 10, 12),
                        WireInput.malformed("a MSG without its count", framer, ascii("MSG a\r\n"), List.of()),
                        WireInput.malformed("a count of 30 digits", framer, ascii("PUB a " + "9".repeat(30) + "\r\n"),
                                List.of()),
                        WireInput.malformed("more header bytes than total bytes", framer, ascii("HMSG a 1 9 5\r\n"),
                                List.of()),
                        WireInput.malformed("not a NATS operation", framer, ascii("GET / HTTP/1.1\r\n"), List.of())));
    }

    /** Syslog octet counting: {@code N SP message}, N with a nonzero digit first. */
    public static FramerFixture syslog() {
        Framer framer = Framers.syslog();
        Framer max10 = Framers.syslog(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(ascii(payload.length + " "), payload);
        return new FramerFixture("syslog octet counting", framer, wireOf,
                List.of(oneByte(), everyByteValue(allByteValues()), Payload.text("<34>1 2026-12-07T06:00:00Z host app - - - hi\n"),
                        Payload.of(LARGE + " random bytes", random(33, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10"),
                        IllegalMessage.of("the empty message", framer, new byte[0], "empty")),
                List.of(WireInput.truncated("a count alone", framer, ascii("5"), List.of(), 1, UNKNOWN),
                        WireInput.truncated("a count and 2 of 5 bytes", framer, ascii("5 he"), List.of(), 4, 7)),
                List.of(WireInput.tooLong("a count of 11", max10, ascii("11 0123456789A"), List.of(), 11, 10, 3),
                        WireInput.malformed("a count starting with 0", framer, ascii("05 hello"), List.of()),
                        WireInput.malformed("a letter in the count", framer, ascii("5x hello"), List.of()),
                        WireInput.malformed("a count of 30 digits", framer, ascii("1".repeat(30) + " "), List.of())));
    }

    /** STOMP 1.2: a head ended by a blank line, a body counted by content-length or ended by NUL, a NUL. */
    public static FramerFixture stomp() {
        Framer framer = Framers.stomp();
        Framer max10 = Framers.stomp(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(ascii("SEND\ndestination:/queue/framekit\ncontent-length:"
                + payload.length + "\n\n"), payload, new byte[1]);
        byte[] head11 = ascii("SEND\ncontent-length:11\n\n");
        return new FramerFixture("stomp", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("a\r\n\n\0b"),
                        Payload.of(LARGE + " random bytes", random(34, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("half a head", framer, ascii("SEND\ndest"), List.of(), 9, UNKNOWN),
                        WireInput.truncated("a head and 2 of 5 body bytes", framer, ascii("SEND\ncontent-length:5\n\nhe"),
                                List.of(), 25, 29),
                        WireInput.truncated("a body without content-length or NUL", framer, ascii("SEND\n\nhello"),
                                List.of(), 11, UNKNOWN)),
                List.of(WireInput.complete("heart-beats, CR LF lines, a body ended by its NUL, an empty CONNECTED",
                                framer, ascii("\n\r\nMESSAGE\r\nsubscription:0\r\n\r\nhi\0\nCONNECTED\nversion:1.2\n\n\0\n"),
                                frames("hi", "")),
                        WireInput.tooLong("content-length 11", max10, concat(head11, ascii("0123456789A"), new byte[1]),
                                List.of(), 11, 10, head11.length),
                        WireInput.tooLong("no NUL within 11 body bytes", max10, ascii("SEND\n\n0123456789A"), List.of(),
                                11, 10, 17),
                        WireInput.malformed("content-length that is not a number", framer,
                                ascii("SEND\ncontent-length:5x\n\nhello\0"), List.of()),
                        WireInput.malformed("a counted body not followed by NUL", framer,
                                ascii("SEND\ncontent-length:2\n\nhiX"), List.of()),
                        WireInput.malformed("a NUL in the head", framer, ascii("SE\0ND\n\n"), List.of()),
                        WireInput.malformed("no blank line within 8 KiB", framer, repeat('x', 9000), List.of())));
    }
}

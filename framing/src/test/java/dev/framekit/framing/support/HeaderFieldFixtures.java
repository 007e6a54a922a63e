package dev.framekit.framing.support;

import static dev.framekit.framing.support.FixtureBytes.allByteValues;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bigEndian;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static dev.framekit.framing.support.FixtureBytes.random;
import static dev.framekit.framing.support.FixtureBytes.repeat;
import static dev.framekit.framing.support.FixtureBytes.varint;
import static dev.framekit.framing.support.FramerFixture.LARGE;
import static dev.framekit.framing.support.FramerFixture.empty;
import static dev.framekit.framing.support.FramerFixture.everyByteValue;
import static dev.framekit.framing.support.FramerFixture.oneByte;

import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.TruncatedFrameException;
import dev.framekit.framing.internal.FrameLimits;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@link FramerFixture}s of framings whose header carries more than the length: a length
 * field at an offset, MQTT's fixed header, gRPC's Length-Prefixed-Message and ZMTP frames, each
 * wire format written out here from its specification, never by the library. A message written
 * without header fields carries the framing's default ones (zeros; {@code 30}, PUBLISH, for MQTT).
 */
public final class HeaderFieldFixtures {
    private static final long UNKNOWN = TruncatedFrameException.UNKNOWN;
    private static final int DEFAULT_MAX = FrameLimits.DEFAULT_MAX_FRAME_LENGTH;

    private HeaderFieldFixtures() {}

    /** Two header bytes, then a u16 that counts the whole 4-byte header (Netty's offset 2, adjustment -4). */
    public static FramerFixture lengthAtAnOffset() {
        LengthPrefixFramer framer = LengthPrefixFramer.builder().lengthFieldOffset(2)
                .lengthField(LengthField.bigEndian(2)).lengthIncludesHeader().build();
        Framer max10 = framer.withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(bytes(0, 0), bigEndian(payload.length + 4, 2), payload);
        return new FramerFixture("length-prefix u16 at offset 2, counting the header", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("héllo ✓"),
                        Payload.of("65531 random bytes, the field's capacity less the header", random(21, 65531))),
                List.of(IllegalMessage.of("65532 bytes, one more than the field counts", framer, repeat('x', 65532),
                                "65532", "65531"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("1 of 4 header bytes", framer, bytes(7), List.of(), 1, 4),
                        WireInput.truncated("the header fields alone", framer, bytes(7, 8), List.of(), 2, 4),
                        WireInput.truncated("a header and 2 of 5 body bytes", framer, bytes(7, 8, 0, 9, 'h', 'e'),
                                List.of(), 6, 9)),
                List.of(WireInput.complete("header fields of every kind, then a frame", framer,
                                bytes(0xff, 0x30, 0, 6, 'h', 'i'), frames("hi")),
                        WireInput.tooLong("a header declaring 11 payload bytes", max10,
                                concat(bytes(1, 2, 0, 15), ascii("0123456789A")), List.of(), 11, 10, 4),
                        WireInput.malformed("a length of 3, less than the 4-byte header it counts", framer,
                                bytes(1, 2, 0, 3, 'x'), List.of())));
    }

    /** MQTT's fixed header: type+flags, then the Remaining Length as a Variable Byte Integer. */
    public static FramerFixture mqtt() {
        LengthPrefixFramer framer = Framers.mqtt();
        Framer max10 = framer.withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(bytes(0x30), varint(payload.length), payload);
        return new FramerFixture("mqtt", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("héllo ✓"),
                        Payload.of("127 bytes, the most a 1-byte length says", random(22, 127)),
                        Payload.of("128 bytes, the fewest a 2-byte length says", random(23, 128)),
                        Payload.of("16384 bytes, a 3-byte length", random(24, 16384)),
                        Payload.of(LARGE + " random bytes", random(25, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("a type byte alone", framer, bytes(0x30), List.of(), 1, UNKNOWN),
                        WireInput.truncated("a type byte and 2 of 3 length bytes", framer, bytes(0x30, 0x80, 0x80),
                                List.of(), 3, UNKNOWN),
                        WireInput.truncated("a header and 2 of 5 body bytes", framer, bytes(0x30, 5, 'h', 'e'),
                                List.of(), 4, 7)),
                List.of(WireInput.complete("CONNACK, SUBSCRIBE, PINGRESP", framer,
                                bytes(0x20, 2, 0, 0, 0x82, 1, 'x', 0xd0, 0), frames("\0\0", "x", "")),
                        WireInput.complete("268,435,455, the largest remaining length, on a framer that allows it",
                                Framers.mqtt().withMaxFrameLength(268_435_455), bytes(0xe0, 0), frames("")),
                        WireInput.tooLong("a header declaring 11", max10, concat(bytes(0x30, 11), ascii("0123456789A")),
                                List.of(), 11, 10, 2),
                        WireInput.tooLong("ff ff ff 7f: 268,435,455", framer, bytes(0x30, 0xff, 0xff, 0xff, 0x7f),
                                List.of(), 268_435_455, DEFAULT_MAX, 5),
                        WireInput.malformed("a fifth length byte", framer, bytes(0x30, 0xff, 0xff, 0xff, 0xff, 0x01),
                                List.of()),
                        WireInput.malformed("a non-minimal length, 85 00 for 5", framer, bytes(0x30, 0x85, 0x00),
                                List.of()),
                        WireInput.malformed("packet type 0, reserved", framer, bytes(0x00, 0x00), List.of()),
                        WireInput.malformed("SUBSCRIBE without its flags 2", framer, bytes(0x80, 0x00), List.of()),
                        WireInput.malformed("PUBLISH at QoS 3", framer, bytes(0x36, 0x00), List.of())));
    }

    /** gRPC's Length-Prefixed-Message: a Compressed-Flag of 0 or 1, then a 4-byte big-endian length. */
    public static FramerFixture grpc() {
        LengthPrefixFramer framer = Framers.grpc();
        Framer max10 = framer.withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(bytes(0), bigEndian(payload.length, 4), payload);
        return new FramerFixture("grpc", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("héllo ✓"),
                        Payload.of(LARGE + " random bytes", random(26, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("the flag and 2 of 4 length bytes", framer, bytes(0, 0, 0), List.of(), 3, 5),
                        WireInput.truncated("a header and 2 of 5 body bytes", framer, bytes(1, 0, 0, 0, 5, 'h', 'e'),
                                List.of(), 7, 10)),
                List.of(WireInput.complete("a compressed message", framer, bytes(1, 0, 0, 0, 2, 'h', 'i'), frames("hi")),
                        WireInput.tooLong("a header declaring 11", max10,
                                concat(bytes(0, 0, 0, 0, 11), ascii("0123456789A")), List.of(), 11, 10, 5),
                        WireInput.tooLong("a length of ff ff ff ff", framer, bytes(0, 0xff, 0xff, 0xff, 0xff), List.of(),
                                0xffffffffL, DEFAULT_MAX, 5),
                        WireInput.malformed("a Compressed-Flag of 2", framer, bytes(2, 0, 0, 0, 0), List.of()),
                        WireInput.malformed("a frame, then \"GET \"", framer,
                                concat(bytes(0, 0, 0, 0, 1, 'a'), ascii("GET / HTTP/1.1")), frames("a"))));
    }

    /** ZMTP 3.x frames: flags, a 1-byte size, or an 8-byte size under LONG. */
    public static FramerFixture zmtp() {
        Framer framer = Framers.zmtp();
        Framer max10 = Framers.zmtp(10);
        UnaryOperator<byte[]> wireOf = payload -> payload.length > 255
                ? concat(bytes(0x02), bigEndian(payload.length, 8), payload)
                : concat(bytes(0x00), bytes(payload.length), payload);
        return new FramerFixture("zmtp", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("héllo ✓"),
                        Payload.of("255 bytes, the most a short frame holds", random(27, 255)),
                        Payload.of(LARGE + " random bytes", random(28, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("the flags alone", framer, bytes(0), List.of(), 1, 2),
                        WireInput.truncated("LONG flags and 3 of 8 size bytes", framer, bytes(2, 0, 0, 0), List.of(), 4, 9),
                        WireInput.truncated("a header and 2 of 5 body bytes", framer, bytes(0, 5, 'h', 'e'), List.of(), 4, 7)),
                List.of(WireInput.complete("MORE, a long size of 2, a READY command", framer,
                                concat(bytes(1, 1, 'a', 3), bigEndian(2, 8), ascii("bc"), bytes(4, 6), ascii("\5READY")),
                                frames("a", "bc", "\5READY")),
                        WireInput.tooLong("a size of 11", max10, concat(bytes(0, 11), ascii("0123456789A")), List.of(),
                                11, 10, 2),
                        WireInput.tooLong("a long size of 2^63, read unsigned", framer, concat(bytes(2), bigEndian(1L << 63, 8)),
                                List.of(), Long.MAX_VALUE, DEFAULT_MAX, 9),
                        WireInput.malformed("a reserved flag bit", framer, bytes(0x08, 0), List.of()),
                        WireInput.malformed("a command with MORE", framer, bytes(0x05, 0), List.of())));
    }
}

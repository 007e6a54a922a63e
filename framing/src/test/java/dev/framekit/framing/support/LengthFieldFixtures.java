package dev.framekit.framing.support;

import dev.framekit.framing.internal.FrameLimits;
import static dev.framekit.framing.support.FixtureBytes.allByteValues;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bigEndian;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static dev.framekit.framing.support.FixtureBytes.littleEndian;
import static dev.framekit.framing.support.FixtureBytes.netstring;
import static dev.framekit.framing.support.FixtureBytes.random;
import static dev.framekit.framing.support.FixtureBytes.repeat;
import static dev.framekit.framing.support.FixtureBytes.varint;
import static dev.framekit.framing.support.FixtureBytes.zfill;
import static dev.framekit.framing.support.FramerFixture.LARGE;
import static dev.framekit.framing.support.FramerFixture.empty;
import static dev.framekit.framing.support.FramerFixture.everyByteValue;
import static dev.framekit.framing.support.FramerFixture.oneByte;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.OversizePolicy;
import dev.framekit.framing.TruncatedFrameException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@link FramerFixture}s of the length-field variants and of netstrings: each wire format
 * written out here from its definition (big- or little-endian bytes, protobuf's varint, Python's
 * {@code zfill}, {@code len:payload,}), never by the library.
 */
public final class LengthFieldFixtures {
    private static final long UNKNOWN = TruncatedFrameException.UNKNOWN;
    private static final int DEFAULT_MAX = FrameLimits.DEFAULT_MAX_FRAME_LENGTH;

    private LengthFieldFixtures() {}

    /** Twisted's Int8StringReceiver, Erlang {packet,1}: at most 255 bytes. */
    public static FramerFixture u8() {
        Framer framer = Framers.lengthPrefixed(LengthField.bigEndian(1));
        Framer max10 = Framers.lengthPrefixed(LengthField.bigEndian(1)).withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(bigEndian(payload.length, 1), payload);
        return new FramerFixture("length-prefix u8", framer, wireOf,
                List.of(empty(), oneByte(), Payload.of("bytes that look like a header", bytes(5)),
                        Payload.text("héllo ✓"), Payload.of("255 random bytes, the field's capacity", random(11, 255))),
                List.of(IllegalMessage.of("256 bytes, one more than a u8 field declares", framer, repeat('x', 256),
                                "256", "255", "u8"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("a header without its body", framer, bytes(3), List.of(), 1, 4),
                        WireInput.truncated("a header and 2 of 5 body bytes", framer, bytes(5, 'h', 'e'), List.of(), 3, 6),
                        WireInput.truncated("a frame, then a header", framer, bytes(2, 'h', 'i', 1), frames("hi"), 1, 2)),
                List.of(WireInput.complete("a frame of exactly the maximum of 10", max10,
                                concat(bytes(10), ascii("0123456789")), frames("0123456789")),
                        WireInput.tooLong("a header declaring 11", max10, concat(bytes(11), ascii("0123456789A")),
                                List.of(), 11, 10, 1),
                        WireInput.tooLong("a frame, then a header of ff", max10, bytes(2, 'h', 'i', 0xff), frames("hi"),
                                255, 10, 4)));
    }

    /** Akka's LengthFieldFrame and Netty's lengthIncludesLengthFieldLength, little-endian. */
    public static FramerFixture u16LittleEndianCountingTheHeader() {
        LengthPrefixFramer framer = LengthPrefixFramer.builder()
                .lengthField(LengthField.littleEndian(2)).lengthIncludesHeader().build();
        Framer max10 = framer.withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(littleEndian(payload.length + 2, 2), payload);
        return new FramerFixture("length-prefix u16le, counting the header", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("héllo ✓"),
                        Payload.of("65533 random bytes, the field's capacity less its 2 bytes", random(12, 65533))),
                List.of(IllegalMessage.of("65534 bytes, one more than the field counts", framer, repeat('x', 65534),
                                "65534", "65533"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("half a header", framer, bytes(7), List.of(), 1, 2),
                        WireInput.truncated("a header and 2 of 5 body bytes", framer, bytes(7, 0, 'h', 'e'),
                                List.of(), 4, 7)),
                List.of(WireInput.complete("a frame of exactly the maximum of 10", max10,
                                concat(bytes(12, 0), ascii("0123456789")), frames("0123456789")),
                        WireInput.tooLong("a header declaring 11 payload bytes", max10,
                                concat(bytes(13, 0), ascii("0123456789A")), List.of(), 11, 10, 2),
                        WireInput.tooLong("a header of ff ff", max10, bytes(0xff, 0xff), List.of(), 65533, 10, 2),
                        WireInput.malformed("a header declaring 1, less than its own 2 bytes", framer, bytes(1, 0, 'x'),
                                List.of()),
                        WireInput.complete("a header declaring exactly its own 2 bytes: the empty message", framer,
                                bytes(2, 0), frames(""))));
    }

    /** Netty's LengthFieldPrepender(3). */
    public static FramerFixture u24() {
        Framer framer = Framers.lengthPrefixed(LengthField.bigEndian(3));
        Framer max10 = Framers.lengthPrefixed(LengthField.bigEndian(3)).withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(bigEndian(payload.length, 3), payload);
        return new FramerFixture("length-prefix u24", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()),
                        Payload.of(LARGE + " random bytes", random(13, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("2 of 3 header bytes", framer, bytes(0, 0), List.of(), 2, 3),
                        WireInput.truncated("100 bytes of a 64 KiB body", framer,
                                concat(bytes(1, 0, 0), repeat('b', 100)), List.of(), 103, 65539)),
                List.of(WireInput.tooLong("a header of ff ff ff", framer, bytes(0xff, 0xff, 0xff), List.of(),
                                0xffffff, DEFAULT_MAX, 3),
                        WireInput.tooLong("a header declaring 11", max10, concat(bytes(0, 0, 11), ascii("0123456789A")),
                                List.of(), 11, 10, 3)));
    }

    /** Netty's LengthFieldPrepender(8): lengths of 2^32 and 2^63 must fail without allocating. */
    public static FramerFixture u64() {
        Framer framer = Framers.lengthPrefixed(LengthField.bigEndian(8));
        Framer max10 = Framers.lengthPrefixed(LengthField.bigEndian(8)).withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(bigEndian(payload.length, 8), payload);
        return new FramerFixture("length-prefix u64", framer, wireOf,
                List.of(empty(), oneByte(), Payload.text("héllo ✓"), Payload.of(LARGE + " random bytes", random(14, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("7 of 8 header bytes", framer, bytes(0, 0, 0, 0, 0, 0, 0), List.of(), 7, 8),
                        WireInput.truncated("a header and 2 of 5 body bytes", framer,
                                concat(bigEndian(5, 8), ascii("he")), List.of(), 10, 13)),
                List.of(WireInput.tooLong("a header of 4 GiB", framer, bigEndian(1L << 32, 8), List.of(),
                                1L << 32, DEFAULT_MAX, 8),
                        WireInput.tooLong("a header of 2^63, read unsigned", framer, bigEndian(1L << 63, 8), List.of(),
                                Long.MAX_VALUE, DEFAULT_MAX, 8),
                        WireInput.tooLong("a header of 2^64 - 1", max10, repeat(0xff, 8), List.of(),
                                Long.MAX_VALUE, 10, 8),
                        WireInput.tooLong("a header declaring 11", max10, concat(bigEndian(11, 8), ascii("0123456789A")),
                                List.of(), 11, 10, 8)));
    }

    /** A little-endian u32 whose decoder skips oversized frames; the contract sees the first error. */
    public static FramerFixture u32LittleEndianSkippingOversized() {
        LengthPrefixFramer framer = LengthPrefixFramer.builder().lengthField(LengthField.littleEndian(4))
                .onOversize(OversizePolicy.SKIP).build();
        Framer max10 = framer.withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(littleEndian(payload.length, 4), payload);
        return new FramerFixture("length-prefix u32le, skipping oversized frames", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.of("bytes that look like a header",
                        bytes(5, 0, 0, 0)), Payload.of(LARGE + " random bytes", random(15, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("3 of 4 header bytes", framer, bytes(5, 0, 0), List.of(), 3, 4),
                        WireInput.truncated("a header and 2 of 5 body bytes", framer, bytes(5, 0, 0, 0, 'h', 'e'),
                                List.of(), 6, 9)),
                List.of(WireInput.tooLong("a header of ff ff ff ff", framer, repeat(0xff, 4), List.of(),
                                0xffffffffL, DEFAULT_MAX, 4),
                        WireInput.tooLong("a frame, then a header declaring 11", max10,
                                concat(bytes(2, 0, 0, 0, 'h', 'i'), bytes(11, 0, 0, 0), ascii("0123456789A")),
                                frames("hi"), 11, 10, 6 + 4)));
    }

    /** protobuf's writeDelimitedTo: varint boundaries at 127/128 and 16,383/16,384. */
    public static FramerFixture varintField() {
        Framer framer = Framers.lengthPrefixed(LengthField.varint());
        Framer max10 = Framers.lengthPrefixed(LengthField.varint()).withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(varint(payload.length), payload);
        return new FramerFixture("length-prefix varint", framer, wireOf,
                List.of(empty(), oneByte(), Payload.of("127 bytes, the largest 1-byte varint", random(16, 127)),
                        Payload.of("128 bytes, the smallest 2-byte varint", random(17, 128)),
                        everyByteValue(allByteValues()),
                        Payload.of("16383 bytes, the largest 2-byte varint", random(18, 16383)),
                        Payload.of("16384 bytes, the smallest 3-byte varint", random(19, 16384)),
                        Payload.of(LARGE + " random bytes", random(20, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("the first byte of a 2-byte varint", framer, bytes(0x80), List.of(), 1, UNKNOWN),
                        WireInput.truncated("a varint and 2 of 5 body bytes", framer, bytes(5, 'h', 'e'), List.of(), 3, 6),
                        WireInput.truncated("10 bytes of a 128-byte body", framer, concat(bytes(0x80, 1), repeat('b', 10)),
                                List.of(), 12, 130)),
                List.of(WireInput.malformed("a non-minimal varint: 80 00 for 0", framer, bytes(0x80, 0), List.of()),
                        WireInput.malformed("a frame, then a non-minimal 85 80 00 for 5", framer,
                                bytes(2, 'h', 'i', 0x85, 0x80, 0, 'x'), frames("hi")),
                        WireInput.malformed("a varint longer than 5 bytes", framer, repeat(0x81, 6), List.of()),
                        WireInput.malformed("a 5-byte varint over 32 bits", framer, bytes(0xff, 0xff, 0xff, 0xff, 0x1f),
                                List.of()),
                        WireInput.tooLong("a varint of 2^32 - 1", framer, bytes(0xff, 0xff, 0xff, 0xff, 0x0f), List.of(),
                                0xffffffffL, DEFAULT_MAX, 5),
                        WireInput.tooLong("a varint declaring 11", max10, concat(bytes(11), ascii("0123456789A")),
                                List.of(), 11, 10, 1),
                        WireInput.complete("a frame of exactly the maximum of 10", max10,
                                concat(bytes(10), ascii("0123456789")), frames("0123456789"))));
    }

    /** The seed tutorial: {@code str(len(msg)).zfill(5).encode() + msg}; at most 99,999 bytes. */
    public static FramerFixture ascii5() {
        Framer framer = Framers.lengthPrefixed(LengthField.asciiDecimal(5));
        Framer max10 = Framers.lengthPrefixed(LengthField.asciiDecimal(5)).withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = payload -> concat(zfill(payload.length, 5), payload);
        return new FramerFixture("length-prefix ascii:5", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()),
                        Payload.of("digits that look like a header", ascii("00005")),
                        Payload.of("99999 random bytes, the field's capacity", random(21, 99999))),
                List.of(IllegalMessage.of("100000 bytes, more than 5 digits declare", framer, repeat('x', 100000),
                                "100000", "99999", "ascii:5"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("3 of 5 digits", framer, ascii("000"), List.of(), 3, 5),
                        WireInput.truncated("a length and 2 of 5 body bytes", framer, ascii("00005he"), List.of(), 7, 10)),
                List.of(WireInput.malformed("a letter among the digits", framer, ascii("0a005hello"), List.of()),
                        WireInput.malformed("a frame, then a space-padded length", framer, ascii("00002hi   5hello"),
                                frames("hi")),
                        WireInput.malformed("an HTTP request", framer, ascii("GET / HTTP/1.1\r\n"), List.of()),
                        WireInput.tooLong("a length of 11", max10, ascii("000110123456789A"), List.of(), 11, 10, 5),
                        WireInput.tooLong("a length of 99999", max10, ascii("99999"), List.of(), 99999, 10, 5),
                        WireInput.complete("a frame of exactly the maximum of 10", max10, ascii("000100123456789"),
                                frames("0123456789"))));
    }

    /** djb's netstrings, Twisted's NetstringReceiver. */
    public static FramerFixture netstrings() {
        Framer framer = Framers.netstrings();
        Framer max10 = Framers.netstrings().withMaxFrameLength(10);
        UnaryOperator<byte[]> wireOf = FixtureBytes::netstring;
        return new FramerFixture("netstring", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("hello world!"),
                        Payload.of("a netstring inside", ascii("3:abc,")), Payload.text("héllo ✓"),
                        Payload.of(LARGE + " random bytes", random(22, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10"),
                        IllegalMessage.of("over the default maximum of 1 MiB", framer, repeat('x', DEFAULT_MAX + 1),
                                "1048577", "1048576")),
                List.of(WireInput.truncated("one digit", framer, ascii("1"), List.of(), 1, UNKNOWN),
                        WireInput.truncated("a length and 2 of 5 payload bytes", framer, ascii("5:he"), List.of(), 4, 8),
                        WireInput.truncated("the payload without its comma", framer, ascii("5:hello"), List.of(), 7, 8),
                        WireInput.truncated("a frame, then a length", framer, concat(netstring(ascii("hi")), ascii("12")),
                                frames("hi"), 2, UNKNOWN)),
                List.of(WireInput.malformed("a leading zero", framer, ascii("05:hello,"), List.of()),
                        WireInput.malformed("no digits before the colon", framer, ascii(":,"), List.of()),
                        WireInput.malformed("a missing comma", framer, ascii("5:hellox"), List.of()),
                        WireInput.malformed("a frame, then a line of text", framer, ascii("2:hi,hello\n"), frames("hi")),
                        WireInput.complete("a frame of exactly the maximum of 10", max10, ascii("10:0123456789,"),
                                frames("0123456789")),
                        WireInput.tooLong("a length of 11", max10, ascii("11:0123456789A,"), List.of(), 11, 10, 3),
                        WireInput.tooLong("three digits when the maximum of 10 has two", max10, ascii("123"), List.of(),
                                100, 10, 3),
                        WireInput.tooLong("eight digits when 1 MiB has seven", framer, ascii("99999999999999999999"),
                                List.of(), 10_000_000, DEFAULT_MAX, 8)));
    }
}

package dev.framekit.framing.support;

import static dev.framekit.framing.support.FixtureBytes.allByteValues;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
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
import java.util.function.UnaryOperator;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The {@link FramerFixture}s of the framings that resync after damage, COBS and SLIP, and of the
 * CRC-32C trailer, each wire format written out here from its definition (Cheshire and Baker's
 * COBS paper, RFC 1055, the JDK's {@link CRC32C}), never by the library.
 */
public final class ResyncFixtures {
    private static final long UNKNOWN = TruncatedFrameException.UNKNOWN;

    private ResyncFixtures() {}

    /**
     * COBS by its definition: runs of up to 254 non-zero bytes, each written after a code byte
     * of its length plus one; a run shorter than 254 stands for itself and the zero after it (or
     * the end of the payload); a run of 254 (code 0xff) for itself alone. A frame ends with a zero.
     */
    public static byte[] cobs(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int run = 0;
            while (i + run < payload.length && payload[i + run] != 0 && run < 254) {
                run++;
            }
            out.write(run + 1);
            out.write(payload, i, run);
            i += run;
            if (i == payload.length) {
                break;
            }
            if (run < 254) {
                i++; // the zero the run stands before
            }
        }
        out.write(0);
        return out.toByteArray();
    }

    /** SLIP as RFC 1055's send_packet writes it: END, each END and ESC escaped, END. */
    public static byte[] slip(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xc0);
        for (byte b : payload) {
            switch (b & 0xff) {
                case 0xc0 -> out.writeBytes(bytes(0xdb, 0xdc));
                case 0xdb -> out.writeBytes(bytes(0xdb, 0xdd));
                default -> out.write(b);
            }
        }
        out.write(0xc0);
        return out.toByteArray();
    }

    public static FramerFixture cobsFixture() {
        Framer framer = Framers.cobs();
        Framer max10 = Framers.cobs(10);
        Framer max300 = Framers.cobs(300);
        return new FramerFixture("cobs", framer, ResyncFixtures::cobs,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.of("one zero", bytes(0)),
                        Payload.of("two zeros", bytes(0, 0)), Payload.text("hello"),
                        Payload.of("253 non-zero bytes", repeat('a', 253)),
                        Payload.of("254 non-zero bytes (one full block)", repeat('b', 254)),
                        Payload.of("255 non-zero bytes", repeat('c', 255)),
                        Payload.of("508 non-zero bytes (two full blocks)", repeat('d', 508)),
                        Payload.of("254 non-zero bytes, then a zero", concat(repeat('e', 254), bytes(0))),
                        Payload.of("a zero, then 254 non-zero bytes", concat(bytes(0), repeat('f', 254))),
                        Payload.of("254 zeros", new byte[254]),
                        Payload.of(LARGE + " random bytes", random(7, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("a frame without its zero", framer, ascii("\u0006he"), List.of(), 3, UNKNOWN),
                        WireInput.truncated("a frame, then part of the next", framer,
                                concat(cobs(ascii("hi")), ascii("\u0003y")), frames("hi"), 2, UNKNOWN)),
                List.of(WireInput.complete("a frame of exactly the maximum of 10", max10, cobs(ascii("0123456789")),
                                frames("0123456789")),
                        WireInput.complete("11 code bytes that decode to 10 zeros", max10,
                                concat(repeat(1, 11), bytes(0)), List.of(new byte[10])),
                        WireInput.complete("lone zeros between frames", framer,
                                concat(bytes(0, 0), cobs(ascii("a")), bytes(0), cobs(ascii("b"))), frames("a", "b")),
                        WireInput.tooLong("12 bytes without a zero", max10, repeat('x', 40), List.of(), 11, 10, 12),
                        WireInput.tooLong("302 code bytes that decode to 301 zeros", max300,
                                concat(repeat(1, 302), bytes(0)), List.of(), 301, 300, -1),
                        WireInput.malformed("a code byte that runs past the zero", framer,
                                concat(cobs(ascii("ok")), ascii("\u0005ab"), bytes(0)), frames("ok"))));
    }

    public static FramerFixture slipFixture() {
        Framer framer = Framers.slip();
        Framer max10 = Framers.slip(10);
        return new FramerFixture("slip", framer, ResyncFixtures::slip,
                List.of(oneByte(), everyByteValue(allByteValues()), Payload.text("hello"),
                        Payload.of("an END byte", bytes(0xc0)), Payload.of("an ESC byte", bytes(0xdb)),
                        Payload.of("ESC, then ESC_END as data", bytes(0xdb, 0xdc)),
                        Payload.of("END ESC END", bytes(0xc0, 0xdb, 0xc0)),
                        Payload.of(LARGE + " random bytes", random(8, LARGE))),
                List.of(IllegalMessage.of("the empty message", framer, new byte[0], "empty"),
                        IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("a frame without its END", framer, bytes(0xc0, 'h', 'i'), List.of(), 2,
                                UNKNOWN),
                        WireInput.truncated("a frame ending in an ESC", framer, bytes(0xc0, 'h', 0xdb), List.of(), 2,
                                UNKNOWN),
                        WireInput.truncated("a frame, then part of the next", framer,
                                concat(slip(ascii("hi")), bytes(0xc0, 'y')), frames("hi"), 1, UNKNOWN)),
                List.of(WireInput.complete("a frame of exactly the maximum of 10", max10, slip(ascii("0123456789")),
                                frames("0123456789")),
                        WireInput.complete("10 escaped bytes (20 on the wire) at a maximum of 10", max10,
                                slip(repeat(0xc0, 10)), List.of(repeat(0xc0, 10))),
                        WireInput.complete("line noise, then frames without a leading END", framer,
                                concat(ascii("ab"), bytes(0xc0), ascii("cd"), bytes(0xc0)), frames("ab", "cd")),
                        WireInput.tooLong("11 bytes without an END", max10, concat(bytes(0xc0), repeat('x', 30)),
                                List.of(), 11, 10, 12),
                        WireInput.malformed("an ESC followed by a plain byte", framer,
                                concat(slip(ascii("ok")), bytes(0xc0, 'a', 0xdb, 'a', 0xc0)), frames("ok")),
                        WireInput.malformed("an ESC followed by END", framer, bytes(0xc0, 'a', 0xdb, 0xc0), List.of())));
    }

    /** The payload and its CRC-32C, 4 bytes big-endian, computed by the JDK. */
    public static byte[] withCrc32c(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return concat(payload, ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static FramerFixture crc32cLengthPrefixed() {
        Framer framer = Framers.crc32c(Framers.lengthPrefixed());
        Framer max10 = Framers.crc32c(Framers.lengthPrefixed().withMaxFrameLength(14));
        UnaryOperator<byte[]> wireOf = payload -> concat(FixtureBytes.lengthHeader(payload.length + 4), withCrc32c(payload));
        byte[] hi = withCrc32c(ascii("hi"));
        byte[] damaged = hi.clone();
        damaged[0] ^= 0x20;
        return new FramerFixture("crc32c(length-prefix)", framer, wireOf,
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.text("héllo ✓"),
                        Payload.of(LARGE + " random bytes", random(9, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10")),
                List.of(WireInput.truncated("a header and part of the payload", framer,
                                concat(bytes(0, 0, 0, 6), ascii("hi")), List.of(), 6, 10)),
                List.of(WireInput.complete("a frame of exactly the maximum of 10", max10, wireOf.apply(ascii("0123456789")),
                                frames("0123456789")),
                        WireInput.tooLong("an inner frame of 15 bytes over 14", max10,
                                concat(bytes(0, 0, 0, 15), repeat('x', 15)), List.of(), 15, 14, 4),
                        WireInput.malformed("a flipped bit", framer, concat(wireOf.apply(ascii("ok")), bytes(0, 0, 0, 6),
                                damaged), frames("ok")),
                        WireInput.malformed("a frame too short for its checksum", framer, bytes(0, 0, 0, 3, 1, 2, 3),
                                List.of())));
    }

    public static FramerFixture crc32cSkippingInCobs() {
        Framer framer = Framers.crc32cSkippingBadFrames(Framers.cobs());
        return new FramerFixture("crc32c skipping bad frames (cobs)", framer, payload -> cobs(withCrc32c(payload)),
                List.of(empty(), oneByte(), everyByteValue(allByteValues()), Payload.of("a zero", bytes(0)),
                        Payload.of("254 non-zero bytes", repeat('b', 254)),
                        Payload.of(LARGE + " random bytes", random(10, LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", Framers.crc32c(Framers.cobs(14)), ascii("hello world"),
                        "11", "10")),
                List.of(WireInput.truncated("a frame without its zero", framer, bytes(0x03, 'h', 'i'), List.of(), 3,
                        UNKNOWN)),
                List.of());
    }
}

package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.ResyncFixtures.withCrc32c;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.FixtureBytes;
import dev.framekit.framing.support.ResyncFixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A CRC-32C trailer inside any framer's frames: checked on arrival; a bad frame fails the stream, or is skipped once. */
class Crc32cFramerTest {
    private static byte[] lengthPrefixed(byte[] body) {
        return concat(FixtureBytes.lengthHeader(body.length), body);
    }

    private static byte[] damaged(byte[] payload) {
        byte[] body = withCrc32c(payload);
        body[0] ^= 0x01;
        return body;
    }

    @Test
    void writesTheCastagnoliChecksumBigEndianAfterThePayload() throws Exception {
        ByteBuf out = Unpooled.buffer();
        Framers.crc32c(Framers.lengthPrefixed()).encode(ascii("hi"), out);

        assertArrayEquals(bytes(0, 0, 0, 6, 'h', 'i', 0xf5, 0x9d, 0xd9, 0xc2), ByteBufUtil.getBytes(out));
        assertArrayEquals(bytes(0, 0, 0, 4, 0, 0, 0, 0), lengthPrefixed(withCrc32c(new byte[0])),
                "the CRC-32C of nothing is 0");
    }

    @Test
    void failsTheStreamOnABadChecksumWithBothSums() {
        byte[] wire = concat(lengthPrefixed(withCrc32c(ascii("ok"))), lengthPrefixed(damaged(ascii("hi"))),
                lengthPrefixed(withCrc32c(ascii("next"))));

        List<String> events = ResyncFeed.sameEverySplit(Framers.crc32c(Framers.lengthPrefixed()), wire);

        assertEquals(List.of("ok", "failed: crc32c: a frame of 2 bytes has the checksum f59dd9c2, but its bytes sum to"
                + " e63f41b5 (damaged on the way, or not checksummed): 69 69 |ii|"), events);
    }

    @Test
    void skipsEachBadFrameOnceAndReadsTheNext() {
        Framer framer = Framers.crc32cSkippingBadFrames(Framers.lengthPrefixed());
        byte[] wire = concat(lengthPrefixed(damaged(ascii("a"))), lengthPrefixed(withCrc32c(ascii("ok"))),
                lengthPrefixed(damaged(ascii("b"))), lengthPrefixed(damaged(ascii("c"))),
                lengthPrefixed(withCrc32c(ascii("next"))), lengthPrefixed(bytes(1, 2)));

        List<String> events = ResyncFeed.sameEverySplit(framer, wire);

        assertEquals(List.of("skipped", "ok", "skipped", "skipped", "next", "skipped", "end"),
                events.stream().map(e -> e.startsWith("skipped: crc32c: ") ? "skipped" : e).toList(), events::toString);
        assertTrue(events.get(5).contains("too short to hold its 4-byte checksum"), events.get(5));
    }

    @Test
    void resyncsInsideCobsAfterDamageThatBreaksTheFramingToo() {
        Framer framer = Framers.crc32cSkippingBadFrames(Framers.cobs());
        byte[] good = ResyncFixtures.cobs(withCrc32c(ascii("good")));
        byte[] wire = concat(bytes(0x07, 'x', 0x00), good, ResyncFixtures.cobs(damaged(ascii("bad"))), good);

        List<String> events = ResyncFeed.sameEverySplit(framer, wire);

        assertEquals(List.of("skipped: cobs", "good", "skipped: crc32c", "good", "end"),
                events.stream().map(e -> e.startsWith("skipped: ") ? e.substring(0, e.indexOf(':', 9)) : e).toList());
    }

    @Test
    void aLargeMessageGoesStraightFromMemoryAndKeepsItsChecksum() throws Exception {
        Framer framer = Framers.crc32c(Framers.lengthPrefixed());
        byte[] large = new byte[200_000];
        new Random(5).nextBytes(large);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (FrameWriter writer = new FrameWriter(wire, framer)) {
            writer.write(large).write(ascii("small")).flush();
        }

        assertArrayEquals(concat(lengthPrefixed(withCrc32c(large)), lengthPrefixed(withCrc32c(ascii("small")))),
                wire.toByteArray());
        try (FrameReader reader = new FrameReader(new ByteArrayInputStream(wire.toByteArray()), framer)) {
            assertArrayEquals(large, reader.readByteArray());
            assertArrayEquals(ascii("small"), reader.readByteArray());
        }
    }

    @Test
    void refusesAMessageTheInnerFramerCannotCarryWithItsChecksum() {
        MessageRefusedException refusal = Framers.crc32c(Framers.lines()).check(ascii("hi"));

        assertTrue(refusal == null || refusal.getMessage().startsWith("crc32c: with its checksum"), String.valueOf(refusal));
        MessageRefusedException json = Framers.crc32c(Framers.json()).check(ascii("{}"));
        assertTrue(json.getMessage().contains("(wrap a binary-safe framer)"), json.getMessage());
    }

    @Test
    void isAValueAndNeedsRoomForTheChecksum() {
        assertEquals(Framers.crc32c(Framers.lengthPrefixed()), Framers.crc32c(Framers.lengthPrefixed()));
        assertEquals(Framers.crc32c(Framers.cobs()).hashCode(), Framers.crc32c(Framers.cobs()).hashCode());
        assertNotEquals(Framers.crc32c(Framers.cobs()), Framers.crc32cSkippingBadFrames(Framers.cobs()));
        assertEquals("crc32c(cobs(max 1048576 bytes), skips bad frames)",
                Framers.crc32cSkippingBadFrames(Framers.cobs()).toString());
        assertEquals(Framers.cobs().maxFrameLength() - 4, Framers.crc32c(Framers.cobs()).maxFrameLength());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Framers.crc32c(Framers.cobs(4)));
        assertEquals("crc32c: the inner framer's maximum frame length must be over 4 bytes to hold a checksum, got 4",
                e.getMessage());
    }
}

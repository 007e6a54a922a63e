package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Feed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COBS: zero-free payloads, each frame ended by {@code 0x00}; damaged frames reported once, then the next frame. */
class CobsFramerTest {
    private final Framer framer = Framers.cobs();

    /** 1 to n, as bytes. */
    private static byte[] run(int from, int to) {
        byte[] bytes = new byte[to - from + 1];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }

    private byte[] encode(byte[] payload) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer();
        framer.encode(payload, out);
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void encodesTheReferenceExamples() throws Exception {
        assertArrayEquals(bytes(0x01, 0x00), encode(new byte[0]));
        assertArrayEquals(bytes(0x01, 0x01, 0x00), encode(bytes(0x00)));
        assertArrayEquals(bytes(0x01, 0x01, 0x01, 0x00), encode(bytes(0x00, 0x00)));
        assertArrayEquals(bytes(0x01, 0x02, 0x11, 0x01, 0x00), encode(bytes(0x00, 0x11, 0x00)));
        assertArrayEquals(bytes(0x03, 0x11, 0x22, 0x02, 0x33, 0x00), encode(bytes(0x11, 0x22, 0x00, 0x33)));
        assertArrayEquals(bytes(0x05, 0x11, 0x22, 0x33, 0x44, 0x00), encode(bytes(0x11, 0x22, 0x33, 0x44)));
        assertArrayEquals(bytes(0x02, 0x11, 0x01, 0x01, 0x01, 0x00), encode(bytes(0x11, 0x00, 0x00, 0x00)));
    }

    @Test
    void encodesRunsOf254And255NonZeroBytes() throws Exception {
        assertArrayEquals(concat(bytes(0xff), run(1, 254), bytes(0x00)), encode(run(1, 254)));
        assertArrayEquals(concat(bytes(0x01, 0xff), run(1, 254), bytes(0x00)), encode(concat(bytes(0), run(1, 254))));
        assertArrayEquals(concat(bytes(0xff), run(1, 254), bytes(0x02, 0xff, 0x00)), encode(run(1, 255)));
        assertArrayEquals(concat(bytes(0xff), run(2, 255), bytes(0x01, 0x01, 0x00)), encode(concat(run(2, 255), bytes(0))));
        assertArrayEquals(concat(bytes(0xfe), run(3, 255), bytes(0x02, 0x01, 0x00)),
                encode(concat(run(3, 255), bytes(0, 1))));
    }

    @Test
    void overheadIsTheMostTheCodeBytesAndTheZeroAdd() throws Exception {
        assertEquals(2, framer.overhead(0));
        assertEquals(2, framer.overhead(253));
        assertEquals(3, framer.overhead(254));
        assertEquals(encode(run(1, 255)).length - 255, framer.overhead(255));
        assertTrue(encode(new byte[255]).length - 255 < framer.overhead(255), "zeros cost nothing");
    }

    @Test
    void decodesAFullRunFollowedByAnEmptyBlockAsOtherEncodersWriteIt() {
        byte[] wire = concat(bytes(0xff), run(1, 254), bytes(0x01, 0x00));

        assertTrue(Feed.sameEverySplit(framer, wire).hasFrames(List.of(run(1, 254))));
    }

    @Test
    void reportsAFrameWithAZeroInsideOnceAndFindsTheNextFrame() {
        byte[] wire = concat(bytes(0x03, 'o', 'k', 0x00), bytes(0x05, 'a', 'b', 0x00),
                bytes(0x05, 'n', 'e', 'x', 't', 0x00));

        assertEquals(List.of("ok", "skipped: cobs: a damaged frame of 3 bytes: the code byte 0x05 at offset 0"
                        + " announces 4 bytes, but the frame's zero came after 2 (a zero inside the frame, or a byte"
                        + " lost); skipped, reading goes on with the next frame: 05 61 62 |.ab|", "next", "end"),
                ResyncFeed.sameEverySplit(framer, wire));
    }

    @Test
    void reportsEachDamagedFrameOnce() {
        byte[] bad = bytes(0x09, 'x', 0x00);
        byte[] wire = concat(bad, bad, bytes(0x02, 'a', 0x00), bad, bytes(0x02, 'b', 0x00));

        List<String> events = ResyncFeed.sameEverySplit(framer, wire);

        assertEquals(List.of("skipped", "skipped", "a", "skipped", "b", "end"),
                events.stream().map(e -> e.startsWith("skipped: ") ? "skipped" : e).toList());
    }

    @Test
    void skipsAFrameOverTheMaximumAndFindsTheNextFrame() {
        byte[] wire = concat(bytes(0x0d), ascii("hello world!"), bytes(0x00), bytes(0x03, 'o', 'k', 0x00));

        List<String> events = ResyncFeed.sameEverySplit(Framers.cobs(5), wire);

        assertEquals(3, events.size(), events::toString);
        assertTrue(events.get(0).startsWith("skipped: cobs: no zero byte within the first 7 bytes of a frame, so it"
                + " decodes to more than the maximum of 5 bytes"), events.get(0));
        assertEquals(List.of("ok", "end"), events.subList(1, 3));
    }

    @Test
    void skipsLoneZerosBetweenFrames() {
        assertEquals(List.of("a", "end"), ResyncFeed.sameEverySplit(framer, bytes(0, 0, 0, 0x02, 'a', 0x00, 0, 0)));
    }

    @Test
    void saysHowManyBytesCameWhenTheStreamEndsInsideAFrame() {
        FramingException e = Feed.sameEverySplit(framer, bytes(0x03, 'o', 'k', 0x00, 0x04, 'a')).failure();

        assertEquals("cobs: stream ended after 2 bytes of a frame without its ending zero: 04 61 |.a|", e.getMessage());
    }

    @Test
    void validatesItsMaximumAndIsAValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Framers.cobs(0));
        assertEquals("cobs: maxFrameLength must be between 1 and 1073741824 bytes, got 0", e.getMessage());
        assertEquals(Framers.cobs(), Framers.cobs(1 << 20));
        assertEquals(Framers.cobs().hashCode(), Framers.cobs(1 << 20).hashCode());
        assertNotEquals(Framers.cobs(), Framers.cobs(10));
        assertNotEquals(Framers.cobs(10), Framers.slip(10));
        assertEquals("cobs(max 10 bytes)", Framers.cobs(10).toString());
    }
}

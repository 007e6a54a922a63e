package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Feed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLIP (RFC 1055): END-delimited frames with END and ESC escaped; damaged frames reported once, then the next frame. */
class SlipFramerTest {
    private final Framer framer = Framers.slip();

    @Test
    void writesAnEndBeforeAndAfterAndEscapesEndAndEsc() throws Exception {
        ByteBuf out = Unpooled.buffer();
        framer.encode(bytes(0x01, 0xc0, 0x02, 0xdb), out);

        assertArrayEquals(bytes(0xc0, 0x01, 0xdb, 0xdc, 0x02, 0xdb, 0xdd, 0xc0), ByteBufUtil.getBytes(out));
        assertEquals(2 + 4, framer.overhead(4), "at most: every byte escaped");
    }

    @Test
    void refusesTheEmptyMessageWhichReceiversSkip() {
        MessageRefusedException refusal = framer.check(new byte[0]);

        assertEquals("slip: cannot carry the empty message: a SLIP receiver skips empty frames (RFC 1055)",
                refusal.getMessage());
    }

    @Test
    void readsFramesWithoutTheLeadingEndAndSkipsEmptyOnes() {
        assertTrue(Feed.sameEverySplit(framer, bytes('a', 0xc0, 0xc0, 0xc0, 'b', 0xdb, 0xdd, 0xc0))
                .hasFrames(List.of(ascii("a"), bytes('b', 0xdb))));
    }

    @Test
    void reportsABadEscapeOnceAndFindsTheNextFrame() {
        byte[] wire = concat(bytes(0xc0, 'o', 'k', 0xc0), bytes(0xc0, 'a', 0xdb, 'z', 0xc0), bytes(0xc0, 'n', 0xc0));

        assertEquals(List.of("ok", "skipped: slip: a damaged frame of 3 bytes: the ESC (0xdb) at offset 1 is followed"
                        + " by 0x7a 'z', not 0xdc or 0xdd; skipped, reading goes on with the next frame: 61 db 7a |a.z|",
                        "n", "end"),
                ResyncFeed.sameEverySplit(framer, wire));
    }

    @Test
    void skipsAFrameOverTheMaximumAndFindsTheNextFrame() {
        byte[] wire = concat(bytes(0xc0), ascii("hello world"), bytes(0xc0, 0xc0), ascii("ok"), bytes(0xc0));

        List<String> events = ResyncFeed.sameEverySplit(Framers.slip(5), wire);

        assertEquals(3, events.size(), events::toString);
        assertTrue(events.get(0).startsWith("skipped: slip: a frame decodes to more than the maximum of 5 bytes"),
                events.get(0));
        assertEquals(List.of("ok", "end"), events.subList(1, 3));
    }

    @Test
    void countsEscapedBytesOnceAgainstTheMaximum() {
        byte[] wire = concat(bytes(0xc0), concat(bytes(0xdb, 0xdc), bytes(0xdb, 0xdc), bytes(0xdb, 0xdd)), bytes(0xc0));

        assertTrue(Feed.sameEverySplit(Framers.slip(3), wire).hasFrames(List.of(bytes(0xc0, 0xc0, 0xdb))));
    }

    @Test
    void isAValue() {
        assertEquals(Framers.slip(), Framers.slip(1 << 20));
        assertEquals(Framers.slip().hashCode(), Framers.slip(1 << 20).hashCode());
        assertNotEquals(Framers.slip(), Framers.slip(10));
        assertEquals("slip(max 10 bytes)", Framers.slip(10).toString());
    }
}

package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Feed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Netstrings: {@code 12:hello world!,}. */
class NetstringFramerTest {
    private final NetstringFramer framer = Framers.netstrings();

    @Test
    void encodesTheDecimalLengthAColonThePayloadAndAComma() throws Exception {
        assertArrayEquals(ascii("12:hello world!,"), encode(ascii("hello world!")));
        assertArrayEquals(ascii("0:,"), encode(new byte[0]));
        assertEquals(2 + 2, framer.overhead(12));
        assertEquals(7 + 2, framer.overhead(1_048_576));
    }

    @Test
    void decodesNetstringsSplitAcrossReads() {
        assertTrue(Feed.sameEverySplit(framer, ascii("12:hello world!,0:,3:a,b,"))
                .hasFrames(frames("hello world!", "", "a,b")));
    }

    @Test
    void refusesALeadingZero() {
        FramingException e = Feed.sameEverySplit(framer, ascii("012:hello world!,")).failure();

        assertEquals("netstring: the length has a leading zero, which netstrings forbid: 30 31 |01|", e.getMessage());
    }

    @Test
    void reportsAMissingCommaWithTheByteFoundInstead() {
        FramingException e = Feed.sameEverySplit(framer, ascii("5:hello;")).failure();

        assertEquals(FramingException.class, e.getClass());
        assertEquals("netstring: expected ',' after the 5-byte payload, got 0x3b ';' (is the length right?):"
                + " 35 3a 68 65 6c 6c 6f 3b |5:hello;|", e.getMessage());
    }

    @Test
    void refusesMoreDigitsThanTheMaximumHasBeforeParsingThem() {
        NetstringFramer twisted = framer.withMaxFrameLength(99_999);

        FrameTooLongException tooLong = assertInstanceOf(FrameTooLongException.class,
                Feed.sameEverySplit(twisted, ascii("100000:")).failure());

        assertEquals(100_000, tooLong.frameLength());
        assertTrue(tooLong.getMessage().contains("more than 5 digits"), tooLong.getMessage());
        assertTrue(Feed.sameEverySplit(twisted, ascii("99999:")).failure() instanceof TruncatedFrameException,
                "five digits are read and wait for the payload");
    }

    @Test
    void reportsTextThatIsNotANetstring() {
        FramingException e = Feed.sameEverySplit(framer, ascii("hello\n")).failure();

        assertTrue(e.getMessage().startsWith("netstring: byte 1 is 0x68 'h'"), e.getMessage());
    }

    private byte[] encode(byte[] payload) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer();
        framer.encode(payload, out);
        return ByteBufUtil.getBytes(out);
    }
}

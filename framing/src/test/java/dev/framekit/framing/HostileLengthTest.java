package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bigEndian;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Feed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/**
 * Hostile declared lengths on every variant: each fails as soon as its field has arrived, in a
 * buffer that cannot grow (so allocating for the body would throw), with the numbers and the
 * header's bytes in the message.
 */
class HostileLengthTest {

    @Test
    void failsOnAnEightByteLengthOfTwoToTheSixtyThreeWithoutAllocating() {
        FrameTooLongException tooLong = failsInAFixedBuffer(Framers.lengthPrefixed(LengthField.bigEndian(8)),
                bigEndian(1L << 63, 8));

        assertEquals(Long.MAX_VALUE, tooLong.frameLength(), "saturated: the length is over 2^63 - 1");
        assertTrue(tooLong.getMessage().contains("9223372036854775808 (over 2^63)"), tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("80 00 00 00 00 00 00 00"), tooLong.getMessage());
    }

    @Test
    void failsOnAFourGibibyteEightByteLengthWithoutAllocating() {
        FrameTooLongException tooLong = failsInAFixedBuffer(Framers.lengthPrefixed(LengthField.littleEndian(8)),
                bytes(0, 0, 0, 0, 1, 0, 0, 0));

        assertEquals(1L << 32, tooLong.frameLength());
        assertTrue(tooLong.getMessage().contains("frame length 4294967296 exceeds the maximum of 1048576"),
                tooLong.getMessage());
    }

    @Test
    void failsOnTheLargestVarintWithoutAllocating() {
        FrameTooLongException tooLong = failsInAFixedBuffer(Framers.lengthPrefixed(LengthField.varint()),
                bytes(0xff, 0xff, 0xff, 0xff, 0x0f));

        assertEquals(0xffffffffL, tooLong.frameLength());
    }

    @Test
    void failsOnAllNinesInAnAsciiFieldWithoutAllocating() {
        FrameTooLongException tooLong = failsInAFixedBuffer(
                Framers.lengthPrefixed(LengthField.asciiDecimal(10)), ascii("9999999999"));

        assertEquals(9_999_999_999L, tooLong.frameLength());
    }

    @Test
    void failsOnANetstringWithEndlessDigitsAfterOneMoreDigitThanTheMaximumHas() {
        FrameTooLongException tooLong = failsInAFixedBuffer(Framers.netstrings(), ascii("12345678"));

        assertEquals(10_000_000, tooLong.frameLength(), "at least 10^7: eight digits");
        assertTrue(tooLong.getMessage().contains("more than 7 digits"), tooLong.getMessage());
    }

    @Test
    void reportsAHeaderInclusiveLengthShorterThanItsHeaderAsMalformed() {
        Framer akka = LengthPrefixFramer.builder().lengthIncludesHeader().build();

        FramingException e = Feed.sameEverySplit(akka, bytes(0, 0, 0, 3, 'x')).failure();

        assertEquals(FramingException.class, e.getClass());
        assertEquals("length-prefix: the length field declares 3, less than the 4 it must count (length adjustment -4);"
                + " is the peer counting the header? 00 00 00 03 |....|", e.getMessage());
    }

    @Test
    void namesTheOffendingByteOfAMalformedAsciiLength() {
        FramingException e = Feed.sameEverySplit(Framers.lengthPrefixed(LengthField.asciiDecimal(5)),
                ascii("00 12hello")).failure();

        assertEquals("length-prefix ascii:5: byte 3 of the 5-digit length field is 0x20 ' ', not a decimal digit"
                + " (is the peer using another framing?): 30 30 20 |00 |", e.getMessage());
    }

    @Test
    void explainsAStrictVarintRefusal() {
        FramingException nonMinimal = Feed.sameEverySplit(Framers.lengthPrefixed(LengthField.varint()),
                bytes(0x85, 0x00, 'h', 'e', 'l', 'l', 'o')).failure();
        FramingException sixBytes = Feed.sameEverySplit(Framers.lengthPrefixed(LengthField.varint()),
                repeat(0x80, 6)).failure();

        assertTrue(nonMinimal.getMessage().contains("not minimal"), nonMinimal.getMessage());
        assertTrue(nonMinimal.getMessage().endsWith("85 00 |..|"), nonMinimal.getMessage());
        assertTrue(sixBytes.getMessage().contains("longer than 5 bytes"), sixBytes.getMessage());
    }

    @Test
    void reportsATextClientOnATwoByteLengthPort() {
        FrameTooLongException tooLong = assertInstanceOf(FrameTooLongException.class,
                Feed.sameEverySplit(Framers.lengthPrefixed(LengthField.bigEndian(2)).withMaxFrameLength(1000),
                        ascii("GET / HTTP/1.1\r\n")).failure());

        assertEquals(0x4745, tooLong.frameLength());
        assertTrue(tooLong.getMessage().contains("reads as text \"GE\""), tooLong.getMessage());
    }

    /** Feeds {@code header} one byte at a time into a buffer of exactly its size, which cannot grow. */
    private static FrameTooLongException failsInAFixedBuffer(Framer framer, byte[] header) {
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.buffer(header.length, header.length);
        for (int i = 0; i < header.length - 1; i++) {
            in.writeByte(header[i]);
            assertNull(assertDoesNotFail(decoder, in), "need more after " + (i + 1) + " bytes");
        }
        in.writeByte(header[header.length - 1]);
        FrameTooLongException tooLong = assertThrows(FrameTooLongException.class, () -> decoder.decode(in, false));
        assertEquals(header.length, in.capacity(), "nothing was allocated");
        assertTrue(tooLong.getMessage().contains("withMaxFrameLength(n)"), tooLong.getMessage());
        return tooLong;
    }

    private static ByteBuf assertDoesNotFail(FrameDecoder decoder, ByteBuf in) {
        try {
            return decoder.decode(in, false);
        } catch (FramingException e) {
            throw new AssertionError("failed early: " + e.getMessage(), e);
        }
    }
}

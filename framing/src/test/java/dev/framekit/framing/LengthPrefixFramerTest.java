package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static dev.framekit.framing.support.FixtureBytes.repeat;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static dev.framekit.framing.support.FixtureBytes.repeat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.support.Feed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The length-prefix framer: a 4-byte big-endian unsigned length, then that many bytes. */
class LengthPrefixFramerTest {
    private final LengthPrefixFramer framer = Framers.lengthPrefixed();

    @Test
    void encodesBigEndianLengthThenPayload() throws Exception {
        assertArrayEquals(bytes(0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'), encode(framer, ascii("hello")));
    }

    @Test
    void encodesEmptyMessageAsAZeroLength() throws Exception {
        assertArrayEquals(bytes(0, 0, 0, 0), encode(framer, new byte[0]));
    }

    @Test
    void encodesLengthsOverOneByteMostSignificantByteFirst() throws Exception {
        byte[] wire = encode(framer, repeat('x', 0x012c));

        assertArrayEquals(bytes(0x00, 0x00, 0x01, 0x2c), Arrays.copyOf(wire, 4));
        assertEquals(4 + 300, wire.length);
    }

    @Test
    void decodesFrameSplitAcrossReads() {
        byte[] wire = concat(bytes(0, 0, 0, 2), ascii("hi"), bytes(0, 0, 0, 0), bytes(0, 0, 0, 3), ascii("abc"));

        assertTrue(Feed.sameEverySplit(framer, wire).hasFrames(frames("hi", "", "abc")));
    }

    @Test
    void consumesNothingUntilTheWholeBodyHasArrived() throws Exception {
        ByteBuf in = Unpooled.wrappedBuffer(bytes(0, 0, 0, 5, 'h', 'e', 'l', 'l'));

        assertNull(framer.newDecoder().decode(in, false));

        assertEquals(0, in.readerIndex(), "the header stays buffered too");
    }

    @Test
    void failsOnLengthFFFFFFFFAsSoonAsTheHeaderArrivesWithoutAllocating() throws Exception {
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.buffer(4, 4); // a buffer that cannot grow: allocating for the body would fail
        in.writeBytes(bytes(0xff, 0xff, 0xff));
        assertNull(decoder.decode(in, false), "three header bytes: need more");
        in.writeByte(0xff);

        FrameTooLongException tooLong = assertThrows(FrameTooLongException.class, () -> decoder.decode(in, false));

        assertEquals(4294967295L, tooLong.frameLength(), "the length is unsigned");
        assertEquals(FrameLimits.DEFAULT_MAX_FRAME_LENGTH, tooLong.maxFrameLength());
        assertTrue(tooLong.getMessage().contains("4294967295"), tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("1048576"), tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("ff ff ff ff"), "hex preview: " + tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("withMaxFrameLength(n)"), tooLong.getMessage());
        assertFalse(tooLong.getMessage().contains("text"), "binary is not reported as text: " + tooLong.getMessage());
    }

    @Test
    void readsTheHighBitAsPartOfAnUnsignedLength() {
        DecodeOutcome outcome = Feed.sameEverySplit(framer, bytes(0x80, 0, 0, 0));

        FrameTooLongException tooLong = assertInstanceOf(FrameTooLongException.class, outcome.failure());
        assertEquals(2147483648L, tooLong.frameLength());
    }

    @Test
    void reportsHeaderThatReadsAsTextAsAProbableTextClient() {
        DecodeOutcome outcome = Feed.sameEverySplit(framer, ascii("GET / HTTP/1.1\r\n"));

        FrameTooLongException tooLong = assertInstanceOf(FrameTooLongException.class, outcome.failure());
        assertEquals(0x47455420L, tooLong.frameLength());
        assertTrue(tooLong.getMessage().contains("reads as text \"GET \""), tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("47 45 54 20"), "hex preview: " + tooLong.getMessage());
    }

    @Test
    void acceptsFrameOfExactlyTheMaximumAndRefusesOneByteMore() throws Exception {
        LengthPrefixFramer max10 = framer.withMaxFrameLength(10);
        byte[] ten = ascii("0123456789");

        assertArrayEquals(concat(bytes(0, 0, 0, 10), ten), encode(max10, ten));
        assertTrue(Feed.sameEverySplit(max10, concat(bytes(0, 0, 0, 10), ten)).hasFrames(List.of(ten)));
        MessageRefusedException refusal =
                assertThrows(MessageRefusedException.class, () -> encode(max10, ascii("0123456789A")));
        assertTrue(refusal.getMessage().contains("11 bytes"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("10 bytes"), refusal.getMessage());
        FrameTooLongException tooLong = assertInstanceOf(FrameTooLongException.class,
                Feed.sameEverySplit(max10, concat(bytes(0, 0, 0, 11), ascii("0123456789A"))).failure());
        assertEquals(11, tooLong.frameLength());
        assertEquals(10, tooLong.maxFrameLength());
    }

    @Test
    void reportsEndMidHeaderWithHeaderBytesReceived() {
        TruncatedFrameException truncated = assertInstanceOf(TruncatedFrameException.class,
                Feed.sameEverySplit(framer, bytes(0, 0, 1)).failure());

        assertEquals(3, truncated.bytesReceived());
        assertEquals(4, truncated.bytesExpected());
        assertTrue(truncated.getMessage().contains("3 of 4"), truncated.getMessage());
    }

    @Test
    void reportsEndMidBodyWithFrameBytesReceivedAndExpected() {
        TruncatedFrameException truncated = assertInstanceOf(TruncatedFrameException.class,
                Feed.sameEverySplit(framer, bytes(0, 0, 0, 5, 'h', 'e')).failure());

        assertEquals(6, truncated.bytesReceived(), "header bytes count as received");
        assertEquals(9, truncated.bytesExpected(), "header bytes count as expected");
        assertTrue(truncated.getMessage().contains("2 of 5 payload bytes"), truncated.getMessage());
        assertTrue(truncated.getMessage().contains("00 00 00 05 68 65"), "hex preview: " + truncated.getMessage());
    }

    @Test
    void raisingTheMaximumLeavesTheDefaultFramerAlone() {
        LengthPrefixFramer big = framer.withMaxFrameLength(64 << 20);

        assertEquals(64 << 20, big.maxFrameLength());
        assertEquals(FrameLimits.DEFAULT_MAX_FRAME_LENGTH, Framers.lengthPrefixed().maxFrameLength());
    }

    private static byte[] encode(Framer framer, byte[] payload) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer();
        framer.encode(payload, out);
        return ByteBufUtil.getBytes(out);
    }
}

package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.support.Feed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.framekit.framing.testing.Splits;

/** The fixed-length padded framer: exactly N bytes per frame, trailing pad bytes stripped. */
class FixedLengthFramerTest {
    private final FixedLengthFramer hashPadded = Framers.fixedLength(8).pad('#');

    @Test
    void encodesPayloadFollowedByPadBytesToTheFrameSize() throws Exception {
        assertArrayEquals(bytes(0x68, 0x69, 0x23, 0x23, 0x23, 0x23, 0x23, 0x23), encode(hashPadded, ascii("hi")));
    }

    @Test
    void padsWithZeroBytesByDefault() throws Exception {
        assertArrayEquals(bytes('h', 'i', 0, 0, 0), encode(Framers.fixedLength(5), ascii("hi")));
    }

    @Test
    void padsWithAnyByteValue() throws Exception {
        assertArrayEquals(bytes('h', 0xff, 0xff), encode(Framers.fixedLength(3).pad((byte) 0xff), ascii("h")));
    }

    @Test
    void encodesPayloadThatFillsTheFrameWithoutPadding() throws Exception {
        assertArrayEquals(ascii("12345678"), encode(hashPadded, ascii("12345678")));
    }

    @Test
    void encodesEmptyMessageAsAFrameOfPadding() throws Exception {
        assertArrayEquals(ascii("########"), encode(hashPadded, new byte[0]));
    }

    @Test
    void decodesFrameByStrippingTrailingPadBytesOnly() {
        DecodeOutcome outcome = decodeWhole(hashPadded, ascii("#a#b####"));

        assertTrue(outcome.hasFrames(List.of(ascii("#a#b"))), outcome.toString());
    }

    @Test
    void keepsPadBytesInTheMiddleOfAPayload() throws Exception {
        byte[] payload = ascii("a##b");

        assertArrayEquals(ascii("a##b####"), encode(hashPadded, payload));
        assertTrue(decodeWhole(hashPadded, ascii("a##b####")).hasFrames(List.of(payload)));
    }

    @Test
    void decodesFrameOfOnlyPadBytesAsEmptyMessage() {
        assertTrue(decodeWhole(hashPadded, ascii("########")).hasFrames(List.of(new byte[0])));
    }

    @Test
    void decodesBackToBackFramesAndKeepsTheRestBuffered() throws Exception {
        ByteBuf in = Unpooled.wrappedBuffer(ascii("one#####two#####thr"));
        FrameDecoder decoder = hashPadded.newDecoder();

        ByteBuf first = decoder.decode(in, false);

        assertArrayEquals(ascii("one"), ByteBufUtil.getBytes(first));
        assertEquals(11, in.readableBytes(), "exactly one frame was consumed");
        first.release();
        ByteBuf second = decoder.decode(in, false);
        assertArrayEquals(ascii("two"), ByteBufUtil.getBytes(second));
        second.release();
        assertNull(decoder.decode(in, false), "3 of 8 bytes: need more");
    }

    @Test
    void refusesPayloadEndingWithThePadByte() {
        MessageRefusedException refusal =
                assertThrows(MessageRefusedException.class, () -> encode(hashPadded, ascii("ab#")));

        assertTrue(refusal.getMessage().contains("pad byte 0x23 '#'"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("61 62 23"), "hex preview: " + refusal.getMessage());
    }

    @Test
    void refusesPayloadEndingWithTheDefaultZeroPad() {
        MessageRefusedException refusal =
                assertThrows(MessageRefusedException.class, () -> encode(Framers.fixedLength(8), bytes('a', 0)));

        assertTrue(refusal.getMessage().contains("0x00"), refusal.getMessage());
    }

    @Test
    void refusesPayloadLongerThanTheFrameGivingBothSizes() {
        MessageRefusedException refusal =
                assertThrows(MessageRefusedException.class, () -> encode(hashPadded, ascii("123456789")));

        assertTrue(refusal.getMessage().contains("9 bytes"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("hold 8"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("31 32 33"), "hex preview: " + refusal.getMessage());
        assertEquals(9, refusal.messageLength());
    }

    @Test
    void reportsShortFrameAtEndOfStreamWithBytesReceivedAndExpected() {
        DecodeOutcome outcome = decodeWhole(hashPadded, ascii("abc"));

        TruncatedFrameException truncated = (TruncatedFrameException) outcome.failure();
        assertEquals(3, truncated.bytesReceived());
        assertEquals(8, truncated.bytesExpected());
        assertTrue(truncated.getMessage().contains("3 of 8"), truncated.getMessage());
        assertTrue(truncated.getMessage().contains("61 62 63"), "hex preview: " + truncated.getMessage());
    }

    @Test
    void usesTheFrameSizeAsItsMaximumFrameLength() {
        assertEquals(8, hashPadded.maxFrameLength());
        assertEquals(8, hashPadded.frameSize());
        assertEquals((byte) '#', hashPadded.padByte());
    }

    @Test
    void changingThePadLeavesTheOriginalFramerAlone() throws Exception {
        FixedLengthFramer zeroPadded = Framers.fixedLength(4);

        FixedLengthFramer starPadded = zeroPadded.pad('*');

        assertArrayEquals(bytes('a', 0, 0, 0), encode(zeroPadded, ascii("a")));
        assertArrayEquals(ascii("a***"), encode(starPadded, ascii("a")));
    }

    private static byte[] encode(Framer framer, byte[] payload) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer();
        framer.encode(payload, out);
        return ByteBufUtil.getBytes(out);
    }

    private static DecodeOutcome decodeWhole(Framer framer, byte[] wire) {
        return Feed.throughDecoder(framer, wire, Splits.whole(wire.length));
    }
}

package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.allByteValues;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.TestFramers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The send-and-close framer: the payload, then the end of the stream. */
class SendAndCloseFramerTest {
    private final Framer framer = Framers.sendAndClose();

    @Test
    void encodesThePayloadAloneWithNoFramingBytes() throws Exception {
        ByteBuf out = Unpooled.buffer();

        framer.encode(allByteValues(), out);

        assertArrayEquals(allByteValues(), ByteBufUtil.getBytes(out));
    }

    @Test
    void carriesOneMessagePerConnection() {
        assertTrue(TestFramers.isSendAndClose(framer));
        assertFalse(TestFramers.isSendAndClose(Framers.lengthPrefixed()));
        assertFalse(TestFramers.isSendAndClose(Framers.lines()));
        assertFalse(TestFramers.isSendAndClose(Framers.fixedLength(4)));
    }

    @Test
    void encoderRefusesASecondMessageWithoutWritingAndIsFinished() throws Exception {
        FrameEncoder encoder = framer.newEncoder();
        ByteBuf out = Unpooled.buffer();
        assertFalse(encoder.isFinished(), "a fresh encoder takes a message");

        encoder.encode(Unpooled.wrappedBuffer(ascii("one")), out);
        MessageRefusedException second = encoder.check(Unpooled.wrappedBuffer(ascii("two")));

        assertTrue(encoder.isFinished(), "after one message the output must end");
        assertNotNull(second, "a second message is refused");
        assertTrue(second.getMessage().contains("one message"), second.getMessage());
        assertThrows(MessageRefusedException.class, () -> encoder.encode(Unpooled.wrappedBuffer(ascii("two")), out));
        assertArrayEquals(ascii("one"), ByteBufUtil.getBytes(out), "the refusal wrote nothing");
        assertFalse(framer.newEncoder().isFinished(), "each connection's encoder starts afresh");
    }

    @Test
    void decodesEmptyStreamAtEndAsTheEmptyMessage() {
        assertTrue(Feed.sameEverySplit(framer, new byte[0]).hasFrames(List.of(new byte[0])));
    }

    @Test
    void returnsNothingUntilTheStreamEnds() throws Exception {
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.wrappedBuffer(ascii("hello"));

        assertNull(decoder.decode(in, false));
        assertEquals(5, in.readableBytes(), "nothing consumed before the end");
        ByteBuf message = decoder.decode(in, true);

        assertArrayEquals(ascii("hello"), ByteBufUtil.getBytes(message));
        message.release();
    }

    @Test
    void decodesEverythingUpToTheEndAsOneMessage() {
        byte[] wire = ascii("line one\nline two\n\0#*#");

        assertTrue(Feed.sameEverySplit(framer, wire).hasFrames(List.of(wire)));
    }

    @Test
    void deliversTheMessageOnceAndThenReportsTheEnd() throws Exception {
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.wrappedBuffer(ascii("hi"));
        decoder.decode(in, true).release();

        assertNull(decoder.decode(in, true));
        assertNull(decoder.decode(in, true));
    }

    @Test
    void failsAsSoonAsMoreThanTheMaximumArrivesBeforeTheEnd() throws Exception {
        Framer max10 = Framers.sendAndClose(10);
        FrameDecoder decoder = max10.newDecoder();
        ByteBuf in = Unpooled.buffer();
        in.writeBytes(ascii("0123456789"));
        assertNull(decoder.decode(in, false), "10 bytes: within the maximum");
        in.writeBytes(ascii("A"));

        FrameTooLongException tooLong = assertThrows(FrameTooLongException.class, () -> decoder.decode(in, false));

        assertEquals(11, tooLong.frameLength());
        assertEquals(10, tooLong.maxFrameLength());
        assertTrue(tooLong.getMessage().contains("10 bytes"), tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("30 31 32"), "hex preview: " + tooLong.getMessage());
    }

    @Test
    void acceptsMessageOfExactlyTheMaximum() {
        assertTrue(Feed.sameEverySplit(Framers.sendAndClose(10), ascii("0123456789")).hasFrames(frames("0123456789")));
    }

    @Test
    void refusesToEncodeMessageOverTheMaximum() {
        MessageRefusedException refusal = assertThrows(MessageRefusedException.class,
                () -> Framers.sendAndClose(10).encode(ascii("0123456789A"), Unpooled.buffer()));

        assertTrue(refusal.getMessage().contains("11 bytes"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("10 bytes"), refusal.getMessage());
    }

    @Test
    void givesEachConnectionItsOwnDeliveredFlag() throws Exception {
        FrameDecoder first = framer.newDecoder();
        first.decode(Unpooled.wrappedBuffer(ascii("a")), true).release();

        ByteBuf second = framer.newDecoder().decode(Unpooled.wrappedBuffer(ascii("b")), true);

        assertArrayEquals(ascii("b"), ByteBufUtil.getBytes(assertInstanceOf(ByteBuf.class, second)));
        second.release();
    }
}

package dev.framekit.framing.netty;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.ForwardingFramer;
import dev.framekit.framing.Frame;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.MessageRefusedException;
import dev.framekit.framing.OversizePolicy;
import dev.framekit.framing.TruncatedFrameException;
import dev.framekit.framing.testing.Outcome;
import dev.framekit.framing.testing.Splits;
import dev.framekit.framing.websocket.WebSocketFramer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link FramerDecoder} and {@link FramerEncoder} in an {@link EmbeddedChannel}. */
class FramerCodecTest {
    private static final List<byte[]> MESSAGES = List.of(new byte[0], "hello".getBytes(UTF_8), "héllo ✓".getBytes(UTF_8),
            randomText(300), randomText(2000));

    static Stream<Arguments> framers() {
        return Stream.of(
                Arguments.of(Named.of("lines", Framers.lines())),
                Arguments.of(Named.of("delimiter #*#", Framers.delimiter("#*#"))),
                Arguments.of(Named.of("fixed 2000, pad #", Framers.fixedLength(2000).pad('#'))),
                Arguments.of(Named.of("length u32", Framers.lengthPrefixed())),
                Arguments.of(Named.of("length u16le", Framers.lengthPrefixed(LengthField.littleEndian(2)))),
                Arguments.of(Named.of("length varint", Framers.lengthPrefixed(LengthField.varint()))),
                Arguments.of(Named.of("length ascii:5", Framers.lengthPrefixed(LengthField.asciiDecimal(5)))),
                Arguments.of(Named.of("netstring", Framers.netstrings())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framers")
    void decodesWhatItsEncoderWroteSplitAtEveryPosition(Framer framer) {
        byte[] wire = Channels.encode(new EmbeddedChannel(new FramerEncoder(framer)), MESSAGES);

        assertFrames(framer, wire, Splits.whole(wire.length), "whole");
        assertFrames(framer, wire, Splits.oneBytePerRead(wire.length), "one byte per read");
        for (int position : Splits.positions(wire.length)) {
            assertFrames(framer, wire, Splits.splitAt(position, wire.length), "split after byte " + position);
        }
        for (long seed : Splits.SEEDS) {
            assertFrames(framer, wire, Splits.random(seed, wire.length), "seed " + seed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framers")
    void encodesExactlyWhatTheFramerEncodes(Framer framer) throws Exception {
        ByteBuf expected = Unpooled.buffer();
        for (byte[] message : MESSAGES) {
            framer.encode(message, expected);
        }

        byte[] wire = Channels.encode(new EmbeddedChannel(new FramerEncoder(framer)), MESSAGES);

        assertArrayEquals(io.netty.buffer.ByteBufUtil.getBytes(expected), wire);
    }

    @Test
    void deliversASendAndCloseMessageWhenTheInputEnds() {
        EmbeddedChannel channel = new EmbeddedChannel(new FramerDecoder(Framers.sendAndClose()));
        channel.writeInbound(Unpooled.copiedBuffer("hel", UTF_8));
        channel.writeInbound(Unpooled.copiedBuffer("lo", UTF_8));
        assertNull(channel.readInbound(), "nothing before the end of the stream");

        channel.finish();

        assertEquals(List.of("hello"), Channels.drainInbound(channel).stream().map(b -> new String(b, UTF_8)).toList());
    }

    @Test
    void deliversAnEmptySendAndCloseMessageOnceWhenTheInputEndsWithNoBytes() {
        EmbeddedChannel channel = new EmbeddedChannel(new FramerDecoder(Framers.sendAndClose()));

        channel.finish();

        assertEquals(List.of(""), Channels.drainInbound(channel).stream().map(b -> new String(b, UTF_8)).toList());
    }

    @Test
    void reportsAFrameCutShortByTheEndOfTheStream() {
        EmbeddedChannel channel = new EmbeddedChannel(new FramerDecoder(Framers.lengthPrefixed()));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 5, 'h', 'e'}));

        DecoderException e = assertThrows(DecoderException.class, channel::finish);

        TruncatedFrameException truncated = assertInstanceOf(TruncatedFrameException.class, e.getCause());
        assertEquals(6, truncated.bytesReceived());
        assertEquals(9, truncated.bytesExpected());
    }

    @Test
    void aWebSocketControlFrameIsConsumedAndOnlyMessagesGoDownThePipeline() {
        EmbeddedChannel channel = new EmbeddedChannel(new FramerDecoder(WebSocketFramer.client()));

        // A server's PING "p!", then its TEXT "hi" (unmasked, as a server sends).
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x89, 0x02, 'p', '!', (byte) 0x81, 0x02, 'h', 'i'}));

        assertEquals(List.of("hi"), Channels.drainInbound(channel).stream().map(b -> new String(b, UTF_8)).toList(),
                "the ping is not a message");
    }

    @Test
    void anyFramingsControlFrameIsConsumedNotOnlyAWebSocketOne() {
        // Lines, where a line starting with '!' is a control frame: the decoder hands it out typed.
        Framer controlLines = new ForwardingFramer(Framers.lines()) {
            @Override
            public FrameDecoder newDecoder() {
                FrameDecoder lines = super.newDecoder();
                return new FrameDecoder() {
                    @Override
                    public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
                        return lines.decode(in, endOfStream);
                    }

                    @Override
                    public Frame decodeFrame(ByteBuf in, boolean endOfStream) throws FramingException {
                        ByteBuf line = decode(in, endOfStream);
                        if (line == null || !line.isReadable() || line.getByte(line.readerIndex()) != '!') {
                            return line == null ? null : Frame.of(line);
                        }
                        return new Frame(Unpooled.EMPTY_BUFFER, line) {
                            @Override
                            public boolean isControl() {
                                return true;
                            }
                        };
                    }
                };
            }
        };
        EmbeddedChannel channel = new EmbeddedChannel(new FramerDecoder(controlLines));

        channel.writeInbound(Unpooled.copiedBuffer("one\n!ping\ntwo\n", UTF_8));

        assertEquals(List.of("one", "two"), Channels.drainInbound(channel).stream().map(b -> new String(b, UTF_8)).toList(),
                "the control line is not a message");
    }

    @Test
    void reportsAnOversizedLineOnceAndDeliversTheLinesAfterItInTheSameRead() {
        EmbeddedChannel channel = new EmbeddedChannel(new FramerDecoder(Framers.lines().withMaxFrameLength(5)));

        DecoderException e = assertThrows(DecoderException.class,
                () -> channel.writeInbound(Unpooled.copiedBuffer("ok\nmuch too long\nfine\n", UTF_8)));

        assertTrue(assertInstanceOf(FrameTooLongException.class, e.getCause()).getMessage().contains("reading again skips this frame"));
        assertEquals(List.of("ok", "fine"), Channels.drainInbound(channel).stream().map(b -> new String(b, UTF_8)).toList());
        channel.writeInbound(Unpooled.copiedBuffer("more\n", UTF_8));
        assertEquals(List.of("more"), Channels.drainInbound(channel).stream().map(b -> new String(b, UTF_8)).toList());
    }

    @Test
    void skipsAnOversizedLengthPrefixedFrameUnderTheSkipPolicy() {
        LengthPrefixFramer skipping = LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(2))
                .maxFrameLength(4).onOversize(OversizePolicy.SKIP).build();
        EmbeddedChannel channel = new EmbeddedChannel(new FramerDecoder(skipping));

        assertThrows(DecoderException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(
                new byte[] {0, 2, 'h', 'i', 0, 6, 'x', 'x', 'x'})));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'x', 'x', 'x', 0, 2, 'o', 'k'}));

        assertEquals(List.of("hi", "ok"), Channels.drainInbound(channel).stream().map(b -> new String(b, UTF_8)).toList());
    }

    @Test
    void dropsAllInputAfterAnErrorThatCannotBeResumed() {
        EmbeddedChannel channel = new EmbeddedChannel(new FramerDecoder(Framers.lengthPrefixed().withMaxFrameLength(4)));

        DecoderException e = assertThrows(DecoderException.class, () -> channel.writeInbound(
                Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 2, 'h', 'i', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff})));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 2, 'o', 'k'}));

        assertInstanceOf(FrameTooLongException.class, e.getCause());
        assertEquals(List.of("hi"), Channels.drainInbound(channel).stream().map(b -> new String(b, UTF_8)).toList());
    }

    @Test
    void refusesAMessageTheFramerCannotCarryWritingNothingAndStaysUsable() {
        EmbeddedChannel channel = new EmbeddedChannel(new FramerEncoder(Framers.delimiter("#*#")));
        ByteBuf refused = Unpooled.copiedBuffer("a#*#b", UTF_8);

        EncoderException e = assertThrows(EncoderException.class, () -> channel.writeOutbound(refused));

        assertInstanceOf(MessageRefusedException.class, e.getCause());
        assertEquals(0, refused.refCnt(), "the refused message was released, as Netty's encoders do");
        assertNull(channel.readOutbound(), "nothing was written");
        channel.writeOutbound(Unpooled.copiedBuffer("ok", UTF_8));
        assertEquals("ok#*#", new String(Channels.drainOutbound(channel), UTF_8));
    }

    private static void assertFrames(Framer framer, byte[] wire, int[] chunks, String how) {
        List<byte[]> frames = Channels.decodeInChunks(new EmbeddedChannel(new FramerDecoder(framer)), wire, chunks);
        assertTrue(Outcome.sameFrames(MESSAGES, frames), how + ": got " + frames.size() + " frames");
    }

    private static byte[] randomText(int length) {
        Random random = new Random(length);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) ('a' + random.nextInt(26));
        }
        return out;
    }
}

package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bigEndian;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.FixtureBytes;
import dev.framekit.framing.testing.Splits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link OversizePolicy#SKIP}: an oversized frame is reported once, its declared bytes are dropped
 * as they arrive without being buffered, and the next frame decodes, however the stream is split.
 */
class OversizeSkipTest {
    private static final int MAX = 10;

    /** Each skipping variant, with its wire format written out independently. */
    static Stream<Arguments> variants() {
        return Stream.of(
                variant("u8", LengthField.bigEndian(1), p -> concat(bigEndian(p.length, 1), p)),
                variant("u16le counting the header", LengthField.littleEndian(2), true,
                        p -> concat(FixtureBytes.littleEndian(p.length + 2, 2), p)),
                variant("u32", LengthField.DEFAULT, p -> concat(bigEndian(p.length, 4), p)),
                variant("u64", LengthField.bigEndian(8), p -> concat(bigEndian(p.length, 8), p)),
                variant("varint", LengthField.varint(), p -> concat(FixtureBytes.varint(p.length), p)),
                variant("ascii:5", LengthField.asciiDecimal(5), p -> concat(FixtureBytes.zfill(p.length, 5), p)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void reportsTheOversizedFrameOnceThenDecodesTheNextAtEverySplitPoint(Variant variant) {
        byte[] oversized = ascii("this frame is too long");
        byte[] wire = concat(variant.wire(ascii("hi")), variant.wire(oversized), variant.wire(ascii("ok")),
                variant.wire(oversized), variant.wire(ascii("")), variant.wire(ascii("end")));
        List<String> expected = List.of("hi", "too long: 22", "ok", "too long: 22", "", "end", "clean end");

        assertEquals(expected, decode(variant.framer, wire, Splits.whole(wire.length)));
        assertEquals(expected, decode(variant.framer, wire, Splits.oneBytePerRead(wire.length)), "one byte per read");
        for (int position : Splits.positions(wire.length)) {
            assertEquals(expected, decode(variant.framer, wire, Splits.splitAt(position, wire.length)),
                    "split after byte " + position);
        }
        for (long seed : Splits.SEEDS) {
            assertEquals(expected, decode(variant.framer, wire, Splits.random(seed, wire.length)), "seed " + seed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void resyncsThroughAFrameReaderToo(Variant variant) throws Exception {
        byte[] wire = concat(variant.wire(ascii("hi")), variant.wire(ascii("this frame is too long")),
                variant.wire(ascii("ok")));
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), variant.framer);

        assertEquals("hi", reader.readString());
        FrameTooLongException tooLong = assertThrows(FrameTooLongException.class, reader::readString);
        assertTrue(tooLong.isSkipped());
        assertTrue(tooLong.getMessage().contains("reading again skips this frame"), tooLong.getMessage());
        assertEquals("ok", reader.readString());
        assertNull(reader.readString());
    }

    @Test
    void dropsAHugeDeclaredFrameAsItArrivesWithoutBufferingIt() throws Exception {
        LengthPrefixFramer framer = LengthPrefixFramer.builder().lengthField(LengthField.bigEndian(8))
                .onOversize(OversizePolicy.SKIP).build();
        int body = 8 << 20;
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.buffer(64 * 1024);
        in.writeBytes(bigEndian(body, 8));
        assertThrows(FrameTooLongException.class, () -> decoder.decode(in, false));

        byte[] chunk = new byte[64 * 1024];
        for (int sent = 0; sent < body; sent += chunk.length) {
            in.writeBytes(chunk);
            assertNull(decoder.decode(in, false));
            assertEquals(0, in.readableBytes(), "the oversized frame's bytes are dropped, not kept");
            in.discardReadBytes();
        }
        in.writeBytes(bigEndian(2, 8)).writeBytes(ascii("ok"));
        ByteBuf frame = decoder.decode(in, false);

        assertEquals("ok", frame.toString(java.nio.charset.StandardCharsets.US_ASCII));
        frame.release();
        assertTrue(in.capacity() <= 128 * 1024, "the buffer stayed at the size of a read: " + in.capacity());
    }

    @Test
    void endsCleanlyWhenTheStreamEndsInsideASkippedFrame() {
        Framer framer = LengthPrefixFramer.builder().onOversize(OversizePolicy.SKIP).maxFrameLength(MAX).build();
        byte[] wire = concat(bigEndian(2, 4), ascii("hi"), bigEndian(100, 4), ascii("only part of it"));

        assertEquals(List.of("hi", "too long: 100", "clean end"), decode(framer, wire, Splits.whole(wire.length)));
        assertEquals(List.of("hi", "too long: 100", "clean end"), decode(framer, wire, Splits.oneBytePerRead(wire.length)));
    }

    @Test
    void failsForGoodByDefault() {
        Framer framer = Framers.lengthPrefixed().withMaxFrameLength(MAX);
        byte[] wire = concat(bigEndian(11, 4), ascii("0123456789A"), bigEndian(2, 4), ascii("ok"));

        FrameTooLongException tooLong = (FrameTooLongException) Feed.sameEverySplit(framer, wire).failure();

        assertFalse(tooLong.isSkipped());
        assertEquals(OversizePolicy.FAIL, Framers.lengthPrefixed().oversizePolicy());
    }

    /**
     * Decodes like a connection that carries on after a resumable error: the events are the frames
     * as text, one {@code too long: N} per oversized frame, then how the stream ended.
     */
    private static List<String> decode(Framer framer, byte[] wire, int[] chunks) {
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.buffer();
        List<String> events = new ArrayList<>();
        int offset = 0;
        for (int chunk : chunks) {
            in.writeBytes(wire, offset, chunk);
            offset += chunk;
            if (!drain(decoder, in, false, events)) {
                return events;
            }
            in.discardSomeReadBytes();
        }
        if (drain(decoder, in, true, events)) {
            events.add("clean end");
        }
        return events;
    }

    /** Decodes until null; false if the stream failed for good. */
    private static boolean drain(FrameDecoder decoder, ByteBuf in, boolean endOfStream, List<String> events) {
        while (true) {
            try {
                ByteBuf frame = decoder.decode(in, endOfStream);
                if (frame == null) {
                    return true;
                }
                events.add(new String(ByteBufUtil.getBytes(frame), java.nio.charset.StandardCharsets.UTF_8));
                frame.release();
            } catch (FrameTooLongException e) {
                events.add("too long: " + e.frameLength());
                if (!e.isSkipped()) {
                    return false;
                }
            } catch (FramingException e) {
                events.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                return false;
            }
        }
    }

    private static Arguments variant(String name, LengthField field, Function<byte[], byte[]> wireOf) {
        return variant(name, field, false, wireOf);
    }

    private static Arguments variant(String name, LengthField field, boolean includesHeader,
            Function<byte[], byte[]> wireOf) {
        LengthPrefixFramer.Builder builder = LengthPrefixFramer.builder().lengthField(field)
                .onOversize(OversizePolicy.SKIP).maxFrameLength(MAX);
        if (includesHeader) {
            builder.lengthIncludesHeader();
        }
        return Arguments.of(Named.of(name, new Variant(builder.build(), wireOf)));
    }

    /** A skipping framer and its wire format. */
    record Variant(Framer framer, Function<byte[], byte[]> wireOf) {
        byte[] wire(byte[] payload) {
            return wireOf.apply(payload);
        }
    }
}

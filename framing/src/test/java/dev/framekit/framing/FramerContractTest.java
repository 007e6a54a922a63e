package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.FixtureBytes;
import dev.framekit.framing.support.FramerFixture;
import dev.framekit.framing.support.IllegalMessage;
import dev.framekit.framing.support.Payload;
import dev.framekit.framing.support.TestFramers;
import dev.framekit.framing.support.WireInput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.framekit.framing.testing.FramerConformance;
import dev.framekit.framing.testing.Splits;

/**
 * The one contract every framer keeps, run against each {@link FramerFixture}: valid messages
 * round-trip, illegal ones are refused before anything is written, and every stream of wire
 * bytes decodes to the same frames and the same ending however it is split into reads: whole,
 * one byte per read, split in two at every position, and in seeded random chunks, through a bare
 * {@link FrameDecoder} and through a {@link FrameReader}.
 */
class FramerContractTest {
    /** Bytes already in an output buffer before a frame is appended: they must survive. */
    private static final byte[] PRIOR = ascii("prior");

    /** Bytes around a message's readable bytes: delimiters and pad bytes that must be ignored. */
    private static final byte[] JUNK = ascii("#*#\n\0#");

    // ---- encoding ----

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validMessages")
    void encodesValidMessageExactlyAsTheWireFormatSays(FramerFixture fixture, Payload message) throws Exception {
        ByteBuf out = Unpooled.buffer().writeBytes(PRIOR);
        ByteBuf in = Unpooled.wrappedBuffer(message.bytes());

        fixture.framer().encode(in, out);

        assertArrayEquals(concat(PRIOR, fixture.wireOf().apply(message.bytes())), ByteBufUtil.getBytes(out));
        assertEquals(0, in.readerIndex(), "encode leaves the message's reader index alone");
        assertEquals(message.bytes().length, in.writerIndex(), "encode leaves the message's writer index alone");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validMessages")
    void encodesOnlyTheReadableBytesOfTheMessage(FramerFixture fixture, Payload message) throws Exception {
        ByteBuf in = Unpooled.buffer().writeBytes(JUNK).writeBytes(message.bytes()).writeBytes(JUNK);
        in.setIndex(JUNK.length, JUNK.length + message.bytes().length);
        ByteBuf out = Unpooled.buffer();

        fixture.framer().encode(in, out);

        assertArrayEquals(fixture.wireOf().apply(message.bytes()), ByteBufUtil.getBytes(out));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validMessages")
    void roundTripsValidMessage(FramerFixture fixture, Payload message) throws Exception {
        ByteBuf wire = Unpooled.buffer();
        fixture.framer().encode(message.bytes(), wire);
        FrameDecoder decoder = fixture.framer().newDecoder();

        ByteBuf frame = decoder.decode(wire, TestFramers.isSendAndClose(fixture.framer()));

        assertNotNull(frame, "a whole frame decodes");
        assertArrayEquals(message.bytes(), ByteBufUtil.getBytes(frame));
        frame.release();
        assertFalse(wire.isReadable(), "the frame's bytes, and only those, were consumed");
        assertNull(decoder.decode(wire, true), "the stream then ends cleanly");
        assertEquals(1, wire.refCnt(), "the released frame gave its reference back");
    }

    /** The parts a writer calls for a large payload: check, header, payload, trailer. */
    private static void encodeInParts(FrameEncoder encoder, ByteBuf message, ByteBuf out) throws MessageRefusedException {
        MessageRefusedException refusal = encoder.check(message);
        if (refusal != null) {
            throw refusal;
        }
        int length = message.readableBytes();
        encoder.writeHeader(length, out);
        encoder.writePayload(message, out);
        encoder.writeTrailer(length, out);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("validMessages")
    void theOneCallEncodeWritesWhatThePartsWrite(FramerFixture fixture, Payload message) throws Exception {
        ByteBuf whole = Unpooled.buffer();
        ByteBuf parts = Unpooled.buffer();

        fixture.framer().newEncoder().encode(Unpooled.wrappedBuffer(message.bytes()), whole);
        encodeInParts(fixture.framer().newEncoder(), Unpooled.wrappedBuffer(message.bytes()), parts);

        assertArrayEquals(ByteBufUtil.getBytes(parts), ByteBufUtil.getBytes(whole),
                "FrameWriter sends a small message with encode and a large one in parts: the same bytes");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("illegalMessages")
    void theOneCallEncodeRefusesWhatThePartsRefuse(FramerFixture fixture, IllegalMessage illegal) {
        MessageRefusedException whole = assertThrows(MessageRefusedException.class,
                () -> illegal.framer().newEncoder().encode(Unpooled.wrappedBuffer(illegal.payload()), Unpooled.buffer()));
        MessageRefusedException parts = assertThrows(MessageRefusedException.class,
                () -> encodeInParts(illegal.framer().newEncoder(), Unpooled.wrappedBuffer(illegal.payload()), Unpooled.buffer()));
        assertEquals(parts.getMessage(), whole.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("illegalMessages")
    void refusesIllegalMessageWithoutWritingAnything(FramerFixture fixture, IllegalMessage illegal) {
        ByteBuf out = Unpooled.buffer().writeBytes(PRIOR);
        ByteBuf in = Unpooled.wrappedBuffer(illegal.payload());

        MessageRefusedException refusal =
                assertThrows(MessageRefusedException.class, () -> illegal.framer().encode(in, out));

        assertEquals(PRIOR.length, out.writerIndex(), "nothing was written");
        assertArrayEquals(PRIOR, ByteBufUtil.getBytes(out), "what was there before is intact");
        assertEquals(0, in.readerIndex(), "the message was not consumed");
        assertEquals(illegal.payload().length, refusal.messageLength());
        String text = refusal.getMessage();
        for (String mention : illegal.mentions()) {
            assertTrue(text.contains(mention), "the message mentions '" + mention + "': " + text);
        }
        assertTrue(text.contains(FixtureBytes.hex(illegal.payload(), 3)), "the message shows a hex preview: " + text);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("illegalMessages")
    void refusesIllegalMessageFromTheMiddleOfABuffer(FramerFixture fixture, IllegalMessage illegal) {
        ByteBuf in = Unpooled.buffer().writeBytes(ascii("x")).writeBytes(illegal.payload()).writeBytes(ascii("x"));
        in.setIndex(1, 1 + illegal.payload().length);
        ByteBuf out = Unpooled.buffer();

        assertThrows(MessageRefusedException.class, () -> illegal.framer().encode(in, out));

        assertEquals(0, out.writerIndex(), "nothing was written");
    }

    // ---- decoding, however the stream is split ----

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wireInputs")
    void decodesInputFedWhole(FramerFixture fixture, WireInput input) {
        DecodeOutcome whole = Feed.throughDecoder(input.framer(), input.wire(), Splits.whole(input.wire().length));

        assertExpected(input, whole);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wireInputs")
    void decodesInputFedOneBytePerRead(FramerFixture fixture, WireInput input) {
        DecodeOutcome whole = expectedOutcome(input);

        DecodeOutcome oneByte = Feed.throughDecoder(input.framer(), input.wire(), Splits.oneBytePerRead(input.wire().length));

        assertEquals(whole, oneByte, "fed one byte per read");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wireInputs")
    void decodesInputSplitAcrossTwoReadsAtEveryPosition(FramerFixture fixture, WireInput input) {
        DecodeOutcome whole = expectedOutcome(input);
        int length = input.wire().length;

        for (int position : Splits.positions(length)) {
            DecodeOutcome split = Feed.throughDecoder(input.framer(), input.wire(), Splits.splitAt(position, length));
            assertEquals(whole, split, "split after byte " + position);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wireInputs")
    void decodesInputInSeededRandomChunks(FramerFixture fixture, WireInput input) {
        DecodeOutcome whole = expectedOutcome(input);

        for (long seed : Splits.SEEDS) {
            int[] chunks = Splits.random(seed, input.wire().length);
            assertEquals(whole, Feed.throughDecoder(input.framer(), input.wire(), chunks),
                    "random chunks with seed " + seed);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wireInputs")
    void readsInputThroughFrameReaderHoweverTheStreamIsSplit(FramerFixture fixture, WireInput input) {
        DecodeOutcome whole = expectedOutcome(input);
        int length = input.wire().length;

        assertEquals(whole, Feed.throughReader(input.framer(), input.wire(), Splits.whole(length)), "one big read");
        assertEquals(whole, Feed.throughReader(input.framer(), input.wire(), Splits.oneBytePerRead(length)),
                "one byte per read");
        for (long seed : Splits.SEEDS) {
            assertEquals(whole, Feed.throughReader(input.framer(), input.wire(), Splits.random(seed, length)),
                    "random reads with seed " + seed);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("tooLongInputsThatFailEarly")
    void failsOnTooLongFrameAsSoonAsTheLimitIsPassed(FramerFixture fixture, WireInput input) throws Exception {
        FrameDecoder decoder = input.framer().newDecoder();
        ByteBuf in = Unpooled.buffer(input.wire().length);
        in.writeBytes(input.wire(), 0, input.failsWithin() - 1);
        List<byte[]> frames = new ArrayList<>();

        Feed.drain(decoder, in, false, frames, input.wire().length);
        assertTrue(new DecodeOutcome(frames, null).hasFrames(input.frames()),
                "one byte short of the limit, the frames before are out and nothing failed");

        in.writeByte(input.wire()[input.failsWithin() - 1]);
        int capacity = in.capacity();
        FrameTooLongException tooLong = assertThrows(FrameTooLongException.class, () -> decoder.decode(in, false));

        assertEquals(input.ending(), DecodeOutcome.signatureOf(tooLong));
        assertEquals(capacity, in.capacity(), "nothing was allocated for the frame");
        assertTrue(tooLong.getMessage().contains(String.valueOf(tooLong.maxFrameLength())),
                "the message gives the limit: " + tooLong.getMessage());
        // withMaxFrameLength(n) on the framer, or the maxFrameLength of a Framers factory (Framers.cobs(maxFrameLength))
        assertTrue(tooLong.getMessage().contains("withMaxFrameLength") || tooLong.getMessage().contains("(maxFrameLength"),
                "the message says how to raise the limit: " + tooLong.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void endsCleanlyBetweenFrames(FramerFixture fixture) throws Exception {
        Framer framer = fixture.framer();
        List<Payload> messages = TestFramers.isSendAndClose(framer)
                ? fixture.validMessages().subList(0, 1) : fixture.validMessages();
        ByteBuf wire = Unpooled.buffer();
        for (Payload message : messages) {
            framer.encode(message.bytes(), wire);
        }
        FrameDecoder decoder = framer.newDecoder();
        List<byte[]> frames = new ArrayList<>();

        Feed.drain(decoder, wire, true, frames, wire.readableBytes());

        assertEquals(messages.size(), frames.size(), "every frame came out before the end");
        assertNull(decoder.decode(wire, true), "after the last frame, the end is clean");
        assertNull(decoder.decode(wire, true), "and stays clean");
        assertEquals(0, wire.readableBytes());
    }

    /**
     * A frame comes out only once its last byte is in: before that the decoder needs more, and
     * consumes nothing but a separator in front of the frame (SLIP's leading END, json-seq's RS),
     * as progress.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("smallValidMessages")
    void needsMoreBytesForEveryProperPrefixOfAFrame(FramerFixture fixture, Payload message) throws Exception {
        byte[] wire = fixture.wireOf().apply(message.bytes());
        FrameDecoder decoder = fixture.framer().newDecoder();
        ByteBuf in = Unpooled.buffer(wire.length);
        int separator = leadingSeparatorLength(fixture.framer(), wire);

        for (int length = 0; length < wire.length; length++) {
            assertNull(decoder.decode(in, false), "need more after " + length + " of " + wire.length + " bytes");
            assertEquals(length - Math.min(length, separator), in.readableBytes(),
                    "nothing consumed after " + length + " bytes but a leading separator of " + separator);
            in.writeByte(wire[length]);
        }
        ByteBuf frame = decoder.decode(in, TestFramers.isSendAndClose(fixture.framer()));

        assertNotNull(frame, "the last byte completes the frame");
        assertArrayEquals(message.bytes(), ByteBufUtil.getBytes(frame));
        frame.release();
    }

    /** How many bytes a new decoder consumes off the front of {@code wire} before the frame: 0 or 1. */
    private static int leadingSeparatorLength(Framer framer, byte[] wire) throws FramingException {
        ByteBuf first = Unpooled.wrappedBuffer(wire, 0, Math.min(1, wire.length));
        ByteBuf frame = framer.newDecoder().decode(first, false);
        if (frame != null) {
            frame.release();
            return 0;
        }
        return first.readerIndex();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void keepsEachConnectionsDecodeStateInItsOwnDecoder(FramerFixture fixture) throws Exception {
        List<Payload> small = fixture.validMessages().stream().filter(m -> m.bytes().length <= 1024).toList();
        List<byte[]> expectedA = new ArrayList<>();
        List<byte[]> expectedB = new ArrayList<>();
        if (TestFramers.isSendAndClose(fixture.framer())) {
            expectedA.add(small.get(1).bytes());
            expectedB.add(small.get(2).bytes());
        } else {
            small.forEach(m -> expectedA.add(m.bytes()));
            small.forEach(m -> expectedB.add(0, m.bytes()));
        }
        byte[] wireA = concat(expectedA.stream().map(fixture.wireOf()).toArray(byte[][]::new));
        byte[] wireB = concat(expectedB.stream().map(fixture.wireOf()).toArray(byte[][]::new));
        Connection a = new Connection(fixture.framer());
        Connection b = new Connection(fixture.framer());

        for (int i = 0; i < Math.max(wireA.length, wireB.length); i++) {
            a.receive(wireA, i);
            b.receive(wireB, i);
        }
        a.end();
        b.end();

        assertTrue(new DecodeOutcome(a.frames, null).hasFrames(expectedA), "connection A's frames");
        assertTrue(new DecodeOutcome(b.frames, null).hasFrames(expectedB), "connection B's frames");
    }

    // ---- the conformance kit users run ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void passesTheConformanceKitThatUsersRunOnTheirOwnFramers(FramerFixture fixture) {
        List<byte[]> valid = fixture.validMessages().stream().map(Payload::bytes).toList();
        Map<Framer, List<byte[]>> illegalByFramer = new LinkedHashMap<>();
        illegalByFramer.put(fixture.framer(), new ArrayList<>());
        for (IllegalMessage illegal : fixture.illegalMessages()) {
            illegalByFramer.computeIfAbsent(illegal.framer(), f -> new ArrayList<>()).add(illegal.payload());
        }

        illegalByFramer.forEach((framer, illegal) -> FramerConformance.check(framer,
                framer == fixture.framer() ? valid : List.of(valid.get(0)), illegal));
    }

    // ---- helpers ----

    /** One connection's buffer and decoder, fed one byte at a time. */
    private static final class Connection {
        final FrameDecoder decoder;
        final ByteBuf in = Unpooled.buffer();
        final List<byte[]> frames = new ArrayList<>();

        Connection(Framer framer) {
            decoder = framer.newDecoder();
        }

        void receive(byte[] wire, int index) throws FramingException {
            if (index < wire.length) {
                in.writeByte(wire[index]);
                Feed.drain(decoder, in, false, frames, wire.length);
            }
        }

        void end() throws FramingException {
            Feed.drain(decoder, in, true, frames, Integer.MAX_VALUE - 1);
        }
    }

    /** The outcome of feeding the input whole, after checking it is the one the fixture expects. */
    private static DecodeOutcome expectedOutcome(WireInput input) {
        DecodeOutcome whole = Feed.throughDecoder(input.framer(), input.wire(), Splits.whole(input.wire().length));
        assertExpected(input, whole);
        return whole;
    }

    private static void assertExpected(WireInput input, DecodeOutcome outcome) {
        assertEquals(input.ending(), outcome.signature(), () -> "how the stream ends; got " + outcome);
        assertTrue(outcome.hasFrames(input.frames()),
                () -> "expected " + new DecodeOutcome(input.frames(), null) + ", got " + outcome);
    }

    static Stream<FramerFixture> fixtures() {
        return FramerFixture.all().stream();
    }

    static Stream<Arguments> validMessages() {
        return fixtures().flatMap(f -> f.validMessages().stream().map(m -> arguments(f, m)));
    }

    static Stream<Arguments> smallValidMessages() {
        return validMessages().filter(a -> ((Payload) a.get()[1]).bytes().length <= 1024);
    }

    static Stream<Arguments> illegalMessages() {
        return fixtures().flatMap(f -> f.illegalMessages().stream().map(m -> arguments(f, m)));
    }

    static Stream<Arguments> wireInputs() {
        return fixtures().flatMap(f -> f.allInputs().stream().map(input -> arguments(f, input)));
    }

    static Stream<Arguments> tooLongInputsThatFailEarly() {
        return fixtures().flatMap(f -> f.limitInputs().stream()
                .filter(input -> input.failsWithin() > 0)
                .map(input -> arguments(f, input)));
    }
}

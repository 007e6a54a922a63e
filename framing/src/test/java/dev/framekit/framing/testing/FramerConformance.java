package dev.framekit.framing.testing;

import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The conformance kit for a {@link Framer}: the contract framekit's own framers pass, for a
 * framer of your own. It throws {@link AssertionError} with a message naming the case, so it runs
 * under any test framework.
 *
 * <pre>{@code
 * // in your test sources, with dev.framekit:framing:<version>:test-jar (scope test) on the path
 * @Test
 * void myFramerKeepsTheFramingContract() {
 *     FramerConformance.check(new MyFramer(),
 *             List.of(new byte[0], "hello".getBytes(UTF_8), bigPayload),   // messages it must carry
 *             List.of(messageItMustRefuse));                               // messages it must refuse
 * }
 * }</pre>
 *
 * <p>What it checks:
 *
 * <ul>
 *   <li><b>Encoding.</b> Every valid message passes {@link Framer#check}, is appended after bytes
 *       already in the output without disturbing them, takes exactly its length plus
 *       {@link Framer#overhead} bytes (at most that, for an encoder that rewrites the payload:
 *       COBS, SLIP), leaves the message's indices alone, is written the same by
 *       {@link FrameEncoder#encode(ByteBuf, ByteBuf)} (how a {@code FrameWriter} frames a small
 *       message) and by its parts, {@code check}, {@code writeHeader}, {@code writePayload} and
 *       {@code writeTrailer} (how it frames a large one), and decodes back to itself. Every illegal message is refused by {@code check}, by {@code encode} and by the
 *       connection's {@link FrameEncoder}, with <b>nothing written</b> and the right length in
 *       the refusal.
 *   <li><b>One message per connection.</b> If the framer's encoder is
 *       {@link FrameEncoder#isFinished() finished} after one message, a second is refused without
 *       writing, and each valid message is checked as a stream of its own; otherwise the valid
 *       messages are checked back to back on one stream, written by one encoder.
 *   <li><b>Split invariance.</b> Each stream decodes to the same frames and the same ending
 *       (clean, or the same exception with the same message) fed whole, one byte per read, split
 *       in two at every position (sampled for streams over {@value Splits#EVERY_POSITION_LIMIT}
 *       bytes), in seeded random chunks ({@link Splits#SEEDS}), and through a
 *       {@code FrameReader} the same ways; its typed path, {@code FrameReader.read()}, hands out
 *       the same payloads.
 *   <li><b>End of stream.</b> The empty stream and the end after the last frame are clean, and
 *       stay clean on further calls; every stream cut short by one byte gives an outcome that
 *       does not depend on the split and is not mistaken for the whole stream.
 *   <li><b>The decoder contract.</b> A {@code decode} that returns {@code null} consumes nothing,
 *       or only bytes from the front (progress: it is called again); every frame handed out,
 *       once released, gives its reference back.
 * </ul>
 */
public final class FramerConformance {
    /** Bytes already in an output buffer before a frame is appended: they must survive. */
    private static final byte[] PRIOR = {'p', 'r', 'i', 'o', 'r'};

    private FramerConformance() {}

    /**
     * Runs the whole kit on {@code framer}.
     *
     * @param framer the framer under test
     * @param validMessages messages it must carry (at least one; include the empty message if it
     *     can carry it, and one large message to exercise the writer's direct path)
     * @param illegalMessages messages it must refuse (may be empty)
     * @throws AssertionError naming the first case that breaks the contract
     */
    public static void check(Framer framer, List<byte[]> validMessages, List<byte[]> illegalMessages) {
        if (validMessages.isEmpty()) {
            throw new IllegalArgumentException("give at least one valid message");
        }
        for (byte[] message : validMessages) {
            checkEncodes(framer, message);
        }
        for (byte[] message : illegalMessages) {
            checkRefuses(framer, message);
        }
        for (Stream stream : streams(framer, validMessages)) {
            checkStream(framer, stream);
        }
    }

    // ---- encoding ----

    private static void checkEncodes(Framer framer, byte[] message) {
        String what = framer + ", valid message of " + message.length + " bytes";
        MessageRefusedException refusal = framer.check(Unpooled.wrappedBuffer(message));
        require(refusal == null, what + ": check refused it: " + (refusal == null ? "" : refusal.getMessage()));
        ByteBuf in = Unpooled.wrappedBuffer(message);
        ByteBuf out = Unpooled.buffer().writeBytes(PRIOR);
        byte[] wire = encodeOrFail(framer, in, out, what);
        require(in.readerIndex() == 0 && in.writerIndex() == message.length, what + ": encode moved the message's indices");
        require(Arrays.equals(PRIOR, Arrays.copyOf(wire, PRIOR.length)), what + ": encode disturbed bytes already in the output");
        int written = wire.length - PRIOR.length;
        int bound = message.length + framer.overhead(message.length);
        if (framer.newEncoder().sendsPayloadUnchanged()) {
            require(written == bound, what + ": encode wrote " + written
                    + " bytes, but the message's length plus overhead(" + message.length + ") is " + bound);
        } else {
            require(written <= bound, what + ": encode wrote " + written + " bytes, more than the message's length"
                    + " plus overhead(" + message.length + "), " + bound + ", the most a rewriting encoder may add");
        }
        byte[] frame = Arrays.copyOfRange(wire, PRIOR.length, wire.length);
        checkPartsAgree(framer, message, frame, what);
        Outcome decoded = Outcome.decode(framer, frame, Splits.whole(written));
        require(decoded.isClean() && decoded.hasFrames(List.of(message)), what + ": decodes back as " + decoded);
    }

    /**
     * Frames the message as a writer frames a large payload, through the encoder's parts (check,
     * header, payload, trailer), and requires what {@code encode} wrote: the same bytes from an
     * encoder that sends payloads unchanged; else (a masking client draws a new key a frame) as
     * many bytes, decoding back to the message.
     */
    private static void checkPartsAgree(Framer framer, byte[] message, byte[] encoded, String what) {
        FrameEncoder encoder = framer.newEncoder();
        ByteBuf in = Unpooled.wrappedBuffer(message);
        MessageRefusedException refusal = encoder.check(in);
        require(refusal == null, what + ": the encoder's check refused it: " + (refusal == null ? "" : refusal.getMessage()));
        ByteBuf out = Unpooled.buffer();
        encoder.writeHeader(message.length, out);
        encoder.writePayload(in, out);
        encoder.writeTrailer(message.length, out);
        byte[] inParts = ByteBufUtil.getBytes(out);
        String parts = what + ": the parts a FrameWriter frames a large payload with (check, writeHeader, writePayload,"
                + " writeTrailer)";
        if (encoder.sendsPayloadUnchanged()) {
            require(Arrays.equals(inParts, encoded), parts + " write other bytes than encode");
        } else {
            require(inParts.length == encoded.length, parts + " write " + inParts.length + " bytes, encode " + encoded.length);
            Outcome decoded = Outcome.decode(framer, inParts, Splits.whole(inParts.length));
            require(decoded.isClean() && decoded.hasFrames(List.of(message)), parts + " decode back as " + decoded);
        }
    }

    private static byte[] encodeOrFail(Framer framer, ByteBuf in, ByteBuf out, String what) {
        try {
            framer.encode(in, out);
            return ByteBufUtil.getBytes(out);
        } catch (MessageRefusedException e) {
            throw new AssertionError(what + ": encode refused it: " + e.getMessage(), e);
        }
    }

    private static void checkRefuses(Framer framer, byte[] message) {
        String what = framer + ", illegal message of " + message.length + " bytes";
        require(framer.check(Unpooled.wrappedBuffer(message)) != null, what + ": check accepted it");
        refusesWithoutWriting(what + ", Framer.encode", message, (in, out) -> framer.encode(in, out));
        FrameEncoder encoder = framer.newEncoder();
        refusesWithoutWriting(what + ", FrameEncoder.encode", message, encoder::encode);
        require(!encoder.isFinished(), what + ": a refused message finished the connection's encoder");
    }

    /** An encode step under test. */
    private interface Encode {
        void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException;
    }

    private static void refusesWithoutWriting(String what, byte[] message, Encode encode) {
        ByteBuf in = Unpooled.wrappedBuffer(message);
        ByteBuf out = Unpooled.buffer().writeBytes(PRIOR);
        try {
            encode.encode(in, out);
            throw new AssertionError(what + ": it was written, not refused");
        } catch (MessageRefusedException refusal) {
            require(refusal.messageLength() == message.length, what + ": the refusal gives the length "
                    + refusal.messageLength() + ", not " + message.length);
        }
        require(Arrays.equals(PRIOR, ByteBufUtil.getBytes(out)), what + ": a refusal wrote bytes");
        require(in.readerIndex() == 0, what + ": a refusal consumed the message");
    }

    // ---- the streams ----

    /** Wire bytes and the frames they hold. */
    private record Stream(String description, byte[] wire, List<byte[]> frames) {}

    /**
     * The streams to decode: the valid messages back to back from one encoder, and the empty
     * stream; or, if the encoder is finished after one message, each message on its own stream.
     */
    private static List<Stream> streams(Framer framer, List<byte[]> messages) {
        FrameEncoder first = framer.newEncoder();
        ByteBuf wire = Unpooled.buffer();
        encodeWith(first, messages.get(0), wire, framer);
        List<Stream> streams = new ArrayList<>();
        if (first.isFinished()) {
            int before = wire.writerIndex();
            refusesWithoutWriting(framer + ", a second message on a finished encoder", messages.get(0), first::encode);
            require(wire.writerIndex() == before, framer + ": a second message wrote bytes");
            for (byte[] message : messages) {
                ByteBuf alone = Unpooled.buffer();
                encodeWith(framer.newEncoder(), message, alone, framer);
                streams.add(new Stream("one message of " + message.length + " bytes", ByteBufUtil.getBytes(alone),
                        List.of(message)));
            }
            return streams;
        }
        for (byte[] message : messages.subList(1, messages.size())) {
            encodeWith(first, message, wire, framer);
        }
        streams.add(new Stream("the empty stream", new byte[0], List.of()));
        streams.add(new Stream(messages.size() + " messages back to back", ByteBufUtil.getBytes(wire), messages));
        return streams;
    }

    private static void encodeWith(FrameEncoder encoder, byte[] message, ByteBuf out, Framer framer) {
        try {
            encoder.encode(Unpooled.wrappedBuffer(message), out);
        } catch (MessageRefusedException e) {
            throw new AssertionError(framer + ": its encoder refused a valid message of " + message.length
                    + " bytes: " + e.getMessage(), e);
        }
    }

    private static void checkStream(Framer framer, Stream stream) {
        String what = framer + ", " + stream.description() + " (" + stream.wire().length + " bytes)";
        Outcome whole = sameEverySplit(framer, stream.wire(), what);
        require(whole.isClean() && whole.hasFrames(stream.frames()),
                what + ": expected " + stream.frames().size() + " frames and a clean end, got " + whole);
        if (stream.wire().length > 0) {
            byte[] cut = Arrays.copyOf(stream.wire(), stream.wire().length - 1);
            Outcome truncated = sameEverySplit(framer, cut, what + " cut short by one byte");
            require(!(truncated.isClean() && truncated.hasFrames(stream.frames())),
                    what + ": cut short by one byte, it still decodes as the whole stream: " + truncated);
        }
    }

    /** Decodes the wire every way the kit splits it; all must agree. Returns the outcome. */
    private static Outcome sameEverySplit(Framer framer, byte[] wire, String what) {
        int length = wire.length;
        Outcome whole = Outcome.decode(framer, wire, Splits.whole(length));
        agree(whole, Outcome.decode(framer, wire, Splits.oneBytePerRead(length)), what + ", one byte per read");
        for (int position : Splits.positions(length)) {
            agree(whole, Outcome.decode(framer, wire, Splits.splitAt(position, length)),
                    what + ", split after byte " + position);
        }
        for (long seed : Splits.SEEDS) {
            agree(whole, Outcome.decode(framer, wire, Splits.random(seed, length)), what + ", random chunks, seed " + seed);
        }
        agree(whole, Outcome.readTyped(framer, wire, Splits.whole(length)), what + ", typed, through FrameReader.read()");
        agree(whole, Outcome.readTyped(framer, wire, Splits.oneBytePerRead(length)),
                what + ", typed, through FrameReader.read(), one byte per read");
        agree(whole, Outcome.read(framer, wire, Splits.whole(length)), what + ", through a FrameReader");
        agree(whole, Outcome.read(framer, wire, Splits.oneBytePerRead(length)),
                what + ", through a FrameReader, one byte per read");
        agree(whole, Outcome.read(framer, wire, Splits.random(Splits.SEEDS[0], length)),
                what + ", through a FrameReader, random reads");
        agree(whole, Outcome.readEach(framer, wire, Splits.whole(length)), what + ", through FrameReader.readEach");
        agree(whole, Outcome.readEach(framer, wire, Splits.oneBytePerRead(length)),
                what + ", through FrameReader.readEach, one byte per read");
        return whole;
    }

    private static void agree(Outcome expected, Outcome actual, String what) {
        require(expected.equals(actual), what + ": got " + actual + ", but fed whole it gave " + expected);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}

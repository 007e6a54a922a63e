package dev.framekit.framing.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import java.util.List;
import dev.framekit.framing.testing.Outcome;
import dev.framekit.framing.testing.Splits;

/**
 * Feeds wire bytes to a framer in chosen chunks and records the {@link DecodeOutcome}, checking
 * the decoder contract on the way: a decoder that returns null consumes nothing, every frame is
 * released, and the connection's buffer is left with exactly one reference.
 */
public final class Feed {
    private Feed() {}

    /**
     * Through a {@link FrameDecoder}: append each chunk to one buffer and decode until null,
     * discarding consumed bytes between chunks (the contract allows it); then decode at the end of
     * the stream until null or an exception.
     */
    public static DecodeOutcome throughDecoder(Framer framer, byte[] wire, int[] chunkSizes) {
        return DecodeOutcome.of(Outcome.decode(framer, wire, chunkSizes));
    }

    /**
     * Through a {@link FrameReader} over a stream that returns the given chunk sizes (zeros are
     * skipped: an InputStream read returns at least one byte).
     */
    public static DecodeOutcome throughReader(Framer framer, byte[] wire, int[] chunkSizes) {
        return DecodeOutcome.of(Outcome.read(framer, wire, chunkSizes));
    }

    /**
     * Decodes the wire bytes whole, one byte per read and split in two at every position, checks
     * that every way gives the same outcome, and returns it.
     */
    public static DecodeOutcome sameEverySplit(Framer framer, byte[] wire) {
        DecodeOutcome whole = throughDecoder(framer, wire, Splits.whole(wire.length));
        assertEquals(whole, throughDecoder(framer, wire, Splits.oneBytePerRead(wire.length)), "one byte per read");
        for (int position : Splits.positions(wire.length)) {
            assertEquals(whole, throughDecoder(framer, wire, Splits.splitAt(position, wire.length)),
                    "split after byte " + position);
        }
        return whole;
    }

    /**
     * Decodes frames off {@code in} into {@code frames} until the decoder returns null; see
     * {@link Outcome#drain}.
     */
    public static void drain(FrameDecoder decoder, ByteBuf in, boolean endOfStream, List<byte[]> frames, int limit)
            throws FramingException {
        Outcome.drain(decoder, in, endOfStream, frames, limit);
    }
}

package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.FramerFixture;
import dev.framekit.framing.support.WireInput;
import dev.framekit.framing.testing.Outcome;
import dev.framekit.framing.testing.Splits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FrameReader#readEach(FrameVisitor)} keeps the contract of {@link FramerContractTest} for
 * every framer: the same frames and the same ending as a bare decoder fed the stream whole, however
 * the stream is split into reads (whole, one byte per read, in two at every position, in seeded
 * random chunks), whether the payloads are lent as a view (length, fixed) or as slices.
 */
class ReadEachContractTest {

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.framekit.framing.FramerContractTest#wireInputs")
    void lendsTheSameFramesToAVisitorHoweverTheStreamIsSplit(FramerFixture fixture, WireInput input) {
        byte[] wire = input.wire();
        int length = wire.length;
        DecodeOutcome whole = Feed.throughDecoder(input.framer(), wire, Splits.whole(length));

        assertEquals(whole, lent(input, Splits.whole(length)), "one big read");
        assertEquals(whole, lent(input, Splits.oneBytePerRead(length)), "one byte per read");
        for (int position : Splits.positions(length)) {
            assertEquals(whole, lent(input, Splits.splitAt(position, length)), "split after byte " + position);
        }
        for (long seed : Splits.SEEDS) {
            assertEquals(whole, lent(input, Splits.random(seed, length)), "random reads with seed " + seed);
        }
    }

    private static DecodeOutcome lent(WireInput input, int[] chunks) {
        return DecodeOutcome.of(Outcome.readEach(input.framer(), input.wire(), chunks));
    }
}

package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The factories and builders: safe defaults, and validation that names the field and its value. */
class FramersTest {
    private static final int LARGEST = FrameLimits.LARGEST_MAX_FRAME_LENGTH;

    @Test
    void startsEveryFramerAtTheOneMebibyteDefaultMaximum() {
        assertEquals(1 << 20, FrameLimits.DEFAULT_MAX_FRAME_LENGTH);
        assertEquals(1 << 20, Framers.lengthPrefixed().maxFrameLength());
        assertEquals(1 << 20, Framers.delimiter("#*#").maxFrameLength());
        assertEquals(1 << 20, Framers.lines().maxFrameLength());
        assertEquals(1 << 20, Framers.sendAndClose().maxFrameLength());
    }

    @Test
    void linesAreDelimitedByNewline() {
        assertArrayEquals(ascii("\n"), Framers.lines().delimiter());
    }

    @Test
    void padsFixedFramesWithZeroUnlessTold() {
        assertEquals(0, Framers.fixedLength(30).padByte());
        assertEquals('#', Framers.fixedLength(30).pad('#').padByte());
        assertEquals(30, Framers.fixedLength(30).pad('#').frameSize());
    }

    @ParameterizedTest(name = "fixedLength({0})")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE, LARGEST + 1})
    void refusesFrameSizeOutOfRangeNamingItsValue(int frameSize) {
        assertRefused(() -> Framers.fixedLength(frameSize), "frameSize", String.valueOf(frameSize));
    }

    @Test
    void acceptsFrameSizesAtBothEndsOfTheRange() {
        assertEquals(1, Framers.fixedLength(1).frameSize());
        assertEquals(LARGEST, Framers.fixedLength(LARGEST).frameSize());
    }

    @Test
    void refusesEmptyDelimiter() {
        assertRefused(() -> Framers.delimiter(""), "delimiter", "at least one byte");
        assertRefused(() -> Framers.delimiter(new byte[0]), "delimiter", "at least one byte");
    }

    @ParameterizedTest(name = "{0}.withMaxFrameLength({1})")
    @MethodSource("framersAndBadMaxima")
    void refusesMaxFrameLengthOutOfRangeNamingFramerFieldAndValue(String framer, int max, IntFunction<Framer> build) {
        assertRefused(() -> build.apply(max), framer, "maxFrameLength", String.valueOf(max), String.valueOf(LARGEST));
    }

    @Test
    void acceptsMaxFrameLengthAtBothEndsOfTheRange() {
        assertEquals(1, Framers.lengthPrefixed().withMaxFrameLength(1).maxFrameLength());
        assertEquals(LARGEST, Framers.lengthPrefixed().withMaxFrameLength(LARGEST).maxFrameLength());
        assertEquals(LARGEST, Framers.delimiter("\n").withMaxFrameLength(LARGEST).maxFrameLength());
        assertEquals(LARGEST, Framers.sendAndClose(LARGEST).maxFrameLength());
    }

    @Test
    void refusesNonAsciiPadCharacterNamingIt() {
        assertRefused(() -> Framers.fixedLength(8).pad('é'), "pad", "é", "U+00E9", "pad(byte)");
    }

    @Test
    void acceptsAnyPadByteValue() {
        assertEquals((byte) 0xe9, Framers.fixedLength(8).pad((byte) 0xe9).padByte());
    }

    @Test
    void buildersReturnNewFramersAndLeaveTheOriginalsUnchanged() {
        DelimiterFramer lines = Framers.lines();

        DelimiterFramer small = lines.withMaxFrameLength(10);

        assertEquals(10, small.maxFrameLength());
        assertEquals(FrameLimits.DEFAULT_MAX_FRAME_LENGTH, lines.maxFrameLength());
        assertEquals(FrameLimits.DEFAULT_MAX_FRAME_LENGTH, Framers.sendAndClose(FrameLimits.DEFAULT_MAX_FRAME_LENGTH).maxFrameLength());
        assertEquals(FrameLimits.DEFAULT_MAX_FRAME_LENGTH, Framers.sendAndClose().maxFrameLength());
    }

    @Test
    void describesEachFramerWithItsSettings() {
        assertTrue(Framers.fixedLength(30).pad('#').toString().contains("30"));
        assertTrue(Framers.fixedLength(30).pad('#').toString().contains("#"));
        assertTrue(Framers.delimiter("#*#").toString().contains("#*#"));
        assertTrue(Framers.lines().toString().contains("\\n"), "control bytes are escaped");
        assertTrue(Framers.lengthPrefixed().withMaxFrameLength(77).toString().contains("77"));
        assertTrue(Framers.sendAndClose(77).toString().contains("77"));
    }

    static Stream<Arguments> framersAndBadMaxima() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int max : new int[] {0, -5, LARGEST + 1, Integer.MAX_VALUE}) {
            cases.add(Arguments.of("length-prefix", max, (IntFunction<Framer>) m -> Framers.lengthPrefixed().withMaxFrameLength(m)));
            cases.add(Arguments.of("delimiter", max, (IntFunction<Framer>) m -> Framers.delimiter("#*#").withMaxFrameLength(m)));
            cases.add(Arguments.of("send-and-close", max, (IntFunction<Framer>) m -> Framers.sendAndClose(m)));
        }
        return cases.build();
    }

    private static void assertRefused(Executable build, String... mentions) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, build);
        for (String mention : mentions) {
            assertTrue(refusal.getMessage().contains(mention),
                    "the message mentions '" + mention + "': " + refusal.getMessage());
        }
    }
}

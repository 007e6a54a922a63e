package dev.framekit.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.testing.ChunkedInputStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FrameReader#readEach(FrameVisitor)}: every buffered frame lent to a visitor, valid only
 * during the call; the lent view of the length-prefix and fixed-length framings, and the slice
 * every other framing lends. The splits every framer is read at are in {@link FramerContractTest};
 * what it allocates per frame is measured in the demos' {@code SmallMessageAllocationTest}.
 */
class FrameReaderEachTest {

    /** Framers whose payloads are lent in place, and one whose payloads are lent as slices. */
    static Stream<Named<Framer>> framers() {
        return Stream.of(Named.of("length", Framers.lengthPrefixed()), Named.of("fixed", Framers.fixedLength(5)),
                Named.of("delimiter (a slice)", Framers.delimiter("\n")));
    }

    private static byte[] wireOf(Framer framer, String... messages) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer();
        FrameEncoder encoder = framer.newEncoder();
        for (String message : messages) {
            encoder.encode(Unpooled.copiedBuffer(message, US_ASCII), out);
        }
        byte[] wire = new byte[out.readableBytes()];
        out.readBytes(wire);
        return wire;
    }

    /** Reads with readEach until the end, copying each payload; one list per call. */
    private static List<List<String>> readAll(FrameReader reader) throws IOException {
        List<List<String>> calls = new ArrayList<>();
        while (true) {
            List<String> call = new ArrayList<>();
            int handed = reader.readEach(payload -> call.add(payload.toString(US_ASCII)));
            assertEquals(call.size(), handed, "the count is the frames handed");
            if (handed == 0) {
                return calls;
            }
            calls.add(call);
        }
    }

    @ParameterizedTest
    @MethodSource("framers")
    void lendsEveryFrameTheReadBroughtAndReadsNoFurther(Framer framer) throws IOException {
        byte[] wire = wireOf(framer, "one", "two", "three", "four");
        int firstRead = wireOf(framer, "one", "two").length + 2; // two frames and part of a third

        FrameReader reader = new FrameReader(new ChunkedInputStream(wire, firstRead, wire.length - firstRead), framer);

        assertEquals(List.of(List.of("one", "two"), List.of("three", "four")), readAll(reader));
    }

    @ParameterizedTest
    @MethodSource("framers")
    void lendsTheSameFramesArrivingOneByteAtATime(Framer framer) throws IOException {
        byte[] wire = wireOf(framer, "one", "two", "three");

        List<List<String>> calls = readAll(new FrameReader(ChunkedInputStream.oneByteAtATime(wire), framer));

        assertEquals(List.of(List.of("one"), List.of("two"), List.of("three")), calls);
    }

    @ParameterizedTest
    @MethodSource("framers")
    void stopsAfterTheFrameWhoseVisitSaysSoAndKeepsTheRestBuffered(Framer framer) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wireOf(framer, "one", "two", "three")), framer);
        List<String> seen = new ArrayList<>();

        assertEquals(1, reader.readEach(payload -> !seen.add(payload.toString(US_ASCII))));

        assertEquals(List.of("one"), seen);
        assertEquals("two", reader.readString(), "the next read goes on after it");
        assertEquals(List.of(List.of("three")), readAll(reader));
    }

    @ParameterizedTest
    @MethodSource("framers")
    void aVisitorThatThrowsEndsTheCallAndItsFrameCountsAsRead(Framer framer) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wireOf(framer, "one", "two")), framer);

        IOException thrown = assertThrows(IOException.class, () -> reader.readEach(payload -> {
            throw new IOException("visitor failed at " + payload.toString(US_ASCII));
        }));

        assertEquals("visitor failed at one", thrown.getMessage());
        assertEquals(List.of(List.of("two")), readAll(reader));
    }

    @Test
    void emptiesTheLentViewOnceTheCallReturns() throws IOException {
        Framer framer = Framers.lengthPrefixed();
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wireOf(framer, "one", "two")), framer);
        List<ByteBuf> kept = new ArrayList<>();

        reader.readEach(payload -> kept.add(payload));

        assertEquals(2, kept.size());
        assertTrue(kept.get(0) == kept.get(1), "one view, re-aimed at each payload");
        assertFalse(kept.get(0).isReadable(), "a view kept past its call shows nothing, not another frame's bytes");
    }

    @ParameterizedTest
    @MethodSource("framers")
    void refusesAVisitorThatReleasesWhatItWasLent(Framer framer) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wireOf(framer, "one", "two")), framer);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> reader.readEach(payload -> payload.release()));

        assertTrue(thrown.getMessage().contains("valid only during the call"), thrown.getMessage());
    }

    @ParameterizedTest
    @MethodSource("framers")
    void refusesAVisitorThatRetainsWhatItWasLentAndKeepsReading(Framer framer) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wireOf(framer, "one", "two")), framer);
        List<ByteBuf> retained = new ArrayList<>();

        assertThrows(IllegalStateException.class, () -> reader.readEach(payload -> retained.add(payload.retain())));
        retained.forEach(ByteBuf::release);

        assertEquals(List.of(List.of("two")), readAll(reader), "the frames after it are intact");
    }

    @Test
    void refusesAVisitorThatReadsFromItsOwnReader() throws IOException {
        Framer framer = Framers.lengthPrefixed();
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wireOf(framer, "one", "two")), framer);

        IOException thrown = assertThrows(IOException.class, () -> reader.readEach(payload -> reader.readFrame() != null));

        assertTrue(thrown.getMessage().contains("must not read from its reader"), thrown.getMessage());
    }

    @Test
    void aVisitorMaySwitchTheFramerForTheNextFrame() throws IOException {
        byte[] wire = (new String(wireOf(Framers.delimiter("\n"), "HEAD"), US_ASCII)
                + new String(wireOf(Framers.lengthPrefixed(), "body"), US_ASCII)).getBytes(US_ASCII);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), Framers.delimiter("\n"));
        List<String> seen = new ArrayList<>();

        int handed = reader.readEach(payload -> {
            seen.add(payload.toString(US_ASCII));
            reader.framer(Framers.lengthPrefixed());
            return true;
        });

        assertEquals(2, handed);
        assertEquals(List.of("HEAD", "body"), seen);
    }

    @Test
    void aVisitorMaySwitchFromALengthPrefixWhileMoreFramesAreBuffered() throws IOException {
        byte[] wire = (new String(wireOf(Framers.lengthPrefixed(), "HEAD"), US_ASCII) + "line one\nline two\n")
                .getBytes(US_ASCII);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), Framers.lengthPrefixed());
        List<String> seen = new ArrayList<>();

        int handed = reader.readEach(payload -> {
            seen.add(payload.toString(US_ASCII));
            reader.framer(Framers.lines()); // the lines are buffered already: they are not read as lengths
            return true;
        });

        assertEquals(3, handed);
        assertEquals(List.of("HEAD", "line one", "line two"), seen);
    }

    @ParameterizedTest
    @MethodSource("framers")
    void returnsZeroAtACleanEndAndAgainOnTheNextCall(Framer framer) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wireOf(framer, "one")), framer);

        assertEquals(1, reader.readEach(payload -> true));
        assertEquals(0, reader.readEach(payload -> true));
        assertEquals(0, reader.readEach(payload -> true));
    }

    @ParameterizedTest
    @MethodSource("framers")
    void reportsAStreamEndingInsideAFrameAfterLendingTheFramesBeforeIt(Framer framer) throws IOException {
        byte[] wire = wireOf(framer, "one", "two");
        FrameReader reader = new FrameReader(new ByteArrayInputStream(java.util.Arrays.copyOf(wire, wire.length - 1)),
                framer);
        List<String> seen = new ArrayList<>();

        assertThrows(TruncatedFrameException.class, () -> {
            while (reader.readEach(payload -> seen.add(payload.toString(US_ASCII))) > 0) {
                // until the truncation
            }
        });

        assertEquals(List.of("one"), seen);
    }

    /** The default header (located straight from the buffer's array) and a 2-byte one (located by {@code locate}). */
    static Stream<Named<LengthField>> lengthFields() {
        return Stream.of(Named.of("u32 (default)", LengthField.DEFAULT), Named.of("u16", LengthField.bigEndian(2)));
    }

    @ParameterizedTest
    @MethodSource("lengthFields")
    void lendsFramesUpToTheLimitThenSkipsAnOversizedOneAndGoesOn(LengthField field) throws IOException {
        LengthPrefixFramer framer = LengthPrefixFramer.builder().lengthField(field).maxFrameLength(4)
                .onOversize(OversizePolicy.SKIP).build();
        byte[] wire = (new String(wireOf(framer, "four", "ab"), US_ASCII)
                + new String(wireOf(framer.withMaxFrameLength(5), "fives"), US_ASCII)
                + new String(wireOf(framer, "cd"), US_ASCII)).getBytes(US_ASCII);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), framer);
        List<String> seen = new ArrayList<>();

        FrameTooLongException skipped = assertThrows(FrameTooLongException.class,
                () -> reader.readEach(payload -> seen.add(payload.toString(US_ASCII))));

        assertTrue(skipped.isSkipped(), "the oversized frame is skipped, not the connection's failure");
        assertEquals(List.of("four", "ab"), seen, "the frames before it, the one at the limit included");
        assertEquals(1, reader.readEach(payload -> seen.add(payload.toString(US_ASCII))));
        assertEquals(List.of("four", "ab", "cd"), seen);
        assertEquals(0, reader.readEach(payload -> true));
    }

    @Test
    void aDefaultHeaderDeclaringOver2To31BytesFailsAfterTheFramesBeforeIt() throws IOException {
        byte[] wire = (new String(wireOf(Framers.lengthPrefixed(), "one"), US_ASCII) + "\u00ff\u00ff\u00ff\u00ffxyz")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), Framers.lengthPrefixed());
        List<String> seen = new ArrayList<>();

        FrameTooLongException failure = assertThrows(FrameTooLongException.class,
                () -> reader.readEach(payload -> seen.add(payload.toString(US_ASCII))));

        assertFalse(failure.isSkipped());
        assertTrue(failure.getMessage().contains("4294967295"), failure.getMessage());
        assertEquals(List.of("one"), seen);
        assertThrows(FrameTooLongException.class, () -> reader.readEach(payload -> true), "and again on the next read");
    }
}

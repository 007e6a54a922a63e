package dev.framekit.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.testing.ChunkedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's buffer grows with the bytes that arrived, never past the frame plus one read
 * chunk, and shrinks to a few hundred bytes while the connection waits idle between frames.
 */
class FrameReaderMemoryTest {
    private static final int FRAME = (1 << 20) - 16;

    static Stream<Arguments> framersAndReadSizes() {
        List<Arguments> cases = new ArrayList<>();
        for (int readSize : new int[] {1000, 8 * 1024, 64 * 1024, 100_000}) {
            cases.add(Arguments.of(Named.of("length prefix", Framers.lengthPrefixed()), readSize));
            cases.add(Arguments.of(Named.of("lines", Framers.lines()), readSize));
            cases.add(Arguments.of(Named.of("send-and-close", Framers.sendAndClose()), readSize));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, reads of {1} bytes")
    @MethodSource("framersAndReadSizes")
    void growsItsBufferNeverPastTheFramePlusOneReadChunk(Framer framer, int readSize) throws IOException {
        byte[] payload = new byte[FRAME];
        Arrays.fill(payload, (byte) 'x');
        byte[] wire = FrameReaderTest.encode(framer, payload);
        Probe probe = new Probe(new ChunkedInputStream(wire, readSize));
        FrameReader reader = probe.reader(new FrameReader(probe, framer));

        byte[] frame = reader.readByteArray();

        assertEquals(FRAME, frame.length);
        assertTrue(probe.peakCapacity <= wire.length + FrameReader.DEFAULT_CHUNK_SIZE,
                "peak buffer " + probe.peakCapacity + " bytes for a " + wire.length + "-byte frame");
    }

    @Test
    void shrinksItsBufferWhileWaitingIdleBetweenFrames() throws IOException {
        Framer framer = Framers.lengthPrefixed();
        byte[] big = FrameReaderTest.encode(framer, new byte[200_000]);
        byte[] small = FrameReaderTest.encode(framer, "next".getBytes(US_ASCII));
        byte[] wire = new byte[big.length + small.length];
        System.arraycopy(big, 0, wire, 0, big.length);
        System.arraycopy(small, 0, wire, big.length, small.length);
        // The big frame arrives in 10,000-byte reads ending exactly at its end; then the peer is quiet.
        int[] sizes = new int[big.length / 10_000 + 2];
        Arrays.fill(sizes, 10_000);
        sizes[sizes.length - 2] = big.length % 10_000;
        sizes[sizes.length - 1] = small.length;
        Probe probe = new Probe(new ChunkedInputStream(wire, sizes));
        FrameReader reader = probe.reader(new FrameReader(probe, framer));

        assertEquals(200_000, reader.readByteArray().length);
        probe.capacities.clear();
        assertEquals("next", reader.readString());

        assertTrue(probe.capacities.get(0) <= 512, "waiting idle with a " + probe.capacities.get(0) + "-byte buffer");
    }

    @Test
    void anIdleReaderBeforeAnyFrameHoldsAFewHundredBytes() {
        FrameReader reader = new FrameReader(InputStream.nullInputStream(), Framers.lines());

        assertTrue(reader.bufferCapacity() <= 512, reader.bufferCapacity() + " bytes");
    }

    /** A stream that notes the reader's buffer capacity at every read call; it says nothing is waiting. */
    private static final class Probe extends FilterInputStream {
        private FrameReader reader;
        int peakCapacity;
        final List<Integer> capacities = new ArrayList<>();

        Probe(InputStream in) {
            super(in);
        }

        FrameReader reader(FrameReader frameReader) {
            this.reader = frameReader;
            return frameReader;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int capacity = reader.bufferCapacity();
            capacities.add(capacity);
            peakCapacity = Math.max(peakCapacity, capacity);
            return super.read(b, off, len);
        }

        @Override
        public int available() {
            return 0;
        }
    }
}

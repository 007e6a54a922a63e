package dev.framekit.framing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector scan and the SWAR scan find what a byte-by-byte loop finds: the value at every
 * position, searched from every start offset (every alignment, past two registers) to ends before,
 * at and after it; values whose bytes carry in a naive word test; seeded random buffers of every
 * length up to past four 64-byte registers. The test JVM runs with {@code --add-modules
 * jdk.incubator.vector} (framing's Surefire configuration), so both scans are here.
 */
class ByteSearchTest {
    private static final byte[] VALUES = {0x00, 0x01, 0x0a, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0xfe, (byte) 0xff};

    static Stream<ByteSearch> scans() {
        return Stream.of(ByteSearch.swar(), ByteSearch.vector());
    }

    private static int naive(byte[] bytes, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theTestJvmHasTheVectorScanAndUsesIt() {
        assertNotNull(ByteSearch.vector(), "the test JVM is started with --add-modules jdk.incubator.vector");
        assertSame(ByteSearch.vector(), ByteSearch.best());
    }

    @Test
    void swarRunsWhenAskedForOrWhenTheJvmHasNoVectorScan() {
        ByteSearch vector = ByteSearch.vector();

        assertSame(ByteSearch.swar(), ScanChoice.choose("swar", vector));
        assertSame(ByteSearch.swar(), ScanChoice.choose(" SWAR ", vector));
        assertSame(ByteSearch.swar(), ScanChoice.choose("", null));
        assertSame(ByteSearch.swar(), ScanChoice.choose("vector", null));
        assertSame(vector, ScanChoice.choose("", vector));
        assertSame(vector, ScanChoice.choose("vector", vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scans")
    void findsTheValueAtEveryPositionFromEveryOffsetToEveryKindOfEnd(ByteSearch scan) {
        int length = 300; // past one 4 x 64-byte step, with a tail
        for (byte value : VALUES) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                // the value's neighbours, which a test that carries between bytes would mistake for it
                bytes[i] = (byte) (value + (i % 2 == 0 ? 1 : -1));
            }
            for (int position = 0; position < length; position++) {
                bytes[position] = value;
                for (int from = Math.max(0, position - 140); from <= Math.min(length, position + 2); from++) {
                    for (int to : new int[] {from, position, position + 1, Math.min(length, position + 70), length}) {
                        if (to >= from && to <= length && naive(bytes, from, to, value) != scan.indexOf(bytes, from, to, value)) {
                            assertEquals(naive(bytes, from, to, value), scan.indexOf(bytes, from, to, value),
                                    scan + ": value 0x" + Integer.toHexString(value & 0xFF) + " at " + position + ", [" + from + ", " + to + ")");
                        }
                    }
                }
                bytes[position] = (byte) (value + (position % 2 == 0 ? 1 : -1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scans")
    void findsTheFirstOfSeveralInSeededRandomBuffersOfEveryLength(ByteSearch scan) {
        Random random = new Random(20261207);
        for (int length = 0; length <= 1100; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            int spread = 1 + random.nextInt(length + 1); // from one hit in a few bytes to one in a thousand
            byte value = (byte) random.nextInt(256);
            for (int i = 0; i < length; i++) {
                if (bytes[i] == value || random.nextInt(spread) != 0) {
                    bytes[i] = (byte) (value ^ (1 << random.nextInt(8))); // one bit off: a near miss
                } else {
                    bytes[i] = value;
                }
            }
            for (int trial = 0; trial < 8; trial++) {
                int from = random.nextInt(length + 1);
                int to = from + random.nextInt(length - from + 1);
                assertEquals(naive(bytes, from, to, value), scan.indexOf(bytes, from, to, value),
                        scan + ": [" + from + ", " + to + ") of " + length + " bytes");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scans")
    void aBufferWithoutTheValueIsSearchedToItsEnd(ByteSearch scan) {
        byte[] bytes = new byte[64 * 1024 + 13];
        java.util.Arrays.fill(bytes, (byte) 'x');

        assertEquals(-1, scan.indexOf(bytes, 0, bytes.length, (byte) '\n'));
        bytes[bytes.length - 1] = '\n';
        assertEquals(bytes.length - 1, scan.indexOf(bytes, 0, bytes.length, (byte) '\n'));
        assertEquals(-1, scan.indexOf(bytes, 0, bytes.length - 1, (byte) '\n'), "the end is exclusive");
    }
}

package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The word-at-a-time scan finds what a byte-by-byte loop finds: at every position of a word and
 * of the tail, from every start and end, for values whose bytes carry in a naive word test
 * (0x00, 0x7F, 0x80, 0xFF and their neighbours), in arrays with an offset and in buffers without one.
 */
class ByteScanTest {
    private static int naive(byte[] bytes, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @ParameterizedTest(name = "value 0x{0}")
    @ValueSource(strings = {"00", "01", "0a", "7f", "80", "81", "fe", "ff"})
    void findsTheValueAtEveryPositionFromEveryStartAndEnd(String hex) {
        byte value = (byte) Integer.parseInt(hex, 16);
        int length = 40;
        for (int position = 0; position < length; position++) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                // the neighbours of the value, which a test that carries between bytes would mistake for it
                bytes[i] = (byte) (value + (i % 2 == 0 ? 1 : -1));
            }
            bytes[position] = value;
            for (int from = 0; from <= length; from++) {
                for (int to = from; to <= length; to++) {
                    assertEquals(naive(bytes, from, to, value), ByteScan.indexOf(bytes, from, to, value),
                            "value at " + position + ", searching [" + from + ", " + to + ")");
                }
            }
        }
    }

    @Test
    void findsTheFirstOfSeveralInSeededRandomBytes() {
        Random random = new Random(20261201);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            byte value = (byte) random.nextInt(4); // few distinct values in play: several hits, and misses
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (bytes[i] & 0x83); // 0x00-0x03 and 0x80-0x83: high bits set beside the values
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            assertEquals(naive(bytes, from, to, value), ByteScan.indexOf(bytes, from, to, value),
                    "trial " + trial + ": [" + from + ", " + to + ") of " + bytes.length + " bytes");
        }
    }

    @Test
    void aBufferOverPartOfAnArrayGivesIndexesInTheBuffer() {
        byte[] backing = new byte[64];
        backing[3] = '\n'; // before the buffer's part of the array: not in it
        backing[21] = '\n';
        ByteBuf slice = Unpooled.wrappedBuffer(backing).slice(10, 40);

        assertEquals(11, ByteScan.indexOf(slice, 0, 40, (byte) '\n'), "array index 21 is the slice's index 11");
        assertEquals(-1, ByteScan.indexOf(slice, 12, 40, (byte) '\n'));
    }

    @Test
    void aDirectBufferIsSearchedToo() {
        ByteBuf direct = Unpooled.directBuffer(100);
        try {
            direct.writeZero(100);
            direct.setByte(77, '\n');

            assertEquals(77, ByteScan.indexOf(direct, 0, 100, (byte) '\n'));
            assertEquals(-1, ByteScan.indexOf(direct, 78, 100, (byte) '\n'));
        } finally {
            direct.release();
        }
    }
}

package dev.framekit.framing.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The masking XOR (RFC 6455 5.3) gives what the RFC's byte-by-byte rule gives, for every length
 * from 0 to 40 at every start offset, in heap buffers (eight bytes at a time through the array),
 * slices of them (an array offset) and direct buffers (no array); it never writes outside its
 * bytes, and refuses bytes outside the buffer.
 */
class MaskingTest {
    private static final int KEY = 0x37fa213d;

    /** RFC 6455 5.3: {@code j = i MOD 4; transformed-octet-i = original-octet-i XOR masking-key-octet-j}. */
    private static byte[] rfcMask(byte[] bytes, int from, int length, int key) {
        byte[] out = bytes.clone();
        for (int i = 0; i < length; i++) {
            out[from + i] = (byte) (bytes[from + i] ^ (key >>> (8 * (3 - (i % 4)))));
        }
        return out;
    }

    private static byte[] bytes(ByteBuf buf) {
        byte[] out = new byte[buf.capacity()];
        buf.getBytes(0, out);
        return out;
    }

    @Test
    void everyLengthAtEveryOffsetInEveryKindOfBufferMatchesTheRfcsRule() {
        Random random = new Random(20261201);
        for (int length = 0; length <= 40; length++) {
            for (int from = 0; from < 12; from++) {
                byte[] original = new byte[64];
                random.nextBytes(original);
                byte[] expected = rfcMask(original, from, length, KEY);

                ByteBuf heap = Unpooled.wrappedBuffer(original.clone());
                MaskingEncoder.mask(heap, from, length, KEY);
                assertArrayEquals(expected, bytes(heap), "heap, " + length + " bytes at " + from);

                byte[] backing = new byte[80];
                System.arraycopy(original, 0, backing, 5, 64);
                ByteBuf slice = Unpooled.wrappedBuffer(backing).slice(5, 64);
                MaskingEncoder.mask(slice, from, length, KEY);
                assertArrayEquals(expected, bytes(slice), "slice, " + length + " bytes at " + from);

                ByteBuf direct = Unpooled.directBuffer(64).writeBytes(original);
                try {
                    MaskingEncoder.mask(direct, from, length, KEY);
                    assertArrayEquals(expected, bytes(direct), "direct, " + length + " bytes at " + from);
                } finally {
                    direct.release();
                }
            }
        }
    }

    @Test
    void maskingTwiceUnmasks() {
        byte[] original = new byte[1000];
        new Random(7).nextBytes(original);
        ByteBuf buf = Unpooled.wrappedBuffer(original.clone());
        MaskingEncoder.mask(buf, 3, 990, KEY);
        MaskingEncoder.mask(buf, 3, 990, KEY);
        assertArrayEquals(original, bytes(buf));
    }

    @Test
    void bytesOutsideTheBufferAreRefusedBeforeAnyIsTouched() {
        byte[] backing = new byte[32];
        ByteBuf slice = Unpooled.wrappedBuffer(backing).slice(8, 16);
        assertThrows(IndexOutOfBoundsException.class, () -> MaskingEncoder.mask(slice, 8, 9, KEY));
        assertThrows(IndexOutOfBoundsException.class, () -> MaskingEncoder.mask(slice, -1, 4, KEY));
        assertArrayEquals(new byte[32], backing, "nothing written, inside or beside the slice");
    }
}

package dev.framekit.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.internal.ByteSearch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The delimiter search is linear in the bytes whatever the delimiter: counted in steps (bytes
 * examined and table fallbacks), not wall time, so an O(n·m) search fails here on any machine.
 * And it finds what a naive search finds.
 */
class DelimiterSearchTest {
    private static final int MIB = 1 << 20;

    /** {@code aaaa…ab}, 10,000 bytes: every {@code a} starts a near miss 9,999 bytes long. */
    private static byte[] selfOverlapping(int length) {
        byte[] delimiter = new byte[length];
        Arrays.fill(delimiter, (byte) 'a');
        delimiter[length - 1] = 'b';
        return delimiter;
    }

    private static byte[] mebibyteOfA() {
        byte[] bytes = new byte[MIB];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    @ParameterizedTest(name = "read in pieces of {0} bytes")
    @ValueSource(ints = {1, 1000, 64 * 1024, MIB})
    void aMebibyteOfNearMissesOfASelfOverlappingDelimiterCostsLinearSteps(int piece) throws FramingException {
        byte[] delimiter = selfOverlapping(10_000);
        DelimiterDecoder decoder = new DelimiterDecoder(delimiter, new DelimiterSearch(delimiter), 2 * MIB, false);
        byte[] bytes = mebibyteOfA();
        ByteBuf in = Unpooled.buffer();
        for (int at = 0; at < bytes.length; at += piece) {
            in.writeBytes(bytes, at, Math.min(piece, bytes.length - at));
            assertNull(decoder.decode(in, false));
        }
        in.writeBytes(delimiter);
        ByteBuf frame = decoder.decode(in, false);

        assertNotNull(frame);
        assertEquals(MIB, frame.readableBytes(), "the frame is the mebibyte; its delimiter is the 10,000 bytes after it");
        frame.release();
        long total = MIB + delimiter.length;
        assertTrue(decoder.searchSteps() <= 3 * total,
                decoder.searchSteps() + " steps for " + total + " bytes: not linear (O(n·m) would be about 10^10)");
    }

    @Test
    void checkingAMessageAgainstASelfOverlappingDelimiterIsLinear() {
        byte[] delimiter = selfOverlapping(10_000);
        Framer framer = Framers.delimiter(delimiter).withMaxFrameLength(2 * MIB);
        long start = System.nanoTime();

        MessageRefusedException refusal = framer.newEncoder().check(Unpooled.wrappedBuffer(mebibyteOfA()));

        // A run of a, then the delimiter, holds the delimiter only at its own place: the message fits.
        assertNull(refusal);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "a linear check takes milliseconds, an O(n·m) one about 10^10 steps");
    }

    @Test
    void findsWhatANaiveSearchFindsOnRandomBytesOfASmallAlphabet() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            byte[] delimiter = randomBytes(random, 1 + random.nextInt(6));
            byte[] haystack = randomBytes(random, random.nextInt(40));
            DelimiterSearch search = new DelimiterSearch(delimiter);
            ByteBuf buf = Unpooled.wrappedBuffer(haystack);
            String where = "delimiter " + new String(delimiter, US_ASCII) + " in " + new String(haystack, US_ASCII);

            assertEquals(naiveIndexOf(haystack, delimiter), search.indexOf(buf, 0, haystack.length), where);
            assertEquals(naiveTailOverlap(haystack, delimiter), search.tailOverlap(buf), where);
        }
    }

    static Stream<ByteSearch> skipScans() {
        return Stream.of(ByteSearch.swar(), ByteSearch.vector());
    }

    @ParameterizedTest(name = "skipping ahead with {0}")
    @MethodSource("skipScans")
    void findsAMultiByteDelimiterPlantedAtEveryPositionOfLongBuffers(ByteSearch skip) {
        Random random = new Random(7);
        for (String text : new String[] {"\r\n", "#*#", "\r\n\r\n", "aab", "\0\0\0"}) {
            byte[] delimiter = text.getBytes(US_ASCII);
            DelimiterSearch search = new DelimiterSearch(delimiter, skip);
            byte[] haystack = new byte[600]; // past one 4 x 64-byte step of the vector scan, twice
            for (int at = 0; at + delimiter.length <= haystack.length; at++) {
                for (int i = 0; i < haystack.length; i++) {
                    // delimiter bytes, shuffled: near misses and first bytes everywhere, rarely a whole delimiter
                    haystack[i] = random.nextInt(4) == 0 ? delimiter[random.nextInt(delimiter.length)] : (byte) 'x';
                }
                System.arraycopy(delimiter, 0, haystack, at, delimiter.length);
                int pad = random.nextInt(70); // the buffer starts at every alignment of its array
                byte[] padded = new byte[pad + haystack.length];
                System.arraycopy(haystack, 0, padded, pad, haystack.length);
                ByteBuf buf = Unpooled.wrappedBuffer(padded).slice(pad, haystack.length);
                int from = Math.min(random.nextInt(70), at);

                assertEquals(naiveIndexOf(Arrays.copyOfRange(haystack, from, haystack.length), delimiter) + from,
                        search.indexOf(buf, from, haystack.length), text + " planted at " + at + ", searched from " + from);
            }
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(2));
        }
        return bytes;
    }

    private static int naiveIndexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The longest k &lt; d such that the message's last k bytes, then the delimiter, start with the delimiter. */
    private static int naiveTailOverlap(byte[] message, byte[] delimiter) {
        for (int k = Math.min(delimiter.length - 1, message.length); k >= 1; k--) {
            boolean matches = true;
            for (int i = 0; i < delimiter.length && matches; i++) {
                byte actual = i < k ? message[message.length - k + i] : delimiter[i - k];
                matches = actual == delimiter[i];
            }
            if (matches) {
                return k;
            }
        }
        return 0;
    }
}

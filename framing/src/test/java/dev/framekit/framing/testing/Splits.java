package dev.framekit.framing.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The ways a test splits a stream into reads, as chunk sizes that add up to the stream's length.
 * A chunk of 0 bytes is a decode call with nothing new: a decoder must cope with it. Part of the
 * conformance kit ({@link FramerConformance}); usable on its own in a user's tests.
 */
public final class Splits {
    /** The seeds of the random splits; a failure message names the seed. */
    public static final long[] SEEDS = {1, 7, 42, 2024, 0x5eed};

    /** Streams up to this long are split at every position; longer ones at sampled positions. */
    public static final int EVERY_POSITION_LIMIT = 4096;

    private Splits() {}

    /**
     * One read of the whole stream.
     *
     * @param length the stream's length
     * @return the chunk sizes
     */
    public static int[] whole(int length) {
        return new int[] {length};
    }

    /**
     * One byte per read: the split most likely to find a decoder's bugs.
     *
     * @param length the stream's length
     * @return the chunk sizes
     */
    public static int[] oneBytePerRead(int length) {
        return IntStream.generate(() -> 1).limit(length).toArray();
    }

    /**
     * Two reads: the first {@code position} bytes, then the rest.
     *
     * @param position bytes in the first read, 0 to {@code length}
     * @param length the stream's length
     * @return the chunk sizes
     */
    public static int[] splitAt(int position, int length) {
        return new int[] {position, length - position};
    }

    /**
     * The positions to split a stream of {@code length} bytes at: all of 0..length for short
     * streams; for long ones the first and last 64 and 256 seeded random positions between.
     *
     * @param length the stream's length
     * @return the positions, ascending
     */
    public static int[] positions(int length) {
        if (length <= EVERY_POSITION_LIMIT) {
            return IntStream.rangeClosed(0, length).toArray();
        }
        TreeSet<Integer> positions = new TreeSet<>();
        for (int i = 0; i <= 64; i++) {
            positions.add(i);
            positions.add(length - i);
        }
        Random random = new Random(length);
        for (int i = 0; i < 256; i++) {
            positions.add(random.nextInt(length + 1));
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Seeded random chunks: a mix of 1-byte, small, medium and large reads, now and then an empty one.
     *
     * @param seed the random seed; a failure message should name it
     * @param length the stream's length
     * @return the chunk sizes
     */
    public static int[] random(long seed, int length) {
        Random random = new Random(seed);
        List<Integer> sizes = new ArrayList<>();
        int left = length;
        while (left > 0) {
            if (random.nextInt(16) == 0) {
                sizes.add(0);
                continue;
            }
            int bound = switch (random.nextInt(4)) {
                case 0 -> 1;
                case 1 -> 8;
                case 2 -> 64;
                default -> 4096;
            };
            int size = Math.min(left, 1 + random.nextInt(bound));
            sizes.add(size);
            left -= size;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Chunks taken from fuzz data: each byte is one chunk size (0 to 255), cycling until the
     * stream is covered; no sizes means one whole read.
     *
     * @param sizes the fuzz data
     * @param length the stream's length
     * @return the chunk sizes
     */
    public static int[] fromBytes(byte[] sizes, int length) {
        boolean progresses = false;
        for (byte size : sizes) {
            progresses |= size != 0;
        }
        if (!progresses) {
            return whole(length);
        }
        List<Integer> chunks = new ArrayList<>();
        for (int i = 0, left = length; left > 0; i++) {
            int size = Math.min(left, sizes[i % sizes.length] & 0xff);
            chunks.add(size);
            left -= size;
        }
        return chunks.stream().mapToInt(Integer::intValue).toArray();
    }
}

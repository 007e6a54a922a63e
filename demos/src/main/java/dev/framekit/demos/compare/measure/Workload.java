package dev.framekit.demos.compare.measure;

/**
 * The messages every contender carries at one size: a JSON array holding one string of printable
 * ASCII letters and digits, {@code ["…"]} (so the delimiter and fixed-length framers can carry
 * them: no {@code \n}, never ending in a pad byte; and so can the JSON framings), each stamped
 * with its sequence number in hex at the front of the string so that a reordered, lost or
 * duplicated message changes the receiver's checksum. Messages under 6 bytes are letters alone.
 * Not thread-safe: {@link #expected} keeps what it computed.
 */
public final class Workload {
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** At most this many leading bytes carry the sequence number. */
    public static final int STAMP_LENGTH = 12;

    private final int size;
    private final byte[] template;

    public Workload(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("message size must be at least 1 byte, got " + size);
        }
        this.size = size;
        this.template = new byte[size];
        long seed = 0x9E3779B97F4A7C15L ^ size;
        for (int i = 0; i < size; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            template[i] = ALPHABET[(int) ((seed >>> 33) % ALPHABET.length)];
        }
        if (size >= JSON_SIZE) {
            template[0] = '[';
            template[1] = '"';
            template[size - 2] = '"';
            template[size - 1] = ']';
        }
    }

    /** The smallest size whose messages are JSON: {@code ["ab"]}. */
    private static final int JSON_SIZE = 6;

    /** Where the sequence number starts: inside the JSON string, or at the front. */
    private int stampStart() {
        return size >= JSON_SIZE ? 2 : 0;
    }

    /** The payload size in bytes. */
    public int size() {
        return size;
    }

    /** A fresh buffer holding the template; {@link #stamp} turns it into message {@code sequence}. */
    public byte[] newMessageBuffer() {
        return template.clone();
    }

    /** Writes {@code sequence} into the front of {@code message}, making it that message; returns it. */
    public byte[] stamp(long sequence, byte[] message) {
        int start = stampStart();
        int digits = Math.min(STAMP_LENGTH, size - 2 * start);
        long value = sequence;
        for (int i = digits - 1; i >= 0; i--) {
            message[start + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        return message;
    }

    /** Message {@code sequence} as a new array. */
    public byte[] message(long sequence) {
        return stamp(sequence, newMessageBuffer());
    }

    /**
     * What a receiver should have tallied after {@code count} messages, in {@code mode}. The
     * checksum of every prefix of the message sequence is computed once per workload and kept
     * (4 bytes a message): recomputing it after every trial cost as much as a 16 B trial itself.
     */
    public Tally expected(long count, Tally.Mode mode) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many messages to verify: " + count);
        }
        extendPrefixes((int) count);
        long lengths = Tally.LENGTHS_SEED;
        for (long i = 0; i < count; i++) {
            lengths = lengths * 31 + size;
        }
        long checksum = count == 0 ? 0 : prefixChecksums[(int) count - 1] & 0xFFFFFFFFL;
        return Tally.of(mode, count, count * size, lengths, checksum);
    }

    /** CRC-32C of messages 0..i, for every i computed so far. */
    private int[] prefixChecksums = new int[0];
    private int prefixes;
    private final java.util.zip.CRC32C running = new java.util.zip.CRC32C();
    private byte[] stamped;

    private void extendPrefixes(int count) {
        if (count <= prefixes) {
            return;
        }
        if (count > prefixChecksums.length) {
            prefixChecksums = java.util.Arrays.copyOf(prefixChecksums, Math.max(count, 2 * prefixChecksums.length));
        }
        if (stamped == null) {
            stamped = newMessageBuffer();
        }
        for (int i = prefixes; i < count; i++) {
            stamp(i, stamped);
            running.update(stamped, 0, size);
            prefixChecksums[i] = (int) running.getValue();
        }
        prefixes = count;
    }
}

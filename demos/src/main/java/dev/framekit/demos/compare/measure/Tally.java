package dev.framekit.demos.compare.measure;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * What a receiver saw: how many messages and bytes, a CRC-32C of the bytes in arrival order, and
 * an order-sensitive hash of the message lengths (so a boundary moved by one byte is caught even
 * when the bytes are all there). Compared with the {@link Workload#expected expected} tally after
 * a run; any loss, duplicate, reorder or corruption makes them differ.
 */
public final class Tally {
    /** How the receiver counts. */
    public enum Mode {
        /** One {@link #add} per message. */
        MESSAGES,
        /** An unframed byte stream: {@link #add} per read; no boundaries to check. */
        BYTES
    }

    /** The lengths hash before any message. */
    static final long LENGTHS_SEED = 17;

    private final Mode mode;
    private final CRC32C crc = new CRC32C();
    private long messages;
    private long bytes;
    private long lengths = LENGTHS_SEED;
    /** The checksum of a tally made from its figures ({@link #of}), or -1 for one that counts. */
    private final long checksum;

    public Tally(Mode mode) {
        this(mode, -1);
    }

    private Tally(Mode mode, long checksum) {
        this.mode = mode;
        this.checksum = checksum;
    }

    /** A tally with these figures, to compare with (it cannot {@link #add} more). */
    static Tally of(Mode mode, long messages, long bytes, long lengths, long checksum) {
        Tally tally = new Tally(mode, checksum);
        tally.messages = mode == Mode.MESSAGES ? messages : 0;
        tally.bytes = bytes;
        tally.lengths = mode == Mode.MESSAGES ? lengths : LENGTHS_SEED;
        return tally;
    }

    public Mode mode() {
        return mode;
    }

    /** Adds one message (or, in {@link Mode#BYTES}, one run of stream bytes). */
    public void add(byte[] data, int offset, int length) {
        requireCounting();
        crc.update(data, offset, length);
        count(length);
    }

    /** Adds one message held in a buffer, without moving its position. */
    public void add(ByteBuffer data) {
        int length = data.remaining();
        requireCounting();
        crc.update(data.duplicate());
        count(length);
    }

    /** Adds one message held in several buffers, in order (a frame that spans a composite buffer's parts). */
    public void add(ByteBuffer[] parts) {
        int length = 0;
        for (ByteBuffer part : parts) {
            length += part.remaining();
            crc.update(part.duplicate());
        }
        count(length);
    }

    private void count(int length) {
        bytes += length;
        if (mode == Mode.MESSAGES) {
            messages++;
            lengths = lengths * 31 + length;
        }
    }

    /** Messages seen; in {@link Mode#BYTES}, whole messages of {@code size} bytes. */
    public long messages(int size) {
        return mode == Mode.MESSAGES ? messages : bytes / size;
    }

    public long bytes() {
        return bytes;
    }

    public long checksum() {
        return checksum >= 0 ? checksum : crc.getValue();
    }

    private void requireCounting() {
        if (checksum >= 0) {
            throw new IllegalStateException("a tally made from its figures counts no more");
        }
    }

    /** True if {@code other} saw exactly the same messages in the same order. */
    public boolean sameAs(Tally other) {
        return mode == other.mode && messages == other.messages && bytes == other.bytes
                && lengths == other.lengths && checksum() == other.checksum();
    }

    @Override
    public String toString() {
        return (mode == Mode.MESSAGES ? messages + " messages, " : "") + bytes + " bytes, crc32c "
                + Long.toHexString(checksum());
    }
}

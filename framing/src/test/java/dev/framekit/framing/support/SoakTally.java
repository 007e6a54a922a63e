package dev.framekit.framing.support;

import java.util.BitSet;

/**
 * What a soak receiver saw: every message checked against the sequence the sender wrote, and
 * counted as delivered, duplicated, reordered or corrupted; lost is what never arrived.
 */
public final class SoakTally {
    private final BitSet seen = new BitSet();
    private long highest = -1;
    private long delivered;
    private long duplicated;
    private long reordered;
    private long corrupted;
    private long bytes;

    /** Records one received message, given its sequence number ({@code -1}: corrupted) and size. */
    public void received(long seq, int size) {
        bytes += size;
        if (seq < 0 || seq > Integer.MAX_VALUE) {
            corrupted++;
            return;
        }
        if (seen.get((int) seq)) {
            duplicated++;
            return;
        }
        seen.set((int) seq);
        if (seq < highest) {
            reordered++;
        }
        highest = Math.max(highest, seq);
        delivered++;
    }

    /** How many of the first {@code sent} messages never arrived. */
    public long lost(long sent) {
        return sent - seen.get(0, (int) Math.min(sent, Integer.MAX_VALUE)).cardinality();
    }

    public long delivered() {
        return delivered;
    }

    public long duplicated() {
        return duplicated;
    }

    public long reordered() {
        return reordered;
    }

    public long corrupted() {
        return corrupted;
    }

    public long bytes() {
        return bytes;
    }

    /** One line: the counts, for the soak's summary. */
    public String summary(long sent) {
        return String.format("%,d sent, %,d delivered (%.1f MB): %d lost, %d duplicated, %d reordered, %d corrupted",
                sent, delivered, bytes / 1e6, lost(sent), duplicated, reordered, corrupted);
    }
}

package dev.framekit.demos.compare.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameVisitor;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/**
 * What small messages allocate on framekit's allocation-free paths, in bytes per message from the
 * JVM's per-thread accounting (as compare's alloc B/msg column): {@link FrameWriter#write(byte[])}
 * from one refilled send buffer, {@link FrameReader#readEach}, and the two together in compare's
 * length row over loopback. Counted over enough messages that the buffers' one-off growth does
 * not count; no clock is involved.
 */
class SmallMessageAllocationTest {
    private static final int MESSAGES = 200_000;
    /** The budget issue 24 sets for a 16 B length-prefixed message, both ends together. */
    private static final double BUDGET = 8;

    @Test
    void writingFromARefilledSendBufferAllocatesNoObjectPerMessage() throws IOException {
        FrameWriter writer = new FrameWriter(OutputStream.nullOutputStream(), Framers.lengthPrefixed());
        byte[] message = new byte[16];

        Cost before = Cost.ofCurrentThread();
        for (int i = 0; i < MESSAGES; i++) {
            message[0] = (byte) i;
            writer.write(message);
        }
        writer.flush();
        double perMessage = (double) Cost.ofCurrentThread().since(before).allocatedBytes() / MESSAGES;

        assertTrue(perMessage < BUDGET, perMessage + " bytes per message; a wrapper per message would be 64");
    }

    @Test
    void readingWithAVisitorAllocatesNoObjectPerFrame() throws IOException {
        Framer framer = Framers.lengthPrefixed();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (FrameWriter writer = new FrameWriter(wire, framer)) {
            for (int i = 0; i < MESSAGES; i++) {
                writer.write(new byte[16]);
            }
        }
        long[] lent = new long[1];
        FrameVisitor counting = payload -> ++lent[0] > 0;
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire.toByteArray()), framer);

        Cost before = Cost.ofCurrentThread();
        while (reader.readEach(counting) > 0) {
            // every frame lent
        }
        double perFrame = (double) Cost.ofCurrentThread().since(before).allocatedBytes() / MESSAGES;

        assertEquals(MESSAGES, lent[0]);
        assertTrue(perFrame < BUDGET, perFrame + " bytes per frame; a slice per frame would be 40");
    }

    @Test
    void compareLengthRowAt16BytesAllocatesAtMost8BytesPerMessage() throws Exception {
        Contender length = Contenders.framing("length");
        length.stream(new Workload(16), Budget.messages(MESSAGES)); // the JIT's first pass
        long messages = 5L * MESSAGES; // enough that a reader's buffer regrown after an idle wait does not count
        Cost before = Cost.ofCurrentThread();

        StreamRun run = length.stream(new Workload(16), Budget.messages(messages)).withSenderCost(
                Cost.ofCurrentThread().since(before));

        assertEquals(messages, run.received().messages(16), "every message arrived");
        assertTrue(run.allocatedBytesPerMessage() <= BUDGET,
                run.allocatedBytesPerMessage() + " bytes per message, sender and receiver together");
    }
}

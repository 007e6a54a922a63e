package dev.framekit.framing.userframer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.Framers;
import dev.framekit.framing.MessageRefusedException;
import dev.framekit.framing.testing.FramerConformance;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A framer written outside framekit's package, against the public contract only: it passes the
 * conformance kit and gets the writer's zero-copy path; a decorator keeps send-and-close's rule.
 */
class UserFramerTest {
    private static final int LARGE = 40_000;

    private final TwoByteLittleEndianFramer framer = new TwoByteLittleEndianFramer(0xffff);

    @Test
    void twoByteLittleEndianFramerPassesTheConformanceKit() {
        FramerConformance.check(framer,
                List.of(new byte[0], "a".getBytes(UTF_8), "héllo ✓".getBytes(UTF_8), new byte[] {2, 0, 0}, large()),
                List.of(new byte[0x10000]));
        FramerConformance.check(new TwoByteLittleEndianFramer(10), List.of("0123456789".getBytes(UTF_8)),
                List.of("hello world".getBytes(UTF_8)));
    }

    @Test
    void writesTheHeaderLittleEndian() throws Exception {
        RecordingOutputStream out = new RecordingOutputStream();
        try (FrameWriter writer = new FrameWriter(out, framer)) {
            writer.writeAndFlush("hi");
        }
        assertArrayEquals(new byte[] {2, 0, 'h', 'i'}, out.bytes.toByteArray());
    }

    @Test
    void writerSendsALargePayloadOfAUserFramerWithoutCopyingItIntoTheBatch() throws Exception {
        byte[] payload = large();
        RecordingOutputStream out = new RecordingOutputStream();
        FrameWriter writer = new FrameWriter(out, framer);

        writer.write("small").write(payload).flush();

        List<RecordingOutputStream.Write> direct = out.writes.stream().filter(w -> w.array() == payload).toList();
        assertEquals(1, direct.size(), "the payload array itself went to the stream once: " + out.writes);
        assertEquals(payload.length, direct.get(0).length(), "the whole payload in that one write");
        int copied = out.writes.stream().filter(w -> w.array() != payload).mapToInt(RecordingOutputStream.Write::length).sum();
        assertEquals(2 + 5 + 2, copied, "only the small frame and the large frame's header passed through the batch");
        try (FrameReader reader = new FrameReader(new ByteArrayInputStream(out.bytes.toByteArray()), framer)) {
            assertEquals("small", reader.readString());
            assertArrayEquals(payload, reader.readByteArray());
            assertEquals(null, reader.readFrame());
        }
    }

    @Test
    void decoratorThatDelegatesNewEncoderKeepsTheOneMessageRule() throws Exception {
        CountingFramer counting = new CountingFramer(Framers.sendAndClose());
        RecordingOutputStream out = new RecordingOutputStream();
        FrameWriter writer = new FrameWriter(out, counting);

        writer.writeAndFlush("one");
        MessageRefusedException second = assertThrows(MessageRefusedException.class, () -> writer.writeAndFlush("two"));

        assertTrue(writer.isFinished(), "the writer says the output must end");
        assertTrue(second.getMessage().contains("one message"), second.getMessage());
        assertArrayEquals("one".getBytes(UTF_8), out.bytes.toByteArray(), "the refusal wrote nothing");
        FramerConformance.check(counting, List.of(new byte[0], "x".getBytes(UTF_8), large()), List.of());
        assertTrue(counting.connections.get() > 0, "the kit decoded through the decorator");
    }

    @Test
    void kitCatchesAFramerWhoseDecoderDependsOnTheSplit() {
        // A broken framer: its decoder returns whatever is buffered, so frames follow the reads.
        CountingFramer broken = new CountingFramer(framer) {
            @Override
            public dev.framekit.framing.FrameDecoder newDecoder() {
                return (in, end) -> in.isReadable() ? in.readRetainedSlice(in.readableBytes()) : null;
            }
        };
        AssertionError failure = assertThrows(AssertionError.class,
                () -> FramerConformance.check(broken, List.of("ab".getBytes(UTF_8), "cd".getBytes(UTF_8)), List.of()));
        assertTrue(failure.getMessage().contains("counting int16le"), failure.getMessage());
    }

    private static byte[] large() {
        byte[] bytes = new byte[LARGE];
        new Random(8).nextBytes(bytes);
        return Arrays.copyOf(bytes, LARGE);
    }
}

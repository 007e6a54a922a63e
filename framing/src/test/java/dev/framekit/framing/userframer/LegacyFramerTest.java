package dev.framekit.framing.userframer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A framer written against the 0.1 contract, which implements only {@code encode},
 * {@code newDecoder} and {@code maxFrameLength}, keeps working through the default bridges: the
 * writer frames small and large messages alike, and refusals still write nothing.
 */
class LegacyFramerTest {
    /** Wraps a framer the 0.1 way: only encode is overridden. */
    private static Framer legacy(Framer inner) {
        return new Framer() {
            @Override
            public void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException {
                inner.encode(message, out);
            }

            @Override
            public FrameDecoder newDecoder() {
                return inner.newDecoder();
            }

            @Override
            public int maxFrameLength() {
                return inner.maxFrameLength();
            }
        };
    }

    @Test
    void writesSmallAndLargeMessagesOfA01FramerByteForByteAsTheFramerEncodesThem() throws Exception {
        Framer framer = legacy(Framers.fixedLength(40_000).pad('#'));
        byte[] large = new byte[30_000];
        new Random(3).nextBytes(large);
        large[large.length - 1] = 'z';
        RecordingOutputStream out = new RecordingOutputStream();

        try (FrameWriter writer = new FrameWriter(out, framer)) {
            writer.write("hi").write(large);
        }

        try (FrameReader reader = new FrameReader(new ByteArrayInputStream(out.bytes.toByteArray()), framer)) {
            assertEquals("hi", reader.readString());
            assertArrayEquals(large, reader.readByteArray());
            assertNull(reader.readFrame());
        }
        assertEquals(80_000, out.bytes.size(), "two whole fixed frames");
    }

    @Test
    void refusesThroughTheBridgeWithoutWriting() throws Exception {
        Framer framer = legacy(Framers.lines());
        RecordingOutputStream out = new RecordingOutputStream();
        FrameWriter writer = new FrameWriter(out, framer);

        assertNotNull(framer.check("a\nb".getBytes(UTF_8)), "check answers for a 0.1 framer too");
        assertNull(framer.check("ab".getBytes(UTF_8)));
        assertThrows(MessageRefusedException.class, () -> writer.writeAndFlush("a\nb"));
        writer.writeAndFlush("ok");

        assertArrayEquals("ok\n".getBytes(UTF_8), out.bytes.toByteArray());
    }
}

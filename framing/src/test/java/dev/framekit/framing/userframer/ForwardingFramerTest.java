package dev.framekit.framing.userframer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.ForwardingFramer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.MessageRefusedException;
import dev.framekit.framing.testing.FramerConformance;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The library's decorator base, used from outside framekit's package as a user would. */
class ForwardingFramerTest {
    private static final List<byte[]> MESSAGES =
            List.of(new byte[0], "a".getBytes(UTF_8), "héllo ✓".getBytes(UTF_8), new byte[40_000]);

    /** Counts decoders; changes nothing else. */
    private static final class Counting extends ForwardingFramer {
        final AtomicInteger decoders = new AtomicInteger();

        Counting(Framer delegate) {
            super(delegate);
        }

        @Override
        public FrameDecoder newDecoder() {
            decoders.incrementAndGet();
            return super.newDecoder();
        }
    }

    @Test
    void aForwardingFramerOverEachFramerPassesTheConformanceKitAndDecodesThroughTheOverride() {
        for (Framer inner : List.of(Framers.lengthPrefixed(), Framers.netstrings(), Framers.sendAndClose())) {
            Counting counting = new Counting(inner);
            FramerConformance.check(counting, MESSAGES, List.of());
            assertTrue(counting.decoders.get() > 0, inner + ": the kit decoded through the override");
        }
        Counting lines = new Counting(Framers.lines());
        FramerConformance.check(lines, List.of("a".getBytes(UTF_8), new byte[0]), List.of("a\nb".getBytes(UTF_8)));
    }

    @Test
    void framesByteForByteAsItsDelegate() throws Exception {
        Framer inner = Framers.lengthPrefixed();
        Counting counting = new Counting(inner);
        ByteBuf mine = Unpooled.buffer();
        ByteBuf theirs = Unpooled.buffer();
        counting.encode("hello".getBytes(UTF_8), mine);
        inner.encode("hello".getBytes(UTF_8), theirs);
        assertEquals(theirs, mine);
        assertEquals(inner.overhead(5), counting.overhead(5));
        assertEquals(inner.maxFrameLength(), counting.maxFrameLength());
        assertEquals(inner.toString(), counting.toString());
    }

    @Test
    void keepsTheDelegatesOneMessageRuleBecauseItForwardsNewEncoder() throws Exception {
        Counting counting = new Counting(Framers.sendAndClose());
        RecordingOutputStream out = new RecordingOutputStream();
        FrameWriter writer = new FrameWriter(out, counting);

        writer.writeAndFlush("one");

        assertThrows(MessageRefusedException.class, () -> writer.writeAndFlush("two"));
        assertTrue(writer.isFinished());
        assertArrayEquals("one".getBytes(UTF_8), out.bytes.toByteArray());
    }

    @Test
    void anOverriddenEncoderGovernsCheckAndTheDefaultEncode() {
        Framer shy = new ForwardingFramer(Framers.lengthPrefixed()) {
            @Override
            public FrameEncoder newEncoder() {
                FrameEncoder inner = super.newEncoder();
                return new FrameEncoder() {
                    @Override
                    public MessageRefusedException check(ByteBuf message) {
                        return message.readableBytes() > 3
                                ? new MessageRefusedException("over 3 bytes", message.readableBytes()) : inner.check(message);
                    }

                    @Override
                    public int overhead(int payloadLength) {
                        return inner.overhead(payloadLength);
                    }

                    @Override
                    public void writeHeader(int payloadLength, ByteBuf out) {
                        inner.writeHeader(payloadLength, out);
                    }
                };
            }
        };
        assertNull(shy.check("abc".getBytes(UTF_8)));
        assertNotNull(shy.check("abcd".getBytes(UTF_8)), "check(byte[]) goes through the override");
        ByteBuf out = Unpooled.buffer();
        MessageRefusedException refused =
                assertThrows(MessageRefusedException.class, () -> shy.encode("abcd".getBytes(UTF_8), out));
        assertEquals("over 3 bytes", refused.getMessage());
        assertEquals(0, out.readableBytes(), "nothing written for a refused message");
    }

    @Test
    void delegateIsTheFramerGivenAndNullIsRefused() {
        Framer inner = Framers.lengthPrefixed();
        assertSame(inner, new ForwardingFramer(inner) {
            Framer exposed() {
                return delegate();
            }
        }.exposed());
        assertThrows(NullPointerException.class, () -> new ForwardingFramer(null) {});
    }
}

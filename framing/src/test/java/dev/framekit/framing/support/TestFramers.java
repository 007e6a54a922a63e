package dev.framekit.framing.support;

import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** The framers the stream-layer and socket tests run every case on, as named JUnit arguments. */
public final class TestFramers {
    /** The longest frame a short message may take, for the tests that feed every byte position. */
    static final int SHORT_FRAME = 1024;

    private TestFramers() {}

    /**
     * Every framer of {@link FramerFixture#all()} that one instance can both write and read in
     * short frames, as a named argument: a framer added to the fixture is run through the
     * stream-layer, socket and soak tests too. Left out, because those tests send the empty
     * message and short ones and feed every byte position: chunked (an empty chunk would end the
     * body), exact-length (only messages of exactly its size) and a fixed length of 128 KiB (a
     * short message is not a short frame).
     */
    public static Stream<Arguments> every() {
        return FramerFixture.all().stream()
                .filter(fixture -> carriesAnyShortMessageBothWays(fixture.framer()))
                .map(fixture -> Arguments.of(Named.of(fixture.name(), fixture.framer())));
    }

    /**
     * True if the framer carries the short messages the stream tests send in frames of at most
     * {@value #SHORT_FRAME} bytes, and reads back what it wrote: {@code ""}, {@code "a"},
     * {@code "hello"}, 64 letters.
     */
    static boolean carriesAnyShortMessageBothWays(Framer framer) {
        for (String message : List.of("", "a", "hello", "x".repeat(64))) {
            byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
            if (framer.check(bytes) != null) {
                return false;
            }
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            try (FrameWriter writer = new FrameWriter(wire, framer)) {
                writer.write(bytes);
            } catch (IOException e) {
                return false;
            }
            if (wire.size() > SHORT_FRAME) {
                return false;
            }
            try (FrameReader back = new FrameReader(new ByteArrayInputStream(wire.toByteArray()), framer)) {
                if (!Arrays.equals(bytes, back.readByteArray())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** The framers that carry more than one message per connection. */
    public static Stream<Arguments> persistent() {
        return every().filter(arguments -> !TestFramers.isSendAndClose(framerOf(arguments)));
    }

    /**
     * True for a framer whose connection carries one message: its encoder is finished after
     * writing one. Asked of the encoder, the contract's own answer, not of a flag.
     */
    public static boolean isSendAndClose(Framer framer) {
        io.netty.buffer.ByteBuf scratch = io.netty.buffer.Unpooled.buffer();
        try {
            FrameEncoder encoder = framer.newEncoder();
            encoder.encode(io.netty.buffer.Unpooled.wrappedBuffer(acceptedMessage(framer)), scratch);
            return encoder.isFinished();
        } catch (MessageRefusedException e) {
            throw new AssertionError("a test framer refuses every sample message: " + e.getMessage(), e);
        } finally {
            scratch.release();
        }
    }

    /**
     * A message the framer carries: the empty one, else one byte (chunked, SLIP), else an empty
     * JSON object (json, json-seq), else a line feed (a kept delimiter), else a full frame (exact length).
     */
    private static byte[] acceptedMessage(Framer framer) {
        for (byte[] candidate : new byte[][] {new byte[0], {'a'}, {'{', '}'}, {'\n'}}) {
            if (framer.check(candidate) == null) {
                return candidate;
            }
        }
        return new byte[Math.min(framer.maxFrameLength(), 1 << 16)];
    }

    private static Framer framerOf(Arguments arguments) {
        return (Framer) ((Named<?>) arguments.get()[0]).getPayload();
    }
}

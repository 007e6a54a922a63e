package dev.framekit.framing.support;

import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.MessageRefusedException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** The framers the stream-layer and socket tests run every case on, as named JUnit arguments. */
public final class TestFramers {
    private TestFramers() {}

    /**
     * One of each framing: fixed (64, pad '#'), lines, lenient lines, "#*#", length prefix, three
     * length-field variants (u16le counting the header, varint, ascii:5), netstrings,
     * send-and-close.
     */
    public static Stream<Arguments> every() {
        return Stream.of(
                Arguments.of(Named.of("fixed-length 64, pad #", Framers.fixedLength(64).pad('#'))),
                Arguments.of(Named.of("lines", Framers.lines())),
                Arguments.of(Named.of("delimiter #*#", Framers.delimiter("#*#"))),
                Arguments.of(Named.of("lenient lines", Framers.lines().lenientLineEndings())),
                Arguments.of(Named.of("length prefix", Framers.lengthPrefixed())),
                Arguments.of(Named.of("length u16le counting the header", LengthPrefixFramer.builder()
                        .lengthField(LengthField.littleEndian(2)).lengthIncludesHeader().build())),
                Arguments.of(Named.of("length varint", Framers.lengthPrefixed(LengthField.varint()))),
                Arguments.of(Named.of("length ascii:5", Framers.lengthPrefixed(LengthField.asciiDecimal(5)))),
                Arguments.of(Named.of("netstring", Framers.netstrings())),
                Arguments.of(Named.of("send-and-close", Framers.sendAndClose())));
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

    /** A message the framer carries: the empty one, else one byte (chunked), else a full frame (exact length). */
    private static byte[] acceptedMessage(Framer framer) {
        for (byte[] candidate : new byte[][] {new byte[0], {'a'}}) {
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

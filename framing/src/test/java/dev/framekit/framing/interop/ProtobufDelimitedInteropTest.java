package dev.framekit.framing.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.testing.ChunkedInputStream;
import dev.framekit.framing.testing.Splits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * protobuf-java's delimited format ({@code writeDelimitedTo} / {@code parseDelimitedFrom}: a
 * varint length, then the message) against framekit's varint framer, both ways, with messages
 * whose serialized sizes sit on the varint boundaries.
 */
class ProtobufDelimitedInteropTest {
    /** Serialized sizes (a non-empty BytesValue takes at least 3): 1-byte varint up to 127, 2 bytes from 128 to 16,383, 3 bytes from 16,384. */
    private static final int[] SIZES = {0, 3, 127, 128, 300, 16_383, 16_384, 100_000};

    private static final Framer VARINT = Framers.lengthPrefixed(LengthField.varint());

    @Test
    void framekitReadsWhatWriteDelimitedToWrote() throws IOException {
        List<BytesValue> messages = messages();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (BytesValue message : messages) {
            message.writeDelimitedTo(wire);
        }
        byte[] bytes = wire.toByteArray();

        for (int[] chunks : List.of(Splits.whole(bytes.length), Splits.oneBytePerRead(bytes.length),
                Splits.random(42, bytes.length))) {
            int[] reads = java.util.Arrays.stream(chunks).filter(size -> size > 0).toArray();
            FrameReader reader = new FrameReader(new ChunkedInputStream(bytes, reads), VARINT);
            for (BytesValue message : messages) {
                byte[] frame = reader.readByteArray();
                assertEquals(message.getSerializedSize(), frame.length);
                assertEquals(message, BytesValue.parseFrom(frame));
            }
            assertNull(reader.readByteArray(), "then the stream ends cleanly");
        }
    }

    @Test
    void parseDelimitedFromReadsWhatFramekitWrote() throws IOException {
        List<BytesValue> messages = messages();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (FrameWriter writer = new FrameWriter(wire, VARINT)) {
            for (BytesValue message : messages) {
                writer.write(message.toByteArray());
            }
        }

        InputStream in = new ByteArrayInputStream(wire.toByteArray());
        for (BytesValue message : messages) {
            assertEquals(message, BytesValue.parseDelimitedFrom(in));
        }
        assertNull(BytesValue.parseDelimitedFrom(in), "protobuf sees a clean end");
    }

    @Test
    void writesTheSameBytesAsWriteDelimitedTo() throws IOException {
        for (BytesValue message : messages()) {
            ByteArrayOutputStream protobuf = new ByteArrayOutputStream();
            message.writeDelimitedTo(protobuf);
            ByteArrayOutputStream framekit = new ByteArrayOutputStream();
            try (FrameWriter writer = new FrameWriter(framekit, VARINT)) {
                writer.write(message.toByteArray());
            }

            assertArrayEquals(protobuf.toByteArray(), framekit.toByteArray(),
                    "a message of " + message.getSerializedSize() + " bytes");
        }
    }

    /** One BytesValue per size in {@link #SIZES}, serialized to exactly that many bytes. */
    private static List<BytesValue> messages() {
        List<BytesValue> messages = new ArrayList<>();
        for (int size : SIZES) {
            BytesValue message = ofSerializedSize(size);
            assertEquals(size, message.getSerializedSize());
            messages.add(message);
        }
        return messages;
    }

    /** A BytesValue (field 1: tag, varint length, bytes) whose encoding is {@code size} bytes. */
    private static BytesValue ofSerializedSize(int size) {
        for (int value = Math.max(0, size - 6); value <= size; value++) {
            BytesValue candidate = BytesValue.of(ByteString.copyFrom(Patterns.bytes(value, size)));
            if (candidate.getSerializedSize() == size) {
                return candidate;
            }
        }
        throw new AssertionError("no BytesValue serializes to " + size + " bytes");
    }
}

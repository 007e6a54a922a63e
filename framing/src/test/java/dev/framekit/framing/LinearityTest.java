package dev.framekit.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.framekit.framing.testing.ChunkedInputStream;

/**
 * Each inbound byte is examined O(1) times, however the stream is split. A 4 MiB frame arriving
 * one byte per read takes about four million reads; a decoder that rescanned the frame from its
 * start on every read would examine about 8 * 10^12 bytes and take hours, so these tests would
 * hit their timeout. A linear one takes seconds.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LinearityTest {
    private static final int FRAME = 4 << 20;
    private static final int MAX = 8 << 20;

    static Stream<Arguments> framers() {
        return Stream.of(
                Arguments.of(Named.of("lines", Framers.lines().withMaxFrameLength(MAX))),
                Arguments.of(Named.of("delimiter #*#", Framers.delimiter("#*#").withMaxFrameLength(MAX))),
                Arguments.of(Named.of("length prefix", Framers.lengthPrefixed().withMaxFrameLength(MAX))),
                Arguments.of(Named.of("fixed-length 4 MiB", Framers.fixedLength(FRAME).pad('#'))),
                Arguments.of(Named.of("send-and-close", Framers.sendAndClose(MAX))),
                Arguments.of(Named.of("cobs", Framers.cobs(MAX))),
                Arguments.of(Named.of("slip", Framers.slip(MAX))),
                Arguments.of(Named.of("mqtt", Framers.mqtt().withMaxFrameLength(MAX))),
                Arguments.of(Named.of("zmtp", Framers.zmtp(MAX))),
                Arguments.of(Named.of("resp", Framers.resp(MAX))),
                Arguments.of(Named.of("nats", Framers.nats(MAX))),
                Arguments.of(Named.of("syslog", Framers.syslog(MAX))),
                Arguments.of(Named.of("stomp", Framers.stomp(MAX))));
    }

    /** JSON framers read structure, so their 4 MiB frame is a text: strings with escapes and brackets inside, nesting. */
    static Stream<Arguments> jsonFramers() {
        return Stream.of(Arguments.of(Named.of("json", Framers.json(MAX, 128))),
                Arguments.of(Named.of("json-seq", Framers.jsonSeq(MAX, 128))));
    }

    @ParameterizedTest
    @MethodSource("jsonFramers")
    void readsA4MibJsonTextArrivingOneByteAtATime(Framer framer) throws IOException {
        StringBuilder text = new StringBuilder("{\"k\":[");
        while (text.length() < FRAME) {
            text.append("\"}]\\\"\\\\\",[{\"a\":{}}],");
        }
        byte[] payload = text.append("1]}").toString().getBytes(US_ASCII);
        byte[] wire = FrameReaderTest.encode(framer, payload);
        ChunkedInputStream in = ChunkedInputStream.oneByteAtATime(wire);
        FrameReader reader = new FrameReader(in, framer);

        ByteBuf frame = reader.readFrame();

        assertNotNull(frame);
        try {
            assertEquals(Unpooled.wrappedBuffer(payload), frame);
        } finally {
            frame.release();
        }
        assertTrue(in.readCalls() >= wire.length, "it really was fed one byte per read");
        assertNull(reader.readFrame());
    }

    @ParameterizedTest
    @MethodSource("framers")
    void readsA4MibFrameArrivingOneByteAtATime(Framer framer) throws IOException {
        byte[] payload = nearMisses(FRAME);
        byte[] wire = FrameReaderTest.encode(framer, payload);
        ChunkedInputStream in = ChunkedInputStream.oneByteAtATime(wire);
        FrameReader reader = new FrameReader(in, framer);

        ByteBuf frame = reader.readFrame();

        assertNotNull(frame);
        try {
            assertEquals(Unpooled.wrappedBuffer(payload), frame);
        } finally {
            frame.release();
        }
        assertTrue(in.readCalls() >= wire.length, "it really was fed one byte per read");
        assertNull(reader.readFrame());
    }

    @ParameterizedTest
    @MethodSource("framers")
    void decodesA4MibFrameFedOneByteAtATime(Framer framer) throws FramingException {
        byte[] payload = nearMisses(FRAME);
        byte[] wire = FrameReaderTest.encode(framer, payload);
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.buffer(wire.length);

        ByteBuf frame = null;
        int fed = 0;
        while (frame == null && fed < wire.length) {
            in.writeByte(wire[fed++]);
            frame = decoder.decode(in, false);
        }
        if (frame == null) {
            frame = decoder.decode(in, true); // send-and-close: the end of stream ends the message
        }

        assertEquals(wire.length, fed, "no frame before its last byte");
        assertNotNull(frame);
        assertEquals(Unpooled.wrappedBuffer(payload), frame);
        assertEquals(0, in.readableBytes(), "the frame consumed every byte");
        frame.release();
    }

    @Test
    void decodesAFrameWhoseDelimiterArrivesOneByteAtATimeAfterMillionsOfNearMisses() throws FramingException {
        // "#*" pairs everywhere: every second byte starts a candidate match of "#*#".
        Framer framer = Framers.delimiter("#*#").withMaxFrameLength(MAX);
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.buffer(FRAME + 3);
        byte[] pattern = "#*x".getBytes(US_ASCII);
        for (int i = 0; i < FRAME; i++) {
            in.writeByte(pattern[i % 3]);
            assertNull(decoder.decode(in, false));
        }
        byte[] delimiter = "#*#".getBytes(US_ASCII);
        ByteBuf frame = null;
        for (byte b : delimiter) {
            assertNull(frame, "the frame ended before its delimiter was complete");
            in.writeByte(b);
            frame = decoder.decode(in, false);
        }

        assertNotNull(frame);
        assertEquals(FRAME, frame.readableBytes());
        frame.release();
    }

    /**
     * A payload the framer carries, made of bytes that are as close as possible to a frame
     * boundary without being one: for "#*#", runs of "#*x", so every other byte begins a
     * candidate delimiter; for lines, plain text.
     */
    private static byte[] nearMisses(int size) {
        byte[] pattern = "#*x".getBytes(US_ASCII);
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = pattern[i % 3];
        }
        if (payload[size - 1] == '#' || payload[size - 1] == '*') {
            payload[size - 1] = 'x';
        }
        return payload;
    }
}

package dev.framekit.framing.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.Frame;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * framekit's {@link Framers#mqtt()} against a real Eclipse Mosquitto broker started on a free
 * loopback port: framekit speaks MQTT 3.1.1 to it packet by packet (CONNECT, SUBSCRIBE, PUBLISH at
 * QoS 0 with remaining lengths at both ends of every width of the Variable Byte Integer, PINGREQ,
 * DISCONNECT), decodes every packet the broker sends, and the bytes the broker sent are exactly what
 * framekit writes for the frames it decoded; and Eclipse Paho for Python publishes while framekit
 * reads. Needs Debian's {@code mosquitto} and {@code python3-paho-mqtt}.
 */
@Peer
@Needs(Capability.MOSQUITTO)
@Timeout(120)
class MosquittoInteropTest {
    /** The remaining lengths at both ends of each Variable Byte Integer width: 1, 2, 3 and 4 bytes. */
    private static final int[] REMAINING_LENGTHS = {127, 128, 16_383, 16_384, 2_097_151, 2_097_152};

    private static final LengthPrefixFramer MQTT = Framers.mqtt().withMaxFrameLength(4 << 20);

    @TempDir
    Path dir;

    @Test
    void framekitTalksToMosquittoPacketByPacketAcrossEveryRemainingLengthWidth() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir);
                Socket socket = new Socket("127.0.0.1", broker.port())) {
            socket.setSoTimeout(30_000);
            Recording received = new Recording(socket.getInputStream());
            List<Frame> frames = new ArrayList<>();
            try (FrameReader reader = new FrameReader(received, MQTT);
                    FrameWriter writer = new FrameWriter(socket.getOutputStream(), MQTT)) {
                String topic = "framekit/widths";
                writer.write(packet(0x10, connect("framekit-widths"))).flush();
                Frame connack = expect(reader, 0x20, frames, broker);
                assertEquals("0000", ByteBufUtil.hexDump(connack.payload()), "CONNACK: session not present, accepted");

                writer.write(packet(0x82, concat(bytes(0, 1), string(topic), bytes(0)))).flush();
                Frame suback = expect(reader, 0x90, frames, broker);
                assertEquals("000100", ByteBufUtil.hexDump(suback.payload()), "SUBACK for packet 1, QoS 0 granted");

                for (int remaining : REMAINING_LENGTHS) {
                    byte[] body = concat(string(topic), pattern(remaining - 2 - topic.length()));
                    assertEquals(remaining, body.length);
                    writer.write(packet(0x30, body)).flush();
                    Frame publish = expect(reader, 0x30, frames, broker);
                    assertArrayEquals(body, ByteBufUtil.getBytes(publish.payload()),
                            "the broker's PUBLISH back to the subscriber, remaining length " + remaining);
                }
                writer.write(packet(0xc0, new byte[0])).flush();
                assertEquals(0, expect(reader, 0xd0, frames, broker).payload().readableBytes(), "PINGRESP");
                writer.write(packet(0xe0, new byte[0])).flush();
            }
            assertArrayEquals(received.bytes(), writtenBack(frames),
                    "the broker's bytes are exactly what framekit writes for the frames it read");
            assertEquals("20 02", hexOfHeader(received.bytes(), 0, 2), "CONNACK's fixed header");
            frames.forEach(Frame::release);
        }
    }

    @Test
    @Needs(Capability.PYTHON3_PAHO_MQTT)
    void framekitReadsWhatPahoPublishesThroughMosquitto() throws Exception {
        String topic = "t/paho";
        try (Mosquitto broker = Mosquitto.start(dir);
                Socket socket = new Socket("127.0.0.1", broker.port());
                FrameReader reader = new FrameReader(socket.getInputStream(), MQTT);
                FrameWriter writer = new FrameWriter(socket.getOutputStream(), MQTT)) {
            socket.setSoTimeout(30_000);
            List<Frame> frames = new ArrayList<>();
            writer.write(packet(0x10, connect("framekit-subscriber"))).flush();
            expect(reader, 0x20, frames, broker);
            writer.write(packet(0x82, concat(bytes(0, 7), string(topic), bytes(0)))).flush();
            expect(reader, 0x90, frames, broker);

            List<Object> arguments = new ArrayList<>(List.of(broker.port(), topic));
            for (int remaining : REMAINING_LENGTHS) {
                arguments.add(remaining - 2 - topic.length());
            }
            arguments.add(0);
            try (PythonPeer paho = PythonPeer.start("paho_publish.py", arguments.toArray())) {
                for (int i = 2; i < arguments.size(); i++) {
                    int size = (Integer) arguments.get(i);
                    Frame publish = expect(reader, 0x30, frames, broker);
                    byte[] expected = concat(string(topic), pahoPayload(size));
                    assertArrayEquals(expected, ByteBufUtil.getBytes(publish.payload()), "Paho's " + size + "-byte payload");
                }
                assertTrue(paho.finish().contains("done"));
            }
            frames.forEach(Frame::release);
        }
    }

    /** Reads the next packet, which must be of {@code type} (its first byte), and keeps it. */
    private static Frame expect(FrameReader reader, int firstByte, List<Frame> frames, Mosquitto broker)
            throws IOException {
        Frame frame = reader.read();
        assertTrue(frame != null, "the broker closed the connection: " + broker.log());
        frames.add(frame);
        assertEquals(String.format("%02x", firstByte), ByteBufUtil.hexDump(frame.headerFields()),
                "packet type and flags, then " + frame + "; broker log: " + broker.log());
        return frame;
    }

    private static byte[] writtenBack(List<Frame> frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FrameWriter writer = new FrameWriter(out, MQTT)) {
            for (Frame frame : frames) {
                writer.write(frame);
            }
        }
        return out.toByteArray();
    }

    private static Frame packet(int firstByte, byte[] body) {
        return Frame.of(Unpooled.wrappedBuffer(bytes(firstByte)), Unpooled.wrappedBuffer(body));
    }

    /** CONNECT, MQTT 3.1.1: protocol name, level 4, clean session, keep-alive 60 s, the client id. */
    private static byte[] connect(String clientId) {
        return concat(string("MQTT"), bytes(4, 0x02, 0, 60), string(clientId));
    }

    /** An MQTT UTF-8 string: a 2-byte big-endian length, then the bytes. */
    private static byte[] string(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return concat(bytes(utf8.length >>> 8, utf8.length & 0xff), utf8);
    }

    private static byte[] pattern(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) (i * 7 + size);
        }
        return out;
    }

    /** paho_publish.py's payload: byte i is (i * 31 + size) & 0xff. */
    private static byte[] pahoPayload(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) (i * 31 + size);
        }
        return out;
    }

    private static String hexOfHeader(byte[] bytes, int from, int count) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes, from, count);
        return ByteBufUtil.hexDump(buf).replaceAll("(..)(?!$)", "$1 ");
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** An input stream that keeps a copy of every byte read through it. */
    private static final class Recording extends FilterInputStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        byte[] bytes() {
            return copy.toByteArray();
        }
    }
}

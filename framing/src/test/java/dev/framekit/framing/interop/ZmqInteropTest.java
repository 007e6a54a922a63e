package dev.framekit.framing.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.framing.Frame;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * framekit's {@link Framers#zmtp()} against a real ZeroMQ socket: pyzmq over Debian's libzmq binds
 * a PAIR or DEALER socket, and framekit connects with a plain {@link FramedConnection}. The 64-byte
 * ZMTP 3 greeting is read as one {@link Framers#exactly(int) exactly(64)} frame, then the
 * connection switches to the ZMTP framer for the NULL handshake (a READY command each way, its
 * Socket-Type property checked) and for messages: one part, several parts (MORE), and parts over
 * 255 bytes (LONG), each echoed back by libzmq with one more part in front. Needs
 * {@code python3-zmq}.
 */
@Peer
@Needs(Capability.PYTHON3_ZMQ)
@Timeout(120)
class ZmqInteropTest {
    private static final int MORE = 0x01;
    private static final int LONG = 0x02;
    private static final int COMMAND = 0x04;

    @ParameterizedTest
    @ValueSource(strings = {"PAIR", "DEALER"})
    void framekitShakesHandsWithLibzmqAndExchangesMultipartMessages(String socketType) throws Exception {
        try (PythonPeer zmq = PythonPeer.start("zmq_peer.py", socketType);
                FramedConnection connection = FramedConnection.connector("127.0.0.1", zmq.port())
                        .framer(Framers.exactly(64)).readTimeout(Duration.ofSeconds(30)).connect()) {
            connection.writer().write(greeting()).flush();
            byte[] theirs = connection.readByteArray();
            assertEquals((byte) 0xff, theirs[0], "signature");
            assertEquals(0x7f, theirs[9], "signature");
            assertEquals(3, theirs[10], "ZMTP major version");
            assertEquals("NULL", new String(theirs, 12, 20, StandardCharsets.US_ASCII).replace("\0", ""));

            connection.framer(Framers.zmtp(1 << 20)); // the greeting is done: frames from here on
            connection.writer().write(Frame.of(flags(COMMAND), Unpooled.wrappedBuffer(
                    ready(Map.of("Socket-Type", socketType))))).flush();
            Frame ready = connection.read();
            try {
                assertEquals(COMMAND, ready.headerFields().getByte(0) & ~LONG, "a command");
                Map<String, String> properties = readyProperties(ByteBufUtil.getBytes(ready.payload()));
                assertEquals(socketType, properties.get("Socket-Type"), properties.toString());
            } finally {
                ready.release();
            }

            byte[] big = new byte[70_000];
            new Random(7).nextBytes(big);
            List<List<byte[]>> messages = List.of(
                    List.of(ascii("hello")),
                    List.of(ascii("one"), new byte[0], ascii("three")),
                    List.of(new byte[255], new byte[256], big));
            for (List<byte[]> parts : messages) {
                send(connection, parts);
                List<byte[]> echo = receive(connection);
                assertEquals(parts.size() + 1, echo.size());
                assertArrayEquals(ascii("echo"), echo.get(0));
                for (int i = 0; i < parts.size(); i++) {
                    assertArrayEquals(parts.get(i), echo.get(i + 1), "part " + i);
                }
                StringBuilder sizes = new StringBuilder("received");
                parts.forEach(part -> sizes.append(' ').append(part.length));
                assertEquals(sizes.toString(), zmq.nextLine(), "what libzmq received");
            }
            send(connection, List.of(ascii("quit")));
            List<byte[]> bye = receive(connection);
            assertEquals(1, bye.size());
            assertArrayEquals(ascii("bye"), bye.get(0));
            assertEquals(List.of("received 4"), zmq.finish());
        }
    }

    /** The ZMTP 3.0 greeting: signature, version 3.0, the NULL mechanism, as-server 0, filler. */
    static byte[] greeting() {
        byte[] greeting = new byte[64];
        greeting[0] = (byte) 0xff;
        greeting[9] = 0x7f;
        greeting[10] = 3;
        greeting[11] = 0;
        byte[] mechanism = ascii("NULL");
        System.arraycopy(mechanism, 0, greeting, 12, mechanism.length);
        return greeting;
    }

    /** A READY command's body: its name as a short string, then each property (short name, 4-byte-length value). */
    static byte[] ready(Map<String, String> properties) {
        ByteBuf out = Unpooled.buffer();
        out.writeByte(5).writeBytes(ascii("READY"));
        properties.forEach((name, value) -> {
            out.writeByte(name.length()).writeBytes(ascii(name));
            out.writeInt(value.length()).writeBytes(ascii(value));
        });
        return ByteBufUtil.getBytes(out);
    }

    /** The properties of a READY command's body; fails if it is another command. */
    static Map<String, String> readyProperties(byte[] body) {
        ByteBuf in = Unpooled.wrappedBuffer(body);
        byte[] name = new byte[in.readUnsignedByte()];
        in.readBytes(name);
        assertEquals("READY", new String(name, StandardCharsets.US_ASCII));
        Map<String, String> properties = new LinkedHashMap<>();
        while (in.isReadable()) {
            byte[] key = new byte[in.readUnsignedByte()];
            in.readBytes(key);
            byte[] value = new byte[in.readInt()];
            in.readBytes(value);
            properties.put(new String(key, StandardCharsets.US_ASCII), new String(value, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Sends a message: each part one frame, MORE on all but the last (the framer sets LONG where needed). */
    private static void send(FramedConnection connection, List<byte[]> parts) throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            connection.writer().write(Frame.of(flags(i < parts.size() - 1 ? MORE : 0), Unpooled.wrappedBuffer(parts.get(i))));
        }
        connection.writer().flush();
    }

    /** Reads the frames of one message, up to the one without MORE; a command here fails the test. */
    private static List<byte[]> receive(FramedConnection connection) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        while (true) {
            Frame frame = connection.read();
            try {
                int flags = frame.headerFields().getByte(0);
                assertEquals(0, flags & COMMAND, "a message frame");
                assertEquals(frame.payload().readableBytes() > 255, (flags & LONG) != 0, "LONG exactly when over 255 bytes");
                parts.add(ByteBufUtil.getBytes(frame.payload()));
                if ((flags & MORE) == 0) {
                    return parts;
                }
            } finally {
                frame.release();
            }
        }
    }

    private static ByteBuf flags(int flags) {
        return Unpooled.wrappedBuffer(new byte[] {(byte) flags});
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

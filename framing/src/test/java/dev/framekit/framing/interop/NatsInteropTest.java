package dev.framekit.framing.interop;

import static dev.framekit.framing.interop.ControlLinePeers.SIZES;
import static dev.framekit.framing.interop.ControlLinePeers.body;
import static dev.framekit.framing.interop.ControlLinePeers.headerOf;
import static dev.framekit.framing.interop.ControlLinePeers.line;
import static dev.framekit.framing.interop.ControlLinePeers.payloadOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.Frame;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * framekit's {@link Framers#nats()} against a real {@code nats-server} started on a free loopback
 * port: framekit subscribes, publishes bodies of 0 B, 1 B, 64 KiB and 1 MiB with CR LF inside
 * ({@code PUB}) and one with headers ({@code HPUB}), decodes every operation the server sends
 * ({@code INFO}, {@code MSG}, {@code HMSG}, {@code PONG}), and the bytes the server sent are exactly
 * what framekit writes for the frames it read. Needs Debian's {@code nats-server}.
 */
@Peer
@Needs(Capability.NATS_SERVER)
@Timeout(120)
class NatsInteropTest {
    private static final Framer NATS = Framers.nats();

    @TempDir
    Path dir;

    @Test
    void framekitPublishesToNatsAndDecodesEveryOperationByteForByte() throws Exception {
        Path config = dir.resolve("nats.conf");
        try (LoopbackServer nats = LoopbackServer.start(dir, "nats-server", port -> {
            writeConfig(config, port);
            return List.of("/usr/sbin/nats-server", "-c", config.toString());
        }); Socket socket = new Socket("127.0.0.1", nats.port())) {
            socket.setSoTimeout(30_000);
            ControlLinePeers.Recording received = new ControlLinePeers.Recording(socket.getInputStream());
            List<Frame> frames = new ArrayList<>();
            byte[] headers = "NATS/1.0\r\nX-Kind: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            try (FrameReader reader = new FrameReader(received, NATS);
                    FrameWriter writer = new FrameWriter(socket.getOutputStream(), NATS)) {
                Frame info = next(reader, frames, nats);
                assertTrue(headerOf(info).startsWith("INFO {"), headerOf(info));

                writer.write(line("CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true,\"protocol\":1}",
                        new byte[0]));
                writer.write(line("SUB framekit.test 1", new byte[0]));
                for (int size : SIZES) {
                    writer.write(line("PUB framekit.test 0", body(size))); // the count is the payload's, written
                }
                byte[] withHeaders = concat(headers, body(10));
                writer.write(line("HPUB framekit.test " + headers.length + " 0", withHeaders));
                writer.write(line("PING", new byte[0])).flush();

                for (int size : SIZES) {
                    Frame msg = next(reader, frames, nats);
                    assertEquals("MSG framekit.test 1 " + size, headerOf(msg));
                    assertArrayEquals(body(size), payloadOf(msg), size + " bytes delivered");
                }
                Frame hmsg = next(reader, frames, nats);
                assertEquals("HMSG framekit.test 1 " + headers.length + " " + withHeaders.length, headerOf(hmsg));
                assertArrayEquals(withHeaders, payloadOf(hmsg));
                assertEquals("PONG", headerOf(next(reader, frames, nats)));
            }
            assertArrayEquals(received.bytes(), ControlLinePeers.writtenBack(NATS, frames),
                    "the server's bytes are exactly what framekit writes for the frames it read");
            frames.forEach(Frame::release);
        }
    }

    private static void writeConfig(Path config, int port) {
        try {
            Files.writeString(config, "listen: 127.0.0.1:" + port + "\nmax_payload: 2097152\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Frame next(FrameReader reader, List<Frame> frames, LoopbackServer nats) throws IOException {
        Frame frame = reader.read();
        assertNotNull(frame, "nats-server closed the connection: " + nats.log());
        frames.add(frame);
        return frame;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}

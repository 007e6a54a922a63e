package dev.framekit.framing.interop;

import static dev.framekit.framing.interop.ControlLinePeers.SIZES;
import static dev.framekit.framing.interop.ControlLinePeers.body;
import static dev.framekit.framing.interop.ControlLinePeers.headerOf;
import static dev.framekit.framing.interop.ControlLinePeers.line;
import static dev.framekit.framing.interop.ControlLinePeers.payloadOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.framekit.framing.Frame;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * framekit's {@link Framers#resp()} against a real {@code redis-server} started on a free loopback
 * port: commands written as RESP arrays of bulk strings by framekit (pipelined), every reply
 * decoded (simple strings, bulk strings of 0 B, 1 B, 64 KiB and 1 MiB with CR LF inside, a null
 * bulk string, an integer, an array), and the bytes Redis sent are exactly what framekit writes
 * for the frames it read. Needs Debian's {@code redis-server}.
 */
@Peer
@Needs(Capability.REDIS_SERVER)
@Timeout(120)
class RedisInteropTest {
    private static final Framer RESP = Framers.resp();

    @TempDir
    Path dir;

    @Test
    void framekitSendsRedisCommandsAndDecodesEveryReplyByteForByte() throws Exception {
        try (LoopbackServer redis = LoopbackServer.start(dir, "redis-server", port -> List.of("/usr/bin/redis-server",
                        "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
                Socket socket = new Socket("127.0.0.1", redis.port())) {
            socket.setSoTimeout(30_000);
            ControlLinePeers.Recording received = new ControlLinePeers.Recording(socket.getInputStream());
            List<Frame> replies = new ArrayList<>();
            try (FrameReader reader = new FrameReader(received, RESP);
                    FrameWriter writer = new FrameWriter(socket.getOutputStream(), RESP)) {
                for (int size : SIZES) {
                    command(writer, "SET".getBytes(), ("k" + size).getBytes(), body(size));
                }
                for (int size : SIZES) {
                    command(writer, "GET".getBytes(), ("k" + size).getBytes());
                }
                command(writer, "GET".getBytes(), "missing".getBytes());
                command(writer, "STRLEN".getBytes(), ("k" + (1 << 20)).getBytes());
                command(writer, "MGET".getBytes(), "k1".getBytes(), "missing".getBytes());
                writer.flush();

                for (int size : SIZES) {
                    Frame ok = next(reader, replies, redis);
                    assertEquals("+OK", headerOf(ok));
                    assertEquals(0, ok.payload().readableBytes());
                }
                for (int size : SIZES) {
                    Frame bulk = next(reader, replies, redis);
                    assertEquals("$" + size, headerOf(bulk));
                    assertArrayEquals(body(size), payloadOf(bulk), size + " bytes back");
                }
                assertEquals("$-1", headerOf(next(reader, replies, redis)), "a null bulk string");
                assertEquals(":" + (1 << 20), headerOf(next(reader, replies, redis)), "an integer");
                assertEquals("*2", headerOf(next(reader, replies, redis)), "an array of two");
                assertArrayEquals(body(1), payloadOf(next(reader, replies, redis)));
                assertEquals("$-1", headerOf(next(reader, replies, redis)));
            }
            assertArrayEquals(received.bytes(), ControlLinePeers.writtenBack(RESP, replies),
                    "Redis's bytes are exactly what framekit writes for the replies it read");
            replies.forEach(Frame::release);
        }
    }

    /** A command: an array header, then each argument as a bulk string (a plain message on RESP). */
    private static void command(FrameWriter writer, byte[]... arguments) throws IOException {
        writer.write(line("*" + arguments.length, new byte[0]));
        for (byte[] argument : arguments) {
            writer.write(argument);
        }
    }

    private static Frame next(FrameReader reader, List<Frame> replies, LoopbackServer redis) throws IOException {
        Frame frame = reader.read();
        assertNotNull(frame, "redis closed the connection: " + redis.log());
        replies.add(frame);
        return frame;
    }
}

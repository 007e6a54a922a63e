package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.SocketStates;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer the server closes for misbehaving is reset (SO_LINGER 0), not sent a FIN: the kernel
 * drops what was queued for it at once, and the peer's next read fails. A clean end stays a FIN.
 * Each case runs the real jar in a 64 MiB heap (echo-server, and http-server: every server ends its
 * connections in the same place); {@code ss} shows the server's sockets.
 */
@Timeout(60)
@Needs(Capability.SS)
class PeerResetIT {
    /**
     * One echo larger than the server's socket send buffer can take (loopback tunes it up to
     * 4 MiB): the write blocks with the send queue full.
     */
    private static final int BIG_FRAME = 8_000_000;

    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void aPeerThatStopsReadingIsResetAndLeavesNoFinWait1SocketHoldingItsBytes() throws Exception {
        FramekitProcess server = echoServer("--write-timeout", "2s", "--max-frame", "8m");
        try (Socket peer = new Socket()) {
            peer.setReceiveBufferSize(4096); // the echo soon fills it: the server's write blocks
            peer.connect(new InetSocketAddress("127.0.0.1", server.port()));
            // One frame, then silence: the server reads all of it, so nothing unread forces a reset by itself.
            peer.getOutputStream().write(ByteBuffer.allocate(4 + BIG_FRAME).putInt(BIG_FRAME).array());
            peer.getOutputStream().flush();

            server.awaitLine(".*peer stopped reading: \\d+ bytes unsent for 2 s; closed it \\(--write-timeout\\)$");
            Thread.sleep(1000);

            List<String> held = SocketStates.finWait1WithBytesQueued(server.port());
            assertTrue(held.isEmpty(), "sockets still holding bytes for the closed peer:\n" + String.join("\n", held));
            assertEquals("reset", SocketStates.readUntilTheEnd(peer), server.transcript());
        }
    }

    @Test
    void anHttpClientThatStopsReadingADownloadIsResetToo(@TempDir Path root) throws Exception {
        Files.write(root.resolve("big.bin"), new byte[BIG_FRAME]);
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "http-server", "--host", "127.0.0.1",
                "--port", "0", "--root", root.toString(), "--write-timeout", "2s").awaitReady();
        try (Socket peer = new Socket()) {
            peer.setReceiveBufferSize(4096);
            peer.connect(new InetSocketAddress("127.0.0.1", server.port()));
            peer.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            server.awaitLine(".*peer stopped reading: \\d+ bytes unsent for 2 s; closed it \\(--write-timeout\\)$");
            Thread.sleep(1000);

            List<String> held = SocketStates.finWait1WithBytesQueued(server.port());
            assertTrue(held.isEmpty(), "sockets still holding bytes for the closed peer:\n" + String.join("\n", held));
            assertEquals("reset", SocketStates.readUntilTheEnd(peer), server.transcript());
        }
    }

    @Test
    void aPeerWhoseFrameIsLateIsReset() throws Exception {
        FramekitProcess server = echoServer("--frame-timeout", "1s");
        try (Socket peer = connect(server)) {
            peer.getOutputStream().write(new byte[] {0, 0, 0, 10, 'h', 'a', 'l', 'f'}); // 4 of 10 bytes, then silence
            server.awaitLine(".*closed it \\(--frame-timeout\\)$");
            assertEquals("reset", SocketStates.readUntilTheEnd(peer), server.transcript());
        }
    }

    @Test
    void aPeerThatBreaksTheFramingIsReset() throws Exception {
        FramekitProcess server = echoServer();
        try (Socket peer = connect(server)) {
            peer.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}); // 4 GiB declared
            server.awaitLine(".*closed: .*");
            assertEquals("reset", SocketStates.readUntilTheEnd(peer), server.transcript());
        }
    }

    @Test
    void aPeerThatEndsCleanlyGetsItsRepliesAndAFin() throws Exception {
        FramekitProcess server = echoServer();
        try (Socket peer = connect(server)) {
            peer.getOutputStream().write(ByteBuffer.allocate(7).putInt(3).put("bye".getBytes(StandardCharsets.US_ASCII)).array());
            peer.shutdownOutput(); // the clean end: the server's read ends, its handler returns
            assertEquals("end of stream after 7 bytes", SocketStates.readUntilTheEnd(peer), server.transcript());
            server.awaitLine(".*ended cleanly$");
        }
    }

    private FramekitProcess echoServer(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("echo-server", "--host", "127.0.0.1", "--port", "0",
                "--framing", "length"));
        args.addAll(List.of(options));
        return framekit.startWithJvmOptions(List.of("-Xmx64m"), args.toArray(String[]::new)).awaitReady();
    }

    private static Socket connect(FramekitProcess server) throws IOException {
        Socket peer = new Socket();
        peer.connect(new InetSocketAddress("127.0.0.1", server.port()));
        return peer;
    }
}

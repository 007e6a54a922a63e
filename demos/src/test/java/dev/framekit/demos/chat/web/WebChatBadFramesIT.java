package dev.framekit.demos.chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.framing.websocket.WebSocketCloseCodes;
import dev.framekit.demos.support.Framekit;
import dev.framekit.framing.websocket.WebSocketCloseCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Broken WebSocket frames on {@code /chat}, from a raw socket after a good handshake: each is
 * closed with its status code, logged in one line, and the room carries on. Frames are masked
 * with the key 0 (so the payload is sent as it is).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebChatBadFramesIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void eachBadFrameGetsItsCloseCodeAndTheRoomCarriesOn() throws Exception {
        WebRoom room = WebRoom.start(framekit, "--max-frame", "4k");
        try (WebRoom.LineMember bob = new WebRoom.LineMember(room.linePort, "bob")) {
            // invalid UTF-8 in a text frame: C3 28
            assertEquals(WebSocketCloseCodes.INVALID_PAYLOAD, closeCodeAfter(room, frame(0x81, new byte[] {(byte) 0xc3, 0x28})));
            // a 126-byte ping: control frames carry at most 125
            assertEquals(WebSocketCloseCodes.PROTOCOL_ERROR, closeCodeAfter(room, frame(0x89, new byte[126])));
            // a fragmented control frame: a ping without FIN
            assertEquals(WebSocketCloseCodes.PROTOCOL_ERROR, closeCodeAfter(room, frame(0x09, new byte[0])));
            // a 2^63 length: the top bit of a 64-bit length must be 0
            int big = closeCodeAfter(room, new byte[] {(byte) 0x81, (byte) 0xff, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            assertTrue(big == WebSocketCloseCodes.PROTOCOL_ERROR || big == WebSocketCloseCodes.MESSAGE_TOO_BIG, "code " + big);
            // a fragmented message that never ends: fragments past the 4 KiB message limit
            ByteArrayOutputStream endless = new ByteArrayOutputStream();
            endless.write(frame(0x01, new byte[1000]));
            for (int i = 0; i < 6; i++) {
                endless.write(frame(0x00, new byte[1000]));
            }
            assertEquals(WebSocketCloseCodes.MESSAGE_TOO_BIG, closeCodeAfter(room, endless.toByteArray()));
            // a binary message: the chat takes text only
            assertEquals(WebSocketCloseCodes.UNSUPPORTED_DATA, closeCodeAfter(room, frame(0x82, new byte[] {1, 2})));

            try (WebRoom.WsMember alice = new WebRoom.WsMember(room.webPort, "alice")) {
                alice.ws.sendText("still here");
                bob.await("^<alice> still here$");
            }
        }
    }

    @Test
    void aWebMemberThatStopsReadingIsDisconnectedAndTheRoomCarriesOn() throws Exception {
        WebRoom room = WebRoom.start(framekit, "--max-queue", "200k", "--flood-limit", "0", "--flood-bytes", "0",
                "--write-timeout", "2s");
        try (WebRoom.LineMember bob = new WebRoom.LineMember(room.linePort, "bob");
                Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new java.net.InetSocketAddress("127.0.0.1", room.webPort));
            OutputStream out = slow.getOutputStream();
            out.write(upgrade(room.webPort));
            out.write(frame(0x81, "/nick slow".getBytes(StandardCharsets.UTF_8)));
            out.flush();
            bob.await("^-- slow joined$");
            String line = "x".repeat(1000);
            long deadline = System.nanoTime() + WebRoom.WAIT.toNanos();
            for (int i = 0; i < 20_000 && System.nanoTime() < deadline && bob.lines.stream().noneMatch(
                    l -> l.startsWith("-- slow left")); i++) {
                bob.say(line);
            }
            bob.await("^-- slow left \\(disconnected: too far behind");
            room.server.awaitLine("; closed[: ]"); // by the room, or by --write-timeout as it stalled in a write
            bob.say("/who"); // answered once the server has read the rest of the flood
            bob.await("^-- in the room \\(1\\): bob$");
            try (WebRoom.WsMember alice = new WebRoom.WsMember(room.webPort, "alice")) {
                alice.ws.sendText("still here");
                bob.await("^<alice> still here$");
            }
        }
    }

    private static byte[] upgrade(int port) {
        return ("GET /chat HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One frame, FIN and opcode in {@code first}, masked with the key 0. */
    private static byte[] frame(int first, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        }
        out.writeBytes(new byte[4]);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Upgrades, sends {@code bytes}, and returns the code of the server's close frame; checks the log line. */
    private static int closeCodeAfter(WebRoom room, byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", room.webPort)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(upgrade(room.webPort));
            out.write(bytes);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(all.startsWith("HTTP/1.1 101 "), all);
            byte[] frame = all.substring(all.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(0x88, frame[0] & 0xff, "a close frame: " + all);
            int code = ((frame[2] & 0xff) << 8) | (frame[3] & 0xff);
            room.server.awaitLine("127\\.0\\.0\\.1:" + socket.getLocalPort() + " .*; closed: ");
            return code;
        }
    }
}

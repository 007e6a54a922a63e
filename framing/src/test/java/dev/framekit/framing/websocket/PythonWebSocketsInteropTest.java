package dev.framekit.framing.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.Framers;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * framekit's WebSocket against another implementation, Python's {@code websockets} (10.4 in
 * Debian): its client against framekit's echo server, and its server against framekit's client.
 */
@Peer
@Needs(Capability.PYTHON3_WEBSOCKETS)
class PythonWebSocketsInteropTest {


    @Test
    void pythonClientTalksToFramekitServer() throws Exception {
        try (WebSocketEchoServer server = WebSocketEchoServer.start(WebSocketFramer.server())) {
            List<String> lines = PythonWebSockets.run("client", String.valueOf(server.port()));
            assertEquals(List.of(
                    "text héllo ✓",
                    "binary 00ff10",
                    "pong",
                    "big 70000 True",
                    "fragmented fragmented ✓",
                    "fragmented-binary 010203",
                    "closed 4000 done here"), lines);
            assertEquals("closed 4000 done here", server.nextOutcome());
        }
    }

    @Test
    void pythonClientFromTheSameOriginIsAcceptedAndAForeignOneRefused() throws Exception {
        try (WebSocketEchoServer server = WebSocketEchoServer.start(WebSocketFramer.server())) {
            String port = String.valueOf(server.port());
            assertEquals(List.of("open"), PythonWebSockets.run("origin", port, "http://127.0.0.1:" + port));
            assertEquals("closed 1000 ", server.nextOutcome());
            assertEquals(List.of("refused 403"), PythonWebSockets.run("origin", port, "http://evil.example"));
            String refusal = server.nextOutcome();
            assertTrue(refusal.startsWith("refused 403 Forbidden: the Origin http://evil.example is not allowed"), refusal);
        }
    }

    @Test
    void framekitClientTalksToPythonServer() throws Exception {
        Process python = PythonWebSockets.start("server");
        try (BufferedReader out = PythonWebSockets.lines(python); OutputStream stdin = python.getOutputStream()) {
            String portLine = PythonWebSockets.nextLine(out);
            assertTrue(portLine.startsWith("port "), portLine);
            int port = Integer.parseInt(portLine.substring(5));

            try (WebSocketConnection ws = WebSocketConnection.connect("127.0.0.1", port, "/")) {
                ws.sendText("héllo ✓");
                assertEquals("héllo ✓", ws.readText());
                byte[] big = new byte[70_000];
                new Random(15).nextBytes(big);
                ws.sendBinary(big);
                assertArrayEquals(big, ws.read().bytes(), "a 70,000-byte message each way (64-bit lengths)");
                ws.sendText("ping me");
                assertEquals("pong received", ws.readText(), "python pinged, framekit's client answered");
                ws.sendText("close me");
                assertNull(ws.read(), "python closed the connection");
                assertEquals(4001, ws.peerCloseCode());
                assertEquals("asked to", ws.peerCloseReason());
            }
            assertEquals("done 4001 asked to", PythonWebSockets.nextLine(out));

            WebSocketConnection second = WebSocketConnection.connect("127.0.0.1", port, "/");
            second.sendText("one");
            assertEquals("one", second.readText());
            second.close(WebSocketCloseCodes.NORMAL, "bye");
            assertEquals(WebSocketCloseCodes.NORMAL, second.peerCloseCode(), "python echoed the close code");
            assertEquals("done 1000 bye", PythonWebSockets.nextLine(out));
        } finally {
            python.destroy();
        }
    }
}

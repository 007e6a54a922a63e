package dev.framekit.demos.chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.framing.websocket.WebSocketCloseCodes;
import dev.framekit.demos.support.Framekit;
import dev.framekit.framing.websocket.WebSocketCloseCodes;
import dev.framekit.framing.websocket.HandshakeException;
import dev.framekit.framing.websocket.WebSocketClientHandshake;
import dev.framekit.framing.websocket.WebSocketConnection;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code chat-server --web-port} end to end: the real jar, WebSocket members next to an nc-style line member. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebChatIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void webAndLineMembersTalkBothWays() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        try (WebRoom.WsMember alice = new WebRoom.WsMember(room.webPort, "alice");
                WebRoom.LineMember bob = new WebRoom.LineMember(room.linePort, "bob")) {
            alice.await("^-- bob joined$");
            alice.ws.sendText("hello bob ✓");
            bob.await("^<alice> hello bob ✓$");
            bob.say("hi alice");
            alice.await("^<bob> hi alice$");
            alice.ws.sendText("/me waves");
            bob.await("^\\* alice waves$");
            alice.ws.sendText("/who");
            alice.await("^-- in the room \\(2\\): ");
            alice.ws.sendText("/msg bob psst");
            bob.await("^\\*alice\\* psst$");
            alice.ws.sendText("bad \u001b[31m escape");
            String cleaned = bob.await("^<alice> bad ");
            assertFalse(cleaned.contains("\u001b"), cleaned);
            alice.ws.sendText("/quit");
            bob.await("^-- alice left");
            waitFor(() -> alice.closeCode != null);
            assertEquals(WebSocketCloseCodes.NORMAL, alice.closeCode);
        }
        room.server.awaitLine("\\(web\\) alice left");
    }

    @Test
    void foreignOriginIsRefusedWith403AndOneLogLine() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        WebSocketClientHandshake handshake = WebSocketClientHandshake.of("127.0.0.1", room.webPort, "/chat")
                .origin("http://evil.example");
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> WebSocketConnection.connect(handshake, "127.0.0.1", room.webPort));
        assertEquals(403, e.status());
        room.server.awaitLine("answered the WebSocket upgrade with 403 Forbidden: the Origin http://evil.example");
        try (WebRoom.WsMember same = new WebRoom.WsMember(room.webPort, "ok")) {
            same.ws.sendText("/who");
            same.await("^-- in the room \\(1\\): ok$");
        }
    }

    @Test
    void aDnsRebindingPageIsRefusedAndPagesAtTheServersOwnNamesAndAddressesAreAccepted() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        int port = room.webPort;
        // The attacker's page at http://evil.example:PORT/, its name re-pointed at this server: Host and Origin agree.
        HandshakeException rebound = assertThrows(HandshakeException.class, () -> WebSocketConnection.connect(
                WebSocketClientHandshake.of("evil.example", port, "/chat").origin("http://evil.example:" + port),
                "127.0.0.1", port));
        assertEquals(403, rebound.status());
        room.server.awaitLine("answered the WebSocket upgrade with 403 Forbidden: the Origin http://evil.example:" + port
                + " is not one of this server's names .*allow it with --web-origin http://evil.example:" + port + "\\)$");
        String hostName = java.net.InetAddress.getLocalHost().getHostName();
        for (String host : List.of("127.0.0.1", "localhost", hostName)) {
            WebSocketConnection.connect(WebSocketClientHandshake.of(host, port, "/chat").origin("http://" + host + ":" + port),
                    "127.0.0.1", port).close();
        }
        WebSocketConnection.connect(WebSocketClientHandshake.of("evil.example", port, "/chat"), "127.0.0.1", port).close();
        HandshakeException otherPort = assertThrows(HandshakeException.class, () -> WebSocketConnection.connect(
                WebSocketClientHandshake.of("127.0.0.1", port, "/chat").origin("http://127.0.0.1:1"), "127.0.0.1", port));
        assertEquals(403, otherPort.status());
    }

    @Test
    void webOriginLetsInAPageAtANameTheServerDoesNotKnowItHasAndABadOneIsAUsageError() throws Exception {
        WebRoom room = WebRoom.start(framekit, "--web-origin", "http://laptop.lan:8080");
        WebSocketConnection.connect(WebSocketClientHandshake.of("laptop.lan", 8080, "/chat").origin("http://laptop.lan:8080"),
                "127.0.0.1", room.webPort).close();
        HandshakeException other = assertThrows(HandshakeException.class, () -> WebSocketConnection.connect(
                WebSocketClientHandshake.of("other.lan", 8080, "/chat").origin("http://other.lan:8080"), "127.0.0.1",
                room.webPort));
        assertEquals(403, other.status());
        var bad = framekit.start("chat-server", "--port", "0", "--web-port", "0", "--web-origin", "laptop.lan");
        assertEquals(2, bad.awaitExit(WebRoom.WAIT), bad.transcript());
        assertTrue(bad.transcript().contains("--web-origin: websocket handshake: an origin is scheme://host[:port],"
                + " got \"laptop.lan\""), bad.transcript());
    }

    @Test
    void aConnectionThatSendsNoCompleteHeadWithinTheHeaderTimeoutIsClosedWithOneLine() throws Exception {
        WebRoom room = WebRoom.start(framekit, "--header-timeout", "1s");
        try (WebRoom.WsMember alice = new WebRoom.WsMember(room.webPort, "alice");
                Socket silent = new Socket("127.0.0.1", room.webPort);
                Socket trickle = new Socket("127.0.0.1", room.webPort)) {
            silent.setSoTimeout(15_000);
            trickle.setSoTimeout(15_000);
            OutputStream slowly = trickle.getOutputStream();
            long start = System.nanoTime();
            for (char c : "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".toCharArray()) {
                try {
                    slowly.write(c);
                    slowly.flush();
                    Thread.sleep(100);
                } catch (java.io.IOException closed) {
                    break;
                }
            }
            assertClosed(silent);
            assertClosed(trickle);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 10, "closed after " + seconds + " s");
            String silentEnd = ":" + silent.getLocalPort() + " ";
            String trickleEnd = ":" + trickle.getLocalPort() + " ";
            String reason = "no complete request head within 1000 ms; closed it (--header-timeout)";
            waitFor(() -> room.server.stdoutLines().stream().filter(line -> line.endsWith(reason))
                    .filter(line -> line.contains(silentEnd) || line.contains(trickleEnd)).count() == 2);
            Thread.sleep(1_500); // past the header timeout: a member that joined stays
            alice.ws.sendText("/who");
            alice.await("^-- in the room \\(1\\): alice$");
            assertEquals(1, room.server.stdoutLines().stream()
                    .filter(line -> line.contains(silentEnd) && line.contains("closed")).count(), room.server.transcript());
        }
    }

    /** The server closed {@code socket}: a read ends (or is reset) well before the socket's own timeout. */
    private static void assertClosed(Socket socket) {
        try {
            assertEquals(-1, socket.getInputStream().read());
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server never closed the connection", e);
        } catch (java.io.IOException reset) {
            // Closed with a reset: closed too.
        }
    }

    @Test
    void pageIsSelfContainedTheIconIsNoErrorAndOtherPathsAre404() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        String page = get(room.webPort, "/");
        assertTrue(page.startsWith("HTTP/1.1 200 OK\r\n"), page);
        assertTrue(page.contains("Content-Type: text/html; charset=utf-8"), page);
        assertTrue(page.contains("\"/chat\""), page);
        assertTrue(page.contains("textContent"), page);
        assertFalse(page.contains("innerHTML"), page);
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resources");
        assertTrue(page.contains("<link rel=\"icon\" href=\"data:,\">"), "the page asks for no icon");
        String icon = get(room.webPort, "/favicon.ico");
        assertTrue(icon.startsWith("HTTP/1.1 204 "), icon);
        String missing = get(room.webPort, "/nope");
        assertTrue(missing.startsWith("HTTP/1.1 404 "), missing);
        room.server.awaitLine("answered 404 Not Found: no such page: /nope");
        List<String> log = new java.util.ArrayList<>(room.server.stdoutLines());
        log.addAll(room.server.stderrLines());
        assertTrue(log.stream().noneMatch(line -> line.contains("favicon") && (line.contains("answered") || line.contains("error"))),
                "an icon request is not logged as an error: " + log);
    }

    @Test
    void badVersionIs426AndUnmaskedFrameIsClosedWith1002AndTheRoomCarriesOn() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        try (WebRoom.LineMember bob = new WebRoom.LineMember(room.linePort, "bob")) {
            String refused = exchange(room.webPort, upgrade(room.webPort, "8"), new byte[0]);
            assertTrue(refused.startsWith("HTTP/1.1 426 Upgrade Required\r\n"), refused);
            assertTrue(refused.contains("Sec-WebSocket-Version: 13"), refused);
            room.server.awaitLine("answered the WebSocket upgrade with 426 Upgrade Required");

            // 0x81 0x02 "hi": a text frame without the mask bit, which a client must set.
            String closed = exchange(room.webPort, upgrade(room.webPort, "13"), new byte[] {(byte) 0x81, 2, 'h', 'i'});
            assertTrue(closed.startsWith("HTTP/1.1 101 "), closed);
            int at = closed.indexOf("\r\n\r\n") + 4;
            byte[] frame = closed.substring(at).getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(0x88, frame[0] & 0xff, "a close frame");
            assertEquals(WebSocketCloseCodes.PROTOCOL_ERROR, ((frame[2] & 0xff) << 8) | (frame[3] & 0xff));
            room.server.awaitLine("closed: .*mask");

            try (WebRoom.WsMember alice = new WebRoom.WsMember(room.webPort, "alice")) {
                alice.ws.sendText("still here");
                bob.await("^<alice> still here$");
            }
        }
    }

    @Test
    void shutdownClosesWebMembersWith1001() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        WebRoom.WsMember alice = new WebRoom.WsMember(room.webPort, "alice");
        room.server.process().destroy();
        alice.await("^-- server shutting down$");
        waitFor(() -> alice.closeCode != null);
        assertEquals(WebSocketCloseCodes.GOING_AWAY, alice.closeCode);
        alice.close();
    }

    private static String upgrade(int port, String version) {
        return "GET /chat HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: " + version + "\r\n\r\n";
    }

    private static String get(int port, String path) throws Exception {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n", new byte[0]);
    }

    /** Sends a request head and {@code after}, and reads until the server closes. */
    private static String exchange(int port, String head, byte[] after) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(after);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WebRoom.WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "timed out");
    }
}

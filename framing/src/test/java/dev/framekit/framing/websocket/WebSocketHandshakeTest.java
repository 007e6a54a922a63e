package dev.framekit.framing.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The opening handshake on both sides: the accept key, every check, every refusal and its reason. */
class WebSocketHandshakeTest {
    private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private static Map<String, String> browserHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "192.168.1.20:8080");
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "keep-alive, Upgrade");
        headers.put("Sec-WebSocket-Key", RFC_KEY);
        headers.put("Sec-WebSocket-Version", "13");
        headers.put("Origin", "http://192.168.1.20:8080");
        return headers;
    }

    private static HandshakeResponse respond(Map<String, String> headers) {
        return WebSocketHandshake.sameOrigin().respond(new UpgradeRequest("GET", "HTTP/1.1", headers));
    }

    private static HandshakeResponse respondWith(String name, String value) {
        Map<String, String> headers = browserHeaders();
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return respond(headers);
    }

    @Test
    void computesTheRfcExampleAcceptKey() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketHandshake.acceptFor(RFC_KEY));
    }

    @Test
    void acceptsABrowsersUpgradeFromThePagesOwnOrigin() {
        HandshakeResponse response = respond(browserHeaders());
        assertTrue(response.accepted(), response.toString());
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", response.headers().get("Sec-WebSocket-Accept"));
        assertEquals("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n",
                new String(response.toBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void matchesHeaderNamesAndTokensWithoutRegardToCase() {
        Map<String, String> headers = new LinkedHashMap<>();
        browserHeaders().forEach((name, value) -> headers.put(name.toLowerCase(), value));
        headers.put("upgrade", "WebSocket");
        headers.put("connection", "UPGRADE");
        assertTrue(respond(headers).accepted());
    }

    @Test
    void acceptsAProgramThatSendsNoOrigin() {
        assertTrue(respondWith("Origin", null).accepted());
    }

    @Test
    void refusesAForeignOriginWith403() {
        HandshakeResponse response = respondWith("Origin", "http://evil.example");
        assertEquals(403, response.status());
        assertTrue(response.body().contains("http://evil.example is not allowed"), response.body());
        assertTrue(new String(response.toBytes(), StandardCharsets.UTF_8).startsWith("HTTP/1.1 403 Forbidden\r\n"));
        assertEquals(403, respondWith("Origin", "null").status());
        assertEquals(403, respondWith("Origin", "http://192.168.1.20:9999").status(), "another port is another origin");
    }

    @Test
    void allowsOriginsOnTheAllowList() {
        WebSocketHandshake handshake = WebSocketHandshake.sameOrigin().allowOrigin("HTTP://Laptop.local:80");
        Map<String, String> headers = browserHeaders();
        headers.put("Origin", "http://laptop.local");
        assertTrue(handshake.respond(new UpgradeRequest("GET", "HTTP/1.1", headers)).accepted());
        assertThrows(IllegalArgumentException.class, () -> handshake.allowOrigin("laptop.local"));
    }

    @Test
    void ownOriginsTrustsNoHostSoADnsRebindingPageIsRefused() {
        WebSocketHandshake handshake = WebSocketHandshake.ownOrigins().allowOrigin("http://192.168.1.20:8080");
        Map<String, String> rebound = browserHeaders();
        rebound.put("Host", "evil.example:8080");
        rebound.put("Origin", "http://evil.example:8080");
        assertTrue(WebSocketHandshake.sameOrigin().respond(new UpgradeRequest("GET", "HTTP/1.1", rebound)).accepted(),
                "sameOrigin trusts the Host the page chose");
        HandshakeResponse refused = handshake.respond(new UpgradeRequest("GET", "HTTP/1.1", rebound));
        assertEquals(403, refused.status());
        assertEquals("the Origin http://evil.example:8080 is not allowed (allowed: http://192.168.1.20:8080)", refused.body());
        assertTrue(handshake.respond(new UpgradeRequest("GET", "HTTP/1.1", browserHeaders())).accepted());
        Map<String, String> program = browserHeaders();
        program.remove("Origin");
        program.put("Host", "anything");
        assertTrue(handshake.respond(new UpgradeRequest("GET", "HTTP/1.1", program)).accepted());
    }

    @Test
    void refusesAnotherVersionWith426SayingVersion13() {
        HandshakeResponse response = respondWith("Sec-WebSocket-Version", "8");
        assertEquals(426, response.status());
        assertEquals("13", response.headers().get("Sec-WebSocket-Version"));
        assertTrue(response.body().contains("\"8\""), response.body());
        assertEquals(426, respondWith("Sec-WebSocket-Version", null).status());
    }

    @Test
    void answersAPlainHttpRequestWith426() {
        Map<String, String> headers = browserHeaders();
        headers.remove("Upgrade");
        headers.put("Connection", "keep-alive");
        assertEquals(426, respond(headers).status());
    }

    @Test
    void refusesMalformedUpgradesWith400AndTheReason() {
        assertRefused(respondWith("Upgrade", "h2c"), 400, "h2c");
        assertRefused(respondWith("Connection", "keep-alive"), 400, "must list Upgrade");
        assertRefused(respondWith("Connection", null), 400, "Connection is missing");
        assertRefused(respondWith("Sec-WebSocket-Key", "c2hvcnQ="), 400, "16 random bytes");
        assertRefused(respondWith("Sec-WebSocket-Key", "not base64!"), 400, "Sec-WebSocket-Key");
        assertRefused(respondWith("Sec-WebSocket-Key", null), 400, "Sec-WebSocket-Key is missing");
        assertRefused(respondWith("Host", null), 400, "no Host");
        assertRefused(WebSocketHandshake.sameOrigin().respond(new UpgradeRequest("POST", "HTTP/1.1", browserHeaders())),
                400, "POST");
        assertRefused(WebSocketHandshake.sameOrigin().respond(new UpgradeRequest("GET", "HTTP/1.0", browserHeaders())),
                400, "HTTP/1.0");
    }

    private static void assertRefused(HandshakeResponse response, int status, String mention) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.body().contains(mention), response.body() + " should mention " + mention);
        String wire = new String(response.toBytes(), StandardCharsets.UTF_8);
        assertTrue(wire.contains("Connection: close\r\n") && wire.endsWith("\r\n\r\n" + response.body() + "\n"), wire);
    }

    @Test
    void clientRequestIsWhatTheServerAccepts() {
        WebSocketClientHandshake client = WebSocketClientHandshake.of("localhost", 8080, "/chat")
                .origin("http://localhost:8080");
        String request = new String(client.request(), StandardCharsets.ISO_8859_1);
        assertTrue(request.startsWith("GET /chat HTTP/1.1\r\nHost: localhost:8080\r\n"), request);
        assertTrue(request.endsWith("Origin: http://localhost:8080\r\n\r\n"), request);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : request.split("\r\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        HandshakeResponse response = WebSocketHandshake.sameOrigin().respond(new UpgradeRequest("GET", "HTTP/1.1", headers));
        assertTrue(response.accepted(), response.toString());
        assertDoesNotThrowHandshake(client, response.status(), response.headers());
    }

    private static void assertDoesNotThrowHandshake(WebSocketClientHandshake client, int status, Map<String, String> headers) {
        try {
            client.check(status, headers, "");
        } catch (HandshakeException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void clientRefusesAWrongAcceptOrARefusal() {
        WebSocketClientHandshake client = WebSocketClientHandshake.of("localhost", 8080, "/chat");
        HandshakeException wrong = assertThrows(HandshakeException.class, () -> client.check(101,
                Map.of("upgrade", "websocket", "connection", "upgrade", "sec-websocket-accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), ""));
        assertTrue(wrong.getMessage().contains("expected " + WebSocketHandshake.acceptFor(client.key())), wrong.getMessage());
        HandshakeException refused = assertThrows(HandshakeException.class,
                () -> client.check(403, Map.of(), "the Origin http://evil.example is not allowed\n"));
        assertEquals(403, refused.status());
        assertTrue(refused.getMessage().endsWith("403: the Origin http://evil.example is not allowed"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WebSocketClientHandshake.of("h", 1, "chat"));
    }
}

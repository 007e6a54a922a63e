package dev.framekit.demos.chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.server.LanAddresses;
import dev.framekit.framing.websocket.HandshakeResponse;
import dev.framekit.framing.websocket.UpgradeRequest;
import dev.framekit.framing.websocket.WebSocketHandshake;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The origins a page of this server may have: its own names and addresses with the web port, never the Host alone. */
class PageOriginsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static HandshakeResponse upgrade(WebSocketHandshake handshake, String host, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        headers.put("Sec-WebSocket-Version", "13");
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return handshake.respond(new UpgradeRequest("GET", "HTTP/1.1", headers));
    }

    @Test
    void allowsTheWebPortAtLocalhostEveryInterfaceAddressAndTheHostName() throws Exception {
        WebSocketHandshake handshake = new PageOrigins(List.of()).handshake(LOOPBACK, 8080);
        assertTrue(upgrade(handshake, "127.0.0.1:8080", "http://127.0.0.1:8080").accepted());
        assertTrue(upgrade(handshake, "localhost:8080", "http://localhost:8080").accepted());
        String name = LanAddresses.hostName().toLowerCase(Locale.ROOT);
        assertTrue(upgrade(handshake, name + ":8080", "http://" + name + ":8080").accepted(), name);
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String text = LanAddresses.text(address);
                    String host = text.contains(":") ? "[" + text + "]" : text;
                    assertTrue(upgrade(handshake, host + ":8080", "http://" + host + ":8080").accepted(), host);
                }
            }
        }
    }

    @Test
    void refusesAnotherSiteWhateverItsHostSaysAndAnotherPort() {
        WebSocketHandshake handshake = new PageOrigins(List.of()).handshake(LOOPBACK, 8080);
        assertEquals(403, upgrade(handshake, "evil.example:8080", "http://evil.example:8080").status(), "DNS rebinding");
        assertEquals(403, upgrade(handshake, "127.0.0.1:8080", "http://127.0.0.1:9999").status());
        assertTrue(upgrade(handshake, "evil.example:8080", null).accepted(), "a program sends no Origin");
    }

    @Test
    void webOriginAddsOriginsAndRefusesMalformedOnes() {
        WebSocketHandshake handshake = new PageOrigins(List.of("http://laptop.lan:8080")).handshake(LOOPBACK, 8080);
        assertTrue(upgrade(handshake, "laptop.lan:8080", "http://laptop.lan:8080").accepted());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PageOrigins(List.of("laptop.lan")));
        assertTrue(e.getMessage().contains("laptop.lan"), e.getMessage());
    }
}

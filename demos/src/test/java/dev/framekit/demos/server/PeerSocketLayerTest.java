package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The server's rules reach a peer socket through the socket a layer (TLS) made over it. */
class PeerSocketLayerTest {
    @Test
    void theLayeredSocketLeadsToThePeerSocketBeneathUntilTheConnectionEnds() throws Exception {
        try (PeerSocket peer = new PeerSocket(); Socket layered = new Socket(); Socket other = new Socket()) {
            assertSame(peer, PeerSocket.beneath(peer));
            assertNull(PeerSocket.beneath(layered));
            peer.layeredAs(layered);
            assertSame(peer, PeerSocket.beneath(layered));
            assertNull(PeerSocket.beneath(other));
            peer.forgetLayer();
            assertNull(PeerSocket.beneath(layered));
        }
    }
}

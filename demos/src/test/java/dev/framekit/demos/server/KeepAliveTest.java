package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

/** Accepted connections have TCP keepalive on with the short settings, so half-open peers are reclaimed. */
class KeepAliveTest {
    @Test
    void acceptedConnectionsProbeAfterThirtySecondsEveryTenThreeTimes() throws Exception {
        try (PeerServerSocket server = new PeerServerSocket()) {
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    Socket accepted = server.accept()) {
                assertTrue(accepted.getKeepAlive());
                if (accepted.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
                    assertEquals(KeepAlive.IDLE_SECONDS, accepted.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
                    assertEquals(KeepAlive.INTERVAL_SECONDS, accepted.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
                    assertEquals(KeepAlive.COUNT, accepted.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT));
                }
            }
        }
    }
}

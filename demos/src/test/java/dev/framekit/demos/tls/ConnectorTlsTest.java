package dev.framekit.demos.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * The library's {@code Connector.tls} against {@link ServerTls} over real loopback sockets: frames
 * travel inside TLS to the pinned certificate; another certificate fails the connect in one line.
 */
class ConnectorTlsTest {
    private static final SelfSignedCertificate CERTIFICATE = make();

    private static SelfSignedCertificate make() {
        try {
            return SelfSignedCertificate.make("connector test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts one connection, runs it over TLS and echoes one length-prefixed frame; the future ends with it. */
    private static CompletableFuture<Void> echoOnce(ServerSocket listener) throws Exception {
        ServerTls tls = ServerTls.of(CERTIFICATE, Duration.ofSeconds(10));
        return CompletableFuture.runAsync(() -> {
            try (Socket accepted = listener.accept();
                    FramedConnection connection = FramedConnection.of(tls.over(accepted), Framers.lengthPrefixed())) {
                connection.send(connection.readByteArray());
            } catch (IOException e) {
                // The client refused the certificate: nothing to echo.
            }
        });
    }

    @Test
    void framesTravelInsideTlsToThePinnedCertificate() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = echoOnce(listener);
            try (FramedConnection client = FramedConnection.connector("127.0.0.1", listener.getLocalPort())
                    .tls(ClientTls.pinned(Fingerprint.of(CERTIFICATE.certificate()))).connect()) {
                client.send("inside TLS");
                assertEquals("inside TLS", client.readString());
            }
            server.get();
        }
    }

    @Test
    void anotherCertificateFailsTheConnectInOneLineThatSaysWhy() throws Exception {
        Fingerprint other = Fingerprint.of(SelfSignedCertificate.make("other").certificate());
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = echoOnce(listener);
            SSLException e = assertThrows(SSLException.class, () -> FramedConnection.connector("127.0.0.1",
                    listener.getLocalPort()).tls(ClientTls.pinned(other)).connect());
            assertEquals("cannot connect to 127.0.0.1:" + listener.getLocalPort() + ": TLS handshake failed: the server's"
                    + " certificate has SHA-256 fingerprint " + Fingerprint.of(CERTIFICATE.certificate()) + ", not "
                    + other + " (--tls-fingerprint); not connecting", e.getMessage());
            assertTrue(e.getCause() instanceof SSLException, String.valueOf(e.getCause()));
            server.get();
        }
    }
}

package dev.framekit.demos.tls;

import dev.framekit.demos.server.SocketLayer;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * A server's TLS: its self-signed certificate, and the {@link SocketLayer} that shakes hands on
 * each accepted socket (TLS 1.3 and 1.2) within a time limit. A peer that does not speak TLS (a
 * plaintext client on the TLS port) fails the handshake and is refused, with one line saying so.
 */
public final class ServerTls implements SocketLayer {
    private final SSLContext context;
    private final Fingerprint fingerprint;
    private final Duration handshakeTimeout;

    private ServerTls(SSLContext context, Fingerprint fingerprint, Duration handshakeTimeout) {
        this.context = context;
        this.fingerprint = fingerprint;
        this.handshakeTimeout = handshakeTimeout;
    }

    /**
     * TLS with {@code certificate}; a handshake not done within {@code handshakeTimeout} refuses the peer.
     *
     * @throws GeneralSecurityException if the JDK cannot use the key
     */
    public static ServerTls of(SelfSignedCertificate certificate, Duration handshakeTimeout)
            throws GeneralSecurityException {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
        store.setKeyEntry(ServerKeyStore.ALIAS, certificate.keys().getPrivate(), ServerKeyStore.PASSWORD,
                new Certificate[] {certificate.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, ServerKeyStore.PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new ServerTls(context, Fingerprint.of(certificate.certificate()), handshakeTimeout);
    }

    /** The certificate's SHA-256 fingerprint: what clients pin. */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    /**
     * What the JDK's TLS socket holds for a connection, counted against the memory budget: an
     * inbound record, the decrypted application data and an outbound record, each up to a TLS
     * record with its overhead (16,709 bytes).
     */
    static final long BYTES_HELD = 3 * 16_709;

    @Override
    public long bytesHeld() {
        return BYTES_HELD;
    }

    @Override
    public Socket over(Socket accepted) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(accepted, null, accepted.getPort(), true);
        socket.setUseClientMode(false);
        socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        int timeout = accepted.getSoTimeout();
        try {
            socket.setSoTimeout(Math.toIntExact(handshakeTimeout.toMillis()));
            socket.startHandshake();
            socket.setSoTimeout(timeout);
            return socket;
        } catch (SocketTimeoutException e) {
            throw new IOException("refused: no TLS handshake within " + handshakeTimeout.toSeconds() + " s", e);
        } catch (SSLException e) {
            throw new IOException(describe(e), e);
        }
    }

    /** The one line for a failed handshake; a peer that sent no TLS record at all is a plaintext client. */
    static String describe(SSLException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext")) {
            return "refused: it does not speak TLS (a plaintext client on a --tls port)";
        }
        if (lower.contains("certificate_unknown") || lower.contains("bad_certificate")) {
            return "refused: the client does not trust this certificate (does it pin another --tls-fingerprint?)";
        }
        return "refused: TLS handshake failed: " + message;
    }
}

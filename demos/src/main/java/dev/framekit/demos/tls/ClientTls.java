package dev.framekit.demos.tls;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/** A client's TLS: connects only to the server whose certificate has the pinned fingerprint. */
public final class ClientTls {
    private ClientTls() {}

    /** Sockets that complete a handshake only with a server whose certificate has {@code pinned}. */
    public static SSLSocketFactory pinned(Fingerprint pinned) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedTrust(pinned)}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make a TLS context: " + e.getMessage(), e);
        }
    }
}

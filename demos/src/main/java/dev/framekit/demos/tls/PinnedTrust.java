package dev.framekit.demos.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts one server certificate, by its SHA-256 fingerprint, and nothing else: no certificate
 * authority, no host name, no dates (a self-signed certificate is its own authority; the pin is
 * what a person checked). Trusts no client.
 */
final class PinnedTrust extends X509ExtendedTrustManager {
    private final Fingerprint pinned;

    PinnedTrust(Fingerprint pinned) {
        this.pinned = pinned;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        if (!pinned.matches(chain[0])) {
            throw new PinMismatchException(pinned, Fingerprint.of(chain[0]));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a chat client trusts no client certificate");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** The server's certificate is not the pinned one. */
    static final class PinMismatchException extends CertificateException {
        PinMismatchException(Fingerprint pinned, Fingerprint actual) {
            super("the server's certificate has SHA-256 fingerprint " + actual + ", not " + pinned
                    + " (--tls-fingerprint); not connecting");
        }
    }
}

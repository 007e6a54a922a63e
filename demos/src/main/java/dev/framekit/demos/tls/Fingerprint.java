package dev.framekit.demos.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a certificate: the digest of its DER encoding, the way browsers and
 * {@code openssl x509 -fingerprint -sha256} show it ({@code AB:CD:...}, 32 bytes).
 */
public final class Fingerprint {
    /** The bytes of a SHA-256 digest. */
    public static final int LENGTH = 32;

    private final byte[] digest;

    private Fingerprint(byte[] digest) {
        this.digest = digest;
    }

    /** The fingerprint of {@code certificate}. */
    public static Fingerprint of(Certificate certificate) {
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot take the certificate's SHA-256 fingerprint: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a fingerprint as people paste it: 64 hex digits, with or without colons between the
     * pairs, in any case.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static Fingerprint parse(String text) {
        String hex = text.strip().replace(":", "");
        if (hex.length() != 2 * LENGTH || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            throw new IllegalArgumentException("'" + (text.length() > 120 ? text.substring(0, 120) + "..." : text)
                    + "' is not a SHA-256 fingerprint: expected 64 hex digits, with or without colons");
        }
        return new Fingerprint(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code certificate} has this fingerprint. */
    public boolean matches(Certificate certificate) {
        return MessageDigest.isEqual(digest, of(certificate).digest);
    }

    /** {@code AB:CD:...}: upper-case hex pairs joined by colons. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }
}

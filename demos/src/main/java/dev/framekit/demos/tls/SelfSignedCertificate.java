package dev.framekit.demos.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for a chat server, made with BouncyCastle: an EC P-256 key, signed
 * SHA256withECDSA, valid for {@link #VALIDITY}. Nobody vouches for it; a client trusts it by its
 * {@link Fingerprint} alone.
 *
 * @param keys the key pair (its private key signs the handshake)
 * @param certificate the certificate of its public key, signed by its private key
 */
public record SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
    /** How long a made certificate is valid: ten years (it is kept between runs, and pinned, not checked by date). */
    static final Duration VALIDITY = Duration.ofDays(3650);

    /**
     * Makes a new key pair and its certificate for {@code commonName}.
     *
     * @throws GeneralSecurityException if the JDK cannot make an EC key or sign with it
     */
    public static SelfSignedCertificate make(String commonName) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            certificate.verify(keys.getPublic());
            return new SelfSignedCertificate(keys, certificate);
        } catch (OperatorCreationException | CertIOException e) {
            throw new GeneralSecurityException("cannot make the certificate: " + e.getMessage(), e);
        }
    }
}

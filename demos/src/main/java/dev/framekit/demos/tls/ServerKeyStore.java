package dev.framekit.demos.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Where a chat server keeps its TLS key and self-signed certificate between runs, so its
 * fingerprint stays the same and clients that pinned it still connect: a PKCS#12 file, by default
 * {@code chat-tls.p12} in the user's framekit config folder ({@link #defaultFile()}), readable by
 * its owner only. Made on first run.
 */
public final class ServerKeyStore {
    /** The entry's alias in the file. */
    static final String ALIAS = "framekit-chat";

    /**
     * The file's password. The file is protected by its permissions, not by this: a server must
     * start unattended. PKCS#12 wants a password all the same.
     */
    static final char[] PASSWORD = "framekit".toCharArray();

    private ServerKeyStore() {}

    /**
     * {@code $XDG_CONFIG_HOME/framekit/chat-tls.p12} (else {@code ~/.config/framekit/...}) on
     * Linux, {@code %APPDATA%\framekit\...} on Windows, {@code ~/Library/Application Support/framekit/...}
     * on macOS.
     */
    public static Path defaultFile() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        Path config;
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            config = Path.of(System.getenv("APPDATA"));
        } else if (os.contains("mac")) {
            config = home.resolve("Library").resolve("Application Support");
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        }
        return config.resolve("framekit").resolve("chat-tls.p12");
    }

    /**
     * The key and certificate in {@code file}, made (and saved there) if the file does not exist.
     *
     * @param made told whether they were made now
     * @throws IOException if the file cannot be read or written, or holds no key
     */
    public static SelfSignedCertificate loadOrMake(Path file, String commonName, java.util.function.Consumer<Boolean> made)
            throws IOException {
        try {
            if (Files.exists(file)) {
                made.accept(false);
                return load(file);
            }
            SelfSignedCertificate certificate = SelfSignedCertificate.make(commonName);
            try {
                save(file, certificate);
            } catch (IOException e) {
                throw new IOException("cannot save the certificate in " + file + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); choose another file with --tls-keystore", e);
            }
            made.accept(true);
            return certificate;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static SelfSignedCertificate load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        } catch (IOException e) {
            throw new IOException(file + " is not a key store framekit can read (" + (e.getMessage() != null
                    ? e.getMessage() : e.getClass().getSimpleName()) + "); move it away to make a new one", e);
        }
        if (!(store.getKey(ALIAS, PASSWORD) instanceof PrivateKey key)
                || !(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
            throw new IOException(file + " holds no '" + ALIAS + "' key and certificate; move it away to make a new one");
        }
        return new SelfSignedCertificate(new java.security.KeyPair(certificate.getPublicKey(), key), certificate);
    }

    private static void save(Path file, SelfSignedCertificate certificate) throws IOException, GeneralSecurityException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, certificate.keys().getPrivate(), PASSWORD, new Certificate[] {certificate.certificate()});
        Path partial = Files.createTempFile(folder, ".chat-tls", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            try (OutputStream out = Files.newOutputStream(partial)) {
                store.store(out, PASSWORD);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}

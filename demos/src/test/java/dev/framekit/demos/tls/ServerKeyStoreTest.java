package dev.framekit.demos.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeyStoreTest {
    @TempDir
    Path folder;

    @Test
    void theFirstRunMakesAndKeepsTheCertificateAndTheNextReadsTheSameOne() throws Exception {
        Path file = folder.resolve("config").resolve("framekit").resolve("chat-tls.p12");
        List<Boolean> made = new ArrayList<>();
        SelfSignedCertificate first = ServerKeyStore.loadOrMake(file, "framekit chat test", made::add);
        SelfSignedCertificate again = ServerKeyStore.loadOrMake(file, "framekit chat test", made::add);
        assertEquals(List.of(true, false), made);
        assertEquals(Fingerprint.of(first.certificate()), Fingerprint.of(again.certificate()));
        assertEquals(first.keys().getPrivate(), again.keys().getPrivate());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.certificate().getSubjectX500Principal().getName().contains("CN=framekit chat test"));
    }

    @Test
    void aFileThatIsNotAKeyStoreIsOneClearError() throws Exception {
        Path file = folder.resolve("chat-tls.p12");
        Files.writeString(file, "not a key store");
        IOException e = assertThrows(IOException.class, () -> ServerKeyStore.loadOrMake(file, "x", fresh -> { }));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void aFolderThatCannotBeMadeIsOneClearError() throws Exception {
        Path blocker = folder.resolve("a-file");
        Files.writeString(blocker, "");
        Path file = blocker.resolve("chat-tls.p12");
        IOException e = assertThrows(IOException.class, () -> ServerKeyStore.loadOrMake(file, "x", fresh -> { }));
        assertTrue(e.getMessage().startsWith("cannot save the certificate in " + file), e.getMessage());
        assertTrue(e.getMessage().endsWith("choose another file with --tls-keystore"), e.getMessage());
    }

    @Test
    void theDefaultFileIsInTheUsersFramekitConfigFolder() {
        Path file = ServerKeyStore.defaultFile();
        assertEquals("chat-tls.p12", file.getFileName().toString());
        assertEquals("framekit", file.getParent().getFileName().toString());
    }
}

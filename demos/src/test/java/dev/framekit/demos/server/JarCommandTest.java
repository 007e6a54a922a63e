package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarCommandTest {
    @Test
    void quotesAPathOnlyWhereAShellNeedsIt() {
        assertEquals("/home/ann/framekit/demos/target/framekit.jar",
                JarCommand.shellQuoted("/home/ann/framekit/demos/target/framekit.jar"));
        assertEquals("'/home/ann/my projects/framekit.jar'", JarCommand.shellQuoted("/home/ann/my projects/framekit.jar"));
        assertEquals("'/tmp/ann'\\''s/framekit.jar'", JarCommand.shellQuoted("/tmp/ann's/framekit.jar"));
    }

    @Test
    void outsideAJarItIsThePlainName() {
        // The tests run from target/classes, not from framekit.jar.
        assertEquals("java -jar framekit.jar", JarCommand.javaJar());
    }

    @Test
    void fromTheSelfContainedImageItIsFramekitAndFromACheckoutTheLauncher(@TempDir Path folder) throws Exception {
        Path image = folder.resolve("framekit-linux-x64");
        Path imageJar = executable(image.resolve("lib/framekit.jar"));
        Path checkoutJar = executable(folder.resolve("checkout/demos/target/framekit.jar"));
        assertEquals(JarCommand.javaJar(), JarCommand.launcher(imageJar), "no bin/framekit beside");
        assertEquals(JarCommand.javaJar(), JarCommand.launcher(checkoutJar), "no demos/framekit beside");

        executable(image.resolve("bin/framekit"));
        executable(folder.resolve("checkout/demos/framekit"));
        assertEquals("framekit", JarCommand.launcher(imageJar));
        assertEquals("demos/framekit", JarCommand.launcher(checkoutJar));
    }

    private static Path executable(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}

package dev.framekit.demos.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void readsTheFeatureVersionOfOldAndNewJavas() {
        assertEquals(8, Launcher.featureVersion("1.8"));
        assertEquals(11, Launcher.featureVersion("11"));
        assertEquals(17, Launcher.featureVersion("17"));
        assertEquals(25, Launcher.featureVersion("25"));
        assertEquals(Integer.MAX_VALUE, Launcher.featureVersion(""), "unreadable: let the CLI try");
    }

    @Test
    void isCompiledForJava8SoThatOldJavasCanRunTheCheck() throws IOException {
        try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class");
                DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            assertEquals(52, data.readUnsignedShort(), "class file version (52 is Java 8)");
        }
    }
}

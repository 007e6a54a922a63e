package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The command a server prints for a second machine: the launcher, no option that equals its default. */
class StartupBannerTest {
    @Test
    void theClientCommandLeavesOutTheDefaultPort() {
        // The tests run from target/classes, not from framekit.jar: the launcher is java -jar framekit.jar.
        assertEquals("java -jar framekit.jar chat-client --host 192.168.1.20 --framing delimiter",
                StartupBanner.clientCommand("chat-client --host HOST --port PORT --framing delimiter", "192.168.1.20", 7342));
        assertEquals("java -jar framekit.jar echo-client --host 10.0.0.2 --port 7400 hello",
                StartupBanner.clientCommand("echo-client --host HOST --port PORT hello", "10.0.0.2", 7400));
    }

    @Test
    void aPortInAUrlIsAlwaysWrittenOut() {
        assertEquals("java -jar framekit.jar http-get http://192.0.2.2:8080/",
                StartupBanner.clientCommand("http-get http://HOST:PORT/", "192.0.2.2", 8080));
        assertEquals("java -jar framekit.jar http-get http://192.0.2.2:7342/",
                StartupBanner.clientCommand("http-get http://HOST:PORT/", "192.0.2.2", 7342));
    }
}

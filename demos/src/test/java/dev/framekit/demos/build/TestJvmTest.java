package dev.framekit.demos.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The JVM the unit tests run in is told up front what the libraries the tests use will do, so the
 * JDK prints no warning about it in the log: Jazzer loads an agent, and on JDK 24+ protobuf-java
 * and Jazzer's sanitizers use {@code sun.misc.Unsafe}'s memory methods.
 */
class TestJvmTest {
    @Test
    void allowsTheFuzzTestsAgentSoTheLogHasNoDynamicAgentWarning() {
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+EnableDynamicAgentLoading"),
                ManagementFactory.getRuntimeMXBean().getInputArguments().toString());
    }

    @Test
    void allowsUnsafeMemoryAccessOnJdk24AndLaterSoTheLogHasNoUnsafeWarning() {
        boolean allowed = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("--sun-misc-unsafe-memory-access=allow");
        assertEquals(Runtime.version().feature() >= 24, allowed, ManagementFactory.getRuntimeMXBean().getInputArguments().toString());
    }
}

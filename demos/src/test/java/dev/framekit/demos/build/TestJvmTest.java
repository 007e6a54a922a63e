package dev.framekit.demos.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The JVM the unit tests run in is told up front that Jazzer loads an agent: no JDK warning about it in the log. */
class TestJvmTest {
    @Test
    void allowsTheFuzzTestsAgentSoTheLogHasNoDynamicAgentWarning() {
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+EnableDynamicAgentLoading"),
                ManagementFactory.getRuntimeMXBean().getInputArguments().toString());
    }
}

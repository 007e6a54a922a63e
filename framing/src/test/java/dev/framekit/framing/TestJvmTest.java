package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM the unit tests run in is told up front that Jazzer loads an agent: no JDK warning about it in the log. */
class TestJvmTest {
    @Test
    void allowsTheFuzzTestsAgentSoTheLogHasNoDynamicAgentWarning() {
        List<String> arguments = List.of(ProcessHandle.current().info().arguments().orElseThrow());
        assertTrue(arguments.contains("-XX:+EnableDynamicAgentLoading"), arguments.toString());
    }
}

package dev.framekit.demos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a JMH JVM would print the sun.misc.Unsafe warning, and what keeps it quiet. */
class UnsafeWarningsTest {
    @Test
    void aJdk24OrNewerWarnsUnlessStartedWithTheFlag() {
        assertTrue(UnsafeWarnings.warns(25, List.of("-Xmx1g")));
        assertTrue(UnsafeWarnings.warns(24, List.of()));
        assertFalse(UnsafeWarnings.warns(25, List.of(UnsafeWarnings.ALLOW)));
        assertFalse(UnsafeWarnings.warns(25, List.of("--sun-misc-unsafe-memory-access=warn")), "a user's own choice stands");
    }

    @Test
    void olderJdksNeitherWarnNorGetTheFlag() {
        assertFalse(UnsafeWarnings.warns(21, List.of()));
        assertEquals(List.of(), UnsafeWarnings.toAppend(21, List.of()), "JDK 21 would refuse an unknown flag");
    }

    @Test
    void aForkGetsTheFlagOnlyWhereItWouldWarn() {
        assertEquals(List.of(UnsafeWarnings.ALLOW), UnsafeWarnings.toAppend(25, List.of("-Xmx256m")));
        assertEquals(List.of(), UnsafeWarnings.toAppend(25, List.of(UnsafeWarnings.ALLOW)), "inherited: not twice");
    }
}

package dev.framekit.demos.build;

import dev.framekit.framing.support.Slow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line a test run ends with ({@code demos/src/build/TestTotals.java}, run by the build after
 * the integration tests): totals over every module's reports of this build, run as the build runs
 * it, with the source launcher.
 */
@Slow
class TestTotalsTest {
    @TempDir
    Path dir;

    @Test
    void addsUpEveryModulesReportsOfThisBuildAndSaysTheWallTime() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(75);
        Path framingUnit = report("framing/surefire-reports", "A", 10, 0, 0, 1);
        report("framing/failsafe-reports", "B", 3, 0, 0, 0);
        report("demos/surefire-reports", "C", 20, 1, 0, 2);
        report("demos/failsafe-reports", "D", 5, 0, 1, 0);
        Path old = report("demos/failsafe-reports", "Old", 100, 100, 0, 0);
        Files.setLastModifiedTime(old, FileTime.from(start.minusSeconds(3600))); // an earlier build's
        assertTrue(Files.exists(framingUnit));

        String output = totals("integration-test", "goals [verify]", start);
        assertTrue(output.matches("framekit tests: 38 run, 1 failed, 1 errors, 3 skipped \\(4 classes, unit and integration,"
                + " every module\\) in 1 min 1[5-9] s since the build started  FAILED\\n"), output);
    }

    @Test
    void afterTheUnitTestsSpeaksOnlyWhenTheBuildStopsThere() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        report("framing/surefire-reports", "A", 10, 0, 0, 1);
        report("demos/surefire-reports", "C", 20, 0, 0, 2);

        assertTrue(totals("test", "goals [test]", start).matches("framekit tests: 30 run, 0 failed, 0 errors, 3 skipped \\(2 classes,"
                + " unit, every module\\) in [5-9] s since the build started\\n"));
        assertEquals("", totals("test", "goals [clean, verify]", start), "verify prints its line after the integration tests");
        assertEquals("", totals("test", "goals [install]", start));
    }

    /** Runs TestTotals.java as the build does, with the source launcher, and returns what it printed. */
    private String totals(String after, String goals, Instant start) throws Exception {
        Path source = NestedMaven.projectRoot().resolve("demos/src/build/TestTotals.java");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), start.toString(), goals, dir.resolve("framing/surefire-reports").toString(),
                dir.resolve("framing/failsafe-reports").toString(), dir.resolve("demos/surefire-reports").toString(),
                dir.resolve("demos/failsafe-reports").toString(), dir.resolve("missing").toString())
                .redirectErrorStream(true);
        builder.environment().put("TEST_TOTALS_AFTER", after);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private Path report(String module, String name, int tests, int failures, int errors, int skipped) throws Exception {
        Path file = Files.createDirectories(dir.resolve(module)).resolve("TEST-" + name + ".xml");
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite xmlns:xsi=\"x\" version=\"3.0.2\" name=\""
                + name + "\" time=\"1.5\" tests=\"" + tests + "\" errors=\"" + errors + "\" skipped=\"" + skipped
                + "\" failures=\"" + failures + "\">\n<properties/>\n</testsuite>\n");
        return file;
    }
}

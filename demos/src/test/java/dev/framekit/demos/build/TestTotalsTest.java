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

        Path source = NestedMaven.projectRoot().resolve("demos/src/build/TestTotals.java");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), start.toString(), dir.resolve("framing/surefire-reports").toString(),
                dir.resolve("framing/failsafe-reports").toString(), dir.resolve("demos/surefire-reports").toString(),
                dir.resolve("demos/failsafe-reports").toString(), dir.resolve("missing").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.matches("framekit tests: 38 run, 1 failed, 1 errors, 3 skipped \\(4 classes, unit and integration,"
                + " every module\\) in 1 min 1[5-9] s since the build started  FAILED\\n"), output);
    }

    private Path report(String module, String name, int tests, int failures, int errors, int skipped) throws Exception {
        Path file = Files.createDirectories(dir.resolve(module)).resolve("TEST-" + name + ".xml");
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite xmlns:xsi=\"x\" version=\"3.0.2\" name=\""
                + name + "\" time=\"1.5\" tests=\"" + tests + "\" errors=\"" + errors + "\" skipped=\"" + skipped
                + "\" failures=\"" + failures + "\">\n<properties/>\n</testsuite>\n");
        return file;
    }
}

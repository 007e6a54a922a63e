import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line a test run of the whole build ends with: tests, failures, errors and skipped
 * across every module's Surefire and Failsafe reports written since the build started, and the
 * wall time since then. Run by Maven (demos/pom.xml) with the source launcher, on the JVM Maven
 * runs on, twice per build: after the unit tests and after the integration tests
 * ({@code TEST_TOTALS_AFTER=test|integration-test java TestTotals.java BUILD-START-ISO-INSTANT
 * "goals GOALS" REPORT-DIR...}, GOALS as Maven writes them: {@code [clean, verify]}). Each run
 * prints only if it is the last one this build's goals reach, so {@code ./mvnw test} and
 * {@code ./mvnw verify} both end with exactly one line.
 */
public final class TestTotals {
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");

    private TestTotals() {
    }

    public static void main(String[] args) throws IOException {
        Instant start = Instant.parse(args[0]);
        boolean unitOnly = "test".equals(System.getenv("TEST_TOTALS_AFTER"));
        if (unitOnly && reachesIntegrationTests(args[1])) {
            return; // the run after the integration tests prints the line
        }
        long[] totals = new long[4]; // tests, failures, errors, skipped
        int suites = 0;
        for (int i = 2; i < args.length; i++) {
            Path dir = Path.of(args[i]);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> reports = Files.newDirectoryStream(dir, "TEST-*.xml")) {
                for (Path report : reports) {
                    if (Files.getLastModifiedTime(report).toInstant().isBefore(start.minusSeconds(1))) {
                        continue; // from an earlier build
                    }
                    Matcher suite = SUITE.matcher(Files.readString(report, StandardCharsets.UTF_8));
                    if (suite.find()) {
                        suites++;
                        totals[0] += attribute(suite.group(), "tests");
                        totals[1] += attribute(suite.group(), "failures");
                        totals[2] += attribute(suite.group(), "errors");
                        totals[3] += attribute(suite.group(), "skipped");
                    }
                }
            }
        }
        System.out.println(line(totals, suites, unitOnly, Duration.between(start, Instant.now())));
    }

    /** E.g. {@code framekit tests: 2802 run, 0 failed, 0 errors, 12 skipped (412 classes, unit and integration), 14 min 3 s}. */
    static String line(long[] totals, int suites, boolean unitOnly, Duration wall) {
        long seconds = Math.max(0, wall.getSeconds());
        String time = seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
        String verdict = totals[1] + totals[2] == 0 ? "" : "  FAILED";
        return "framekit tests: " + totals[0] + " run, " + totals[1] + " failed, " + totals[2] + " errors, " + totals[3]
                + " skipped (" + suites + " classes, " + (unitOnly ? "unit" : "unit and integration")
                + ", every module) in " + time
                + " since the build started" + verdict;
    }

    /** Whether Maven goals such as {@code [clean, verify]} run the integration-test phase. */
    static boolean reachesIntegrationTests(String goals) {
        return Pattern.compile("\\b(integration-test|post-integration-test|verify|install|deploy)\\b").matcher(goals).find();
    }

    private static long attribute(String element, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"(\\d+)\"").matcher(element);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}

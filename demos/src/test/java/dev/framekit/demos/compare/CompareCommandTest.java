package dev.framekit.demos.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.FramerContender;
import dev.framekit.demos.compare.measure.LatencyRun;
import dev.framekit.demos.compare.measure.Settings;
import dev.framekit.demos.compare.measure.Tally;
import dev.framekit.demos.compare.measure.VerificationException;
import dev.framekit.demos.compare.measure.Workload;
import dev.framekit.demos.console.Progress;
import dev.framekit.demos.options.Framing;
import dev.framekit.framing.Framers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code compare --quick --format json} on a tiny workload, and runs that must fail their loss check. */
@Timeout(60)
class CompareCommandTest {
    private static final List<String> CONTENDERS = java.util.stream.Stream.concat(Framing.names().stream(),
            java.util.stream.Stream.of("raw pump", "DataInputStream", "BufferedReader.readLine")).toList();
    private static final List<String> NUMBERS = List.of("messagesPerSecond", "megabytesPerSecond", "p50Micros",
            "p99Micros", "wireBytesPerMessage", "overheadPercent", "connectionsPer1000", "verifiedMessages");
    private static final Pattern ROW = Pattern.compile("\\{\"framing\": [^{}]*}");
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]+)");

    private record Run(int status, String out, String err) {}

    private static Run compare(CompareCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static List<Map<String, String>> rows(String json) {
        List<Map<String, String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(json);
        while (row.find()) {
            Map<String, String> fields = new HashMap<>();
            Matcher field = FIELD.matcher(row.group());
            while (field.find()) {
                fields.put(field.group(1), field.group(2));
            }
            rows.add(fields);
        }
        return rows;
    }

    @Test
    void quickJsonRunReportsEveryFramerAndBaselineWithEveryMetricAndAPassedLossCheck() {
        Run run = compare(new CompareCommand(), "--quick", "--messages", "40", "--trials", "1", "--sizes", "16,1k",
                "--format", "json");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"verification\": \"passed\""), run.out());
        List<Map<String, String>> rows = rows(run.out());
        assertEquals(CONTENDERS.size() * 2, rows.size(), run.out());
        for (String size : List.of("16", "1024")) {
            for (String name : CONTENDERS) {
                Map<String, String> row = rows.stream()
                        .filter(r -> ("\"" + name + "\"").equals(r.get("framing")) && size.equals(r.get("sizeBytes")))
                        .findFirst().orElseThrow(() -> new AssertionError("no row for " + name + " at " + size));
                for (String metric : NUMBERS) {
                    String value = row.get(metric);
                    assertTrue(value != null && Double.parseDouble(value) >= 0, name + " " + size + ": " + metric + "=" + value);
                }
                assertTrue(Double.parseDouble(row.get("messagesPerSecond")) > 0, name + " streamed nothing");
                assertTrue(Long.parseLong(row.get("verifiedMessages")) >= 80, name + " verified too few messages");
                for (String property : List.of("binarySafe", "persistent", "largestMessage", "cannotCarry",
                        "throughputVsRaw", "p50VsRaw", "throughputVsClassic")) {
                    assertTrue(row.containsKey(property), name + " lacks " + property);
                }
            }
        }
        Map<String, String> length = rows.get(2);
        assertEquals("\"length\"", length.get("framing"));
        assertEquals("20.0000", length.get("wireBytesPerMessage"));
        assertEquals("\"DataInputStream\"", length.get("classicBaseline"));
        assertFalse(length.get("throughputVsClassic").equals("null"));
    }

    @Test
    void runWithACorruptingFramerFailsLoudlyAndPrintsNoFigures() {
        CompareCommand command = new CompareCommand();
        command.contenderSource = names -> List.of(new FramerContender("corrupting",
                size -> FaultyFramers.corrupting(Framers.lengthPrefixed(), 7)));

        Run run = compare(command, "--quick", "--messages", "20", "--trials", "1", "--sizes", "16", "--format", "json");

        assertEquals(1, run.status());
        assertTrue(run.err().contains("VERIFICATION FAILED: corrupting, 16 B messages, streaming"), run.err());
        assertFalse(run.out().contains("results"), run.out());
    }

    @Test
    void streamingRunThatLosesAMessageFailsTheLossCheck() throws Exception {
        Settings settings = new Settings(List.of(16), 30L, java.time.Duration.ZERO, 10, 1, 0, 10);
        Contender dropping = new FramerContender("dropping", size -> FaultyFramers.dropping(Framers.lines(), 12));

        VerificationException failure = org.junit.jupiter.api.Assertions.assertThrows(VerificationException.class,
                () -> new Comparison(settings, List.of(dropping)).run(new Progress(null, false, "compare", 1)));

        assertTrue(failure.getMessage().contains("received 29 messages"), failure.getMessage());
    }

    @Test
    void pingPongThatAltersAnEchoFailsTheLossCheck() throws Exception {
        Workload workload = new Workload(64);
        Contender corrupting = new FramerContender("corrupting", size -> FaultyFramers.corrupting(Framers.lengthPrefixed(), 3));

        LatencyRun run = corrupting.pingPong(workload, 5);

        assertEquals(5, run.roundTrips().length);
        assertFalse(run.echoed().sameAs(workload.expected(5, Tally.Mode.MESSAGES)));
        assertTrue(new FramerContender("length", size -> Framers.lengthPrefixed()).pingPong(workload, 5).echoed()
                .sameAs(workload.expected(5, Tally.Mode.MESSAGES)));
    }

    @Test
    void tallyTellsAReorderedStreamFromTheOriginal() {
        Workload workload = new Workload(16);
        Tally reordered = new Tally(Tally.Mode.MESSAGES);
        for (long sequence : new long[] {0, 2, 1}) {
            reordered.add(workload.message(sequence), 0, 16);
        }

        assertFalse(reordered.sameAs(workload.expected(3, Tally.Mode.MESSAGES)));
    }
}

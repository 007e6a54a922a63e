package dev.framekit.demos.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.Contenders;
import dev.framekit.demos.compare.measure.Figure;
import dev.framekit.demos.compare.measure.FramerContender;
import dev.framekit.demos.compare.measure.KeepAwake;
import dev.framekit.demos.compare.report.Formats;
import dev.framekit.demos.options.Framing;
import dev.framekit.framing.Framers;
import dev.framekit.framing.support.Slow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code compare --quick --format json} on a tiny workload; runs that must fail their loss check;
 * a contender faster than the ceiling; the user's own framer from a jar.
 */
@Slow
@Timeout(120)
class CompareCommandTest {
    /** The Netty rows --quick runs: the tuned ones (a full run adds the naive ones). */
    private static final List<String> NETTY = List.of("netty LengthField tuned", "netty FixedLength tuned",
            "netty LineBased tuned", "netty DelimiterBased tuned");
    private static final List<String> CONTENDERS = java.util.stream.Stream.of(dev.framekit.demos.compare.measure.Contenders.FRAMINGS,
            List.of("raw pump", "DataInputStream", "BufferedReader.readLine"), NETTY).flatMap(List::stream).toList();
    /** Figures measured per round: each has a median, a low and a high round. */
    private static final List<String> FIGURES = List.of("messagesPerSecond", "megabytesPerSecond", "p50Micros",
            "cpuNanosPerMessage", "senderCpuNanosPerMessage", "receiverCpuNanosPerMessage", "allocatedBytesPerMessage");
    private static final List<String> NUMBERS = List.of("p99Micros", "p999Micros", "wireBytesPerMessage",
            "overheadPercent", "connectionsPer1000", "roundTrips", "verifiedMessages");
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
    void quickJsonRunReportsEveryFramerBaselineAndNettyRowWithEveryMetricSpreadAndCost() {
        Run run = compare(new CompareCommand(), "--quick", "--messages", "40", "--trials", "3", "--sizes", "16,1k",
                "--format", "json");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"verification\": \"passed\""), run.out());
        assertTrue(run.out().contains("\"ceilingAndFloorCheck\": \"passed"), run.out());
        assertTrue(run.out().contains("\"ranOn\": \"one CPU (cpu "), run.out());
        Matcher warmups = Pattern.compile("\"warmupRounds\": \\{\"16\": (\\d+), \"1024\": (\\d+)}").matcher(run.out());
        assertTrue(warmups.find(), run.out());
        for (int size = 1; size <= 2; size++) {
            int rounds = Integer.parseInt(warmups.group(size));
            int least = size == 1 ? 6 : Comparison.LATER_SIZE_WARMUPS;
            int most = size == 1 ? 8 : 4;
            assertTrue(rounds >= least && rounds <= most, "quick warms up 6 rounds at the first size, 2 at the next, up to 8"
                    + " at the first and 4 at the next while the JIT is busy: " + rounds);
        }
        assertTrue(run.out().contains("\"oneCpu\": true, \"keepAwakeThreads\": 0}"), "no spinners beside a run on one CPU: " + run.out());
        List<Map<String, String>> rows = rows(run.out());
        assertEquals(CONTENDERS.size() * 2, rows.size(), run.out());
        for (String size : List.of("16", "1024")) {
            for (String name : CONTENDERS) {
                Map<String, String> row = row(rows, name, size);
                for (String metric : FIGURES) {
                    double median = number(row, metric);
                    double low = number(row, metric + "Low");
                    double high = number(row, metric + "High");
                    assertTrue(low >= 0 && low <= median && median <= high, name + " " + size + ": " + metric
                            + " " + low + " <= " + median + " <= " + high);
                }
                for (String metric : NUMBERS) {
                    assertTrue(number(row, metric) >= 0, name + " " + size + ": " + metric);
                }
                assertTrue(number(row, "messagesPerSecond") > 0, name + " streamed nothing");
                assertTrue(number(row, "cpuNanosPerMessage") > 0, name + " cost no CPU");
                assertTrue(number(row, "receiverCpuNanosPerMessage") > 0, name + ": no receiver CPU");
                assertTrue(Long.parseLong(row.get("verifiedMessages")) >= 4 * 40, name + " verified too few messages");
                for (String property : List.of("binarySafe", "persistent", "largestMessage", "cannotCarry",
                        "throughputVsRaw", "throughputVsRawLow", "throughputVsRawHigh", "throughputVsRawSignificant",
                        "p50VsRaw", "throughputVsClassic", "throughputVsNetty", "p50VsNetty", "cpuVsRaw", "cpuVsRawSignificant",
                        "kind")) {
                    assertTrue(row.containsKey(property), name + " lacks " + property);
                }
            }
            for (String netty : NETTY) {
                assertEquals("\"netty\"", row(rows, netty, size).get("kind"));
                assertTrue(number(row(rows, netty, size), "throughputVsRaw") > 0, netty);
            }
        }
        Map<String, String> length = row(rows, "length", "16");
        assertEquals("20.0000", length.get("wireBytesPerMessage"));
        assertEquals("\"DataInputStream\"", length.get("classicBaseline"));
        assertFalse(length.get("throughputVsClassic").equals("null"));
        Map<String, String> varint = rows.stream().filter(r -> "\"length:varint\"".equals(r.get("framing"))).findFirst()
                .orElseThrow();
        assertEquals("17.0000", varint.get("wireBytesPerMessage"), "a 16-byte message costs one varint byte");
        Map<String, String> netstring = rows.stream().filter(r -> "\"netstring\"".equals(r.get("framing")))
                .findFirst().orElseThrow();
        assertEquals("20.0000", netstring.get("wireBytesPerMessage"), "16:...,");
        assertEquals("22.0000", row(rows, "chunked", "16").get("wireBytesPerMessage"), "10 CRLF, 16 bytes, CRLF");
        assertEquals("1031.0000", row(rows, "chunked", "1024").get("wireBytesPerMessage"), "400 CRLF, 1,024 bytes, CRLF");
        assertEquals("22.0000", row(rows, "websocket", "16").get("wireBytesPerMessage"),
                "the client's frames: a 2-byte header, a 4-byte mask key, 16 bytes");
        assertEquals("1032.0000", row(rows, "websocket", "1024").get("wireBytesPerMessage"), "and a 16-bit length");
        assertEquals("\"netty LengthField tuned\"", length.get("nettyMatch"));
        assertEquals("\"netty LineBased tuned\"", row(rows, "delimiter", "16").get("nettyMatch"));
        assertEquals("\"netty FixedLength tuned\"", row(rows, "fixed", "16").get("nettyMatch"));
        for (String ratio : List.of("throughputVsClassic", "throughputVsNetty", "p50VsNetty", "cpuVsRaw")) {
            double median = number(length, ratio);
            assertTrue(number(length, ratio + "Low") <= median && median <= number(length, ratio + "High"), ratio);
        }
        assertEquals("20.0000", row(rows, "netty LengthField tuned", "16").get("wireBytesPerMessage"));
        assertEquals("17.0000", row(rows, "netty LineBased tuned", "16").get("wireBytesPerMessage"));
    }

    @Test
    void allCpusRunsOnEveryCpuWithSpinnersDuringPingPong() {
        Run run = compare(new CompareCommand(), "--quick", "--all-cpus", "--no-netty", "--framings", "length",
                "--messages", "20", "--trials", "1", "--sizes", "16", "--format", "json");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"ranOn\": \"all CPUs (--all-cpus)\""), run.out());
        assertTrue(run.out().contains("\"oneCpu\": false, \"keepAwakeThreads\": " + KeepAwake.defaultThreads() + "}"),
                run.out());
    }

    @Test
    void noKeepAwakeRunsThePingPongWithoutSpinners() {
        Run run = compare(new CompareCommand(), "--quick", "--all-cpus", "--no-keep-awake", "--no-netty", "--framings",
                "length", "--messages", "20", "--trials", "1", "--sizes", "16", "--format", "json");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"oneCpu\": false, \"keepAwakeThreads\": 0}"), run.out());
    }

    @Test
    void tableMarksARatioWhoseSpreadReachesAcrossOneAsNotSignificant() {
        Run run = compare(new CompareCommand(), "--quick", "--messages", "40", "--trials", "3", "--sizes", "16",
                "--framings", "length", "--no-netty", "--wide");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("~ marks a ratio whose middle half of rounds\n"), run.out());
        assertTrue(run.out().contains("CPU ns/msg") && run.out().contains("alloc B/msg") && run.out().contains("p99.9 us"),
                run.out());
        assertTrue(run.out().matches("(?s).*\\d\\.\\d\\dx \\[\\d+\\.\\d\\d-\\d+\\.\\d\\d].*"), run.out());
    }

    @Test
    void theDefaultTableIsASummaryThatFitsA120ColumnTerminal() {
        Run run = compare(new CompareCommand(), "--quick", "--messages", "40", "--trials", "3", "--sizes", "16",
                "--framings", "length,delimiter", "--no-netty");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("16 B messages:\n"), run.out());
        assertTrue(run.out().contains("--wide, or --format markdown|csv|json"), run.out());
        assertFalse(run.out().contains("CPU ns/msg"), "the full table only with --wide: " + run.out());
        for (String line : run.out().split("\n")) {
            assertTrue(line.length() <= 120, line.length() + " columns: " + line);
        }
    }

    @Test
    void ratioWhoseRoundsRangeAcrossOneIsMarkedNotSignificant() {
        Figure across = Figure.ratios(new double[] {9, 11, 10}, new double[] {10, 10, 10});
        Figure below = Figure.ratios(new double[] {8, 9, 7}, new double[] {10, 10, 10});

        assertFalse(across.significant());
        assertEquals("~1.00x [0.95-1.05]", Formats.ratio(across));
        assertTrue(below.significant());
        assertEquals("0.80x [0.75-0.85]", Formats.ratio(below));
    }

    @Test
    void aRatioFarBelowOneKeepsItsDigitsInTheTableAndTheFlatFormats() {
        // send-and-close beside the raw pump: about 9,000 messages/s against 40 million
        Figure small = Figure.ratios(new double[] {9_243, 10_720, 8_677}, new double[] {42.04e6, 44.78e6, 37.05e6});

        assertEquals("0.00023x [0.00023-0.00024]", Formats.ratio(small));
        assertEquals("0.0002342", Formats.plain(2.3418e-4), "four significant digits, not 0.0002");
        assertEquals("0.1752", Formats.plain(0.17523));
        assertEquals("5.8091", Formats.plain(5.80912));
        assertEquals("44780000.1234", Formats.plain(44_780_000.12341));
        assertNull(Formats.plain(Double.NaN));
    }

    @Test
    void contenderFasterThanTheCeilingMakesTheMeasurementInvalidAndExitsNonZero() {
        CompareCommand command = new CompareCommand();
        command.contenderSource = names -> {
            List<Contender> contenders = new ArrayList<>(Contenders.of(List.of()));
            contenders.add(0, new SkippingContender());
            return contenders;
        };

        Run run = compare(command, "--quick", "--duration", "40ms", "--trials", "1", "--sizes", "16", "--format", "json");

        assertEquals(CompareCommand.INVALID_MEASUREMENT, run.status(), run.err());
        assertTrue(run.err().contains("INVALID MEASUREMENT: too good to be true at 16 B streamed"), run.err());
        assertTrue(run.err().contains("faster than the ceiling"), run.err());
        assertTrue(run.err().contains("faster than the floor"), run.err());
        assertFalse(run.out().contains("results"), run.out());
    }

    @Test
    void jsonFileIsWrittenBesideTheTable(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("run.json");
        Run run = compare(new CompareCommand(), "--quick", "--messages", "40", "--trials", "1", "--sizes", "16",
                "--framings", "length,websocket", "--no-netty", "--json", json.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("websocket"), "the table is printed: " + run.out());
        assertTrue(run.err().contains("compare: JSON written to " + json), run.err());
        List<Map<String, String>> rows = rows(java.nio.file.Files.readString(json));
        assertEquals("22.0000", row(rows, "websocket", "16").get("wireBytesPerMessage"));
        assertTrue(number(row(rows, "length", "16"), "throughputVsRaw") > 0);
    }

    @Test
    void usersOwnFramerFromAJarRunsBesideTheOthersAndIsVerified(@TempDir Path dir) throws Exception {
        Path jar = UserFramerJar.build(dir);
        List<String> args = new ArrayList<>(UserFramerJar.args(jar));
        args.addAll(List.of("--quick", "--messages", "40", "--trials", "1", "--sizes", "16,1k", "--framings", "length",
                "--no-netty", "--format", "json"));

        Run run = compare(new CompareCommand(), args.toArray(String[]::new));

        assertEquals(0, run.status(), run.err());
        for (String size : List.of("16", "1024")) {
            Map<String, String> mine = row(rows(run.out()), "ShortLengthFramer", size);
            assertEquals("\"user\"", mine.get("kind"));
            assertEquals(String.format(java.util.Locale.ROOT, "%.4f", Integer.parseInt(size) + 2.0),
                    mine.get("wireBytesPerMessage"));
            assertTrue(Long.parseLong(mine.get("verifiedMessages")) >= 80, mine.toString());
            assertTrue(number(mine, "messagesPerSecond") > 0);
        }
    }

    @Test
    void frameJarWithoutAFramerClassIsAUsageError(@TempDir Path dir) throws Exception {
        Path jar = UserFramerJar.build(dir);

        Run missing = compare(new CompareCommand(), "--framer-jar", jar.toString(), "--quick");
        Run wrong = compare(new CompareCommand(), "--framer-jar", jar.toString(), "--framer", "com.example.Nope", "--quick");

        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("--framer-jar and --framer go together"), missing.err());
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().contains("com.example.Nope: no such class"), wrong.err());
    }

    @Test
    void aFramingThatCannotCarryASizeHasNoRowThereAndTheOthersStillDo() {
        Run run = compare(new CompareCommand(), "--quick", "--messages", "20", "--trials", "1", "--sizes", "16,64k",
                "--framings", "length,length:u16", "--no-netty", "--format", "json");

        assertEquals(0, run.status(), run.err());
        List<Map<String, String>> rows = rows(run.out());
        row(rows, "length:u16", "16");
        row(rows, "length", "65536");
        assertTrue(rows.stream().noneMatch(r -> "\"length:u16\"".equals(r.get("framing")) && "65536".equals(r.get("sizeBytes"))),
                "a 2-byte length field cannot declare 64 KiB");
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String name, String size) {
        return rows.stream().filter(r -> ("\"" + name + "\"").equals(r.get("framing")) && size.equals(r.get("sizeBytes")))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + name + " at " + size));
    }

    private static double number(Map<String, String> row, String field) {
        String value = row.get(field);
        if (value == null || value.equals("null")) {
            throw new AssertionError(field + " is " + value + " in " + row);
        }
        return Double.parseDouble(value);
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
}

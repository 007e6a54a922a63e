package dev.framekit.demos.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.compare.measure.Contenders;
import dev.framekit.demos.compare.measure.Figure;
import dev.framekit.demos.compare.measure.Qualities;
import dev.framekit.demos.compare.measure.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** compare's default report, rendered from results made here: it fits 120 columns and says what it measured. */
class SummaryRendererTest {
    private static final Environment BUSY = new Environment("OpenJDK 64-Bit Server VM 25.0.3+9-LTS",
            "Linux 6.18.0-firecracker-generic amd64", 2, "AMD EPYC 9R14 96-Core Processor with a long model name",
            4.2, "2026-12-07", "one CPU (cpu 1 of 0-1)");
    private static final Environment QUIET = new Environment("OpenJDK 25", "Linux", 2, "AMD EPYC", 0.4, "2026-12-07",
            "one CPU (cpu 1 of 0-1)");

    /** A figure of {@code median} whose middle half of rounds spans {@code median} ± {@code halfSpread}. */
    private static Figure figure(double median, double halfSpread) {
        return new Figure(median, median - halfSpread, median + halfSpread, median - 2 * halfSpread, median + 2 * halfSpread);
    }

    private static Result row(String name, Result.Kind kind, int size, double rate, Figure vsClassic, Figure vsNetty,
            double connectionsPer1000) {
        Figure f = figure(rate, rate / 20);
        return new Result(name, kind, size, f, figure(rate * size / 1e6, 0.1), figure(rate / 30_000_000.0, 0.001),
                vsClassic.isNone() ? null : Contenders.DATA_STREAM, vsClassic, vsNetty.isNone() ? null : "netty LengthField",
                vsNetty, figure(123.4, 5), 456.7, 789.1, figure(1.2, 0.1), Figure.NONE, figure(900, 30),
                figure(3.1, 0.2), f, f, figure(48, 2), size + 4.0, 400.0 / size, connectionsPer1000, 1700, 45_000,
                new Qualities(true, true, "1 MiB", "over the maximum"));
    }

    private static List<Result> sample() {
        List<Result> results = new ArrayList<>();
        for (int size : List.of(16, 1024, 65536)) {
            results.add(row(Contenders.RAW, Result.Kind.BASELINE, size, 29_876_543, Figure.NONE, Figure.NONE, 0));
            results.add(row(Contenders.DATA_STREAM, Result.Kind.BASELINE, size, 12_345_678, Figure.NONE, Figure.NONE, 0));
            results.add(row(Contenders.READ_LINE, Result.Kind.BASELINE, size, 9_345_678, Figure.NONE, Figure.NONE, 0));
            results.add(row("length", Result.Kind.FRAMEKIT, size, 16_049_381, figure(1.30, 0.05), figure(1.1, 0.3), 0));
            results.add(row("fixed", Result.Kind.FRAMEKIT, size, 11_049_381, figure(0.80, 0.04), Figure.NONE, 0));
            results.add(row("delimiter", Result.Kind.FRAMEKIT, size, 12_349_381, figure(1.01, 0.05), Figure.NONE, 0));
            results.add(row("length:ascii:5", Result.Kind.FRAMEKIT, size, 10_049_381, Figure.NONE, figure(0.5, 0.05), 0));
            results.add(row("close", Result.Kind.FRAMEKIT, size, 6_543, Figure.NONE, Figure.NONE, 1000));
            results.add(row("netty DelimiterBased", Result.Kind.NETTY, size, 8_049_381, figure(0.7, 0.1), Figure.NONE, 0));
        }
        return results;
    }

    @Test
    void everyLineFitsA120ColumnTerminal() {
        String report = SummaryRenderer.render(sample(), BUSY);
        for (String line : report.split("\n")) {
            assertTrue(line.length() <= 120, line.length() + " columns: " + line);
        }
        assertTrue(report.lines().filter(l -> l.startsWith("  length  ")).count() == 3, "one row a size:\n" + report);
    }

    @Test
    void leadsWithTheRatiosToRawAndToTheClassicWayAndTheP50PerSize() {
        String report = SummaryRenderer.render(sample(), QUIET);
        for (String size : List.of("16 B messages:", "1 KiB messages:", "64 KiB messages:")) {
            assertTrue(report.contains("\n" + size + "\n"), size + "\n" + report);
        }
        String header = report.lines().filter(l -> l.startsWith("  framing")).findFirst().orElseThrow();
        assertTrue(Pattern.matches("  framing +msgs/s +vs raw +vs classic +p50 us +verdict", header), header);
        String length = report.lines().filter(l -> l.startsWith("  length  ")).findFirst().orElseThrow();
        assertTrue(Pattern.matches("  length +16,049,381 +0\\.53x +1\\.30x +123\\.4 +1\\.3x faster than the classic way", length),
                length);
    }

    @Test
    void givesAVerdictInPlainWordsOnlyWhereTheSpreadAllowsOne() {
        List<String> lines = SummaryRenderer.render(sample(), QUIET).lines().toList();
        assertTrue(line(lines, "fixed").endsWith("1.3x slower than the classic way"), line(lines, "fixed"));
        assertTrue(line(lines, "delimiter").contains("~1.01x"), line(lines, "delimiter"));
        assertTrue(line(lines, "delimiter").endsWith("as fast as the classic way (within the spread)"), line(lines, "delimiter"));
        assertTrue(line(lines, "length:ascii:5").endsWith("2.0x slower than Netty's decoder"), line(lines, "length:ascii:5"));
        assertTrue(line(lines, "close").endsWith("a connection per message: far slower"), line(lines, "close"));
        assertTrue(line(lines, Contenders.RAW).endsWith("the ceiling: bytes with no framing"), line(lines, Contenders.RAW));
        assertTrue(line(lines, Contenders.DATA_STREAM).endsWith("the classic JDK way"));
    }

    @Test
    void notesABusyMachineAndNotAQuietOne() {
        String busy = SummaryRenderer.render(sample(), BUSY);
        assertTrue(busy.contains("note: the machine was busy (load average 4.20 on 2 CPUs)"), busy);
        assertFalse(SummaryRenderer.render(sample(), QUIET).contains("busy"));
        assertTrue(new TableRenderer(false).render(sample(), BUSY).contains("note: the machine was busy"), "and the wide table");
    }

    @Test
    void theLegendNamesEveryColumnAndWhereTheFullTableIs() {
        String summaryLegend = SummaryRenderer.legend();
        for (String column : List.of("msgs/s", "vs raw", "vs classic", "p50 us", "verdict")) {
            assertTrue(summaryLegend.contains(column + ": "), column);
        }
        assertTrue(summaryLegend.contains("--wide, or --format markdown|csv|json"), summaryLegend);
        Set<String> named = namedInLegend(TableRenderer.legend());
        for (String column : TableRenderer.columns()) {
            assertTrue(named.contains(column), "the full table's legend does not explain " + column + ": " + named);
        }
    }

    @Test
    void theWideTableKeepsEveryColumn() {
        String wide = new TableRenderer(false).render(sample(), QUIET);
        String header = wide.lines().filter(l -> l.startsWith("framing  ")).findFirst().orElseThrow();
        for (String column : List.of("spread", "p99.9 us", "CPU ns/msg", "alloc B/msg", "conn/1k msgs")) {
            assertTrue(header.contains(column), header);
        }
        assertTrue(header.length() > 120, "the wide table is wide: " + header.length());
    }

    /** The names a legend explains: "NAME: ..." or "NAME, NAME: ..." at a line's start or after "; ". */
    private static Set<String> namedInLegend(String legend) {
        return Pattern.compile("(?:^|\\n|; )([^:;\\n]+?): ").matcher(legend).results()
                .flatMap(m -> List.of(m.group(1).trim().split(", ")).stream()).collect(Collectors.toSet());
    }

    private static String line(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith("  " + name + "  ")).findFirst().orElseThrow(() -> new AssertionError(name));
    }
}

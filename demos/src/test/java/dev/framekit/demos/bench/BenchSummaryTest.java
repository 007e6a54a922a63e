package dev.framekit.demos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.bench.BenchSummary.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bench's summary after JMH's table, from results made here. */
class BenchSummaryTest {
    private static final List<Row> RESULTS = List.of(
            new Row("DecodeBenchmark", "framekit", "framing=length size=64", true, 20_000_000, 500_000, "ops/s"),
            new Row("DecodeBenchmark", "netty", "framing=length size=64", true, 10_000_000, 300_000, "ops/s"),
            new Row("DecodeBenchmark", "nettyDirect", "framing=length size=64", true, 16_000_000, 300_000, "ops/s"),
            new Row("DecodeBenchmark", "framekit", "framing=lines size=64", true, 9_000_000, 200_000, "ops/s"),
            new Row("DecodeBenchmark", "netty", "framing=lines size=64", true, 12_000_000, 13_000_000, "ops/s"),
            new Row("LengthPrefixBaselineBenchmark", "dataInputStreamDecode", "size=64", true, 8_000_000, 100_000, "ops/s"),
            new Row("LengthPrefixBaselineBenchmark", "framekitDecodeToArray", "size=64", true, 16_000_000, 100_000, "ops/s"),
            new Row("LengthPrefixBaselineBenchmark", "dataOutputStreamEncode", "size=64", true, 30_000_000, 100_000, "ops/s"),
            new Row("LengthPrefixBaselineBenchmark", "framekitEncode", "size=64", true, 15_000_000, 100_000, "ops/s"),
            new Row("TrickleBenchmark", "framekit", "mebibytes=2", false, 4.0, 0.1, "ms/op"),
            new Row("TrickleBenchmark", "netty", "mebibytes=2", false, 6.0, 0.1, "ms/op"),
            new Row("EncodeBenchmark", "framekit", "framing=fixed size=64", true, 50_000_000, Double.NaN, "ops/s"),
            new Row("ScanBenchmark", "framekitVector", "delimiter=\\n", true, 40.0, 2.0, "ops/ns"),
            new Row("ScanBenchmark", "nettyIndexOf", "delimiter=\\n", true, 8.0, 1.0, "ops/ns"));

    private static String line(String summary, String start, String params) {
        return summary.lines().filter(l -> l.startsWith("  " + start + " ") && l.contains(params)).findFirst()
                .orElseThrow(() -> new AssertionError(start + " " + params + "\n" + summary));
    }

    @Test
    void pairsTheDecoderWithNettysDecoderInItsPipelineAndCalledDirectly() {
        String summary = BenchSummary.render(RESULTS);
        List<String> length = summary.lines().filter(l -> l.startsWith("  DecodeBenchmark.framekit ") && l.contains("framing=length")).toList();

        assertEquals(2, length.size(), summary);
        assertTrue(length.get(0).matches(".*netty 10\\.00M ops/s +2\\.00x"), summary);
        assertTrue(length.get(1).matches(".*nettyDirect 16\\.00M ops/s +1\\.25x"), summary);
    }

    @Test
    void pairsTheByteScansWithNettysIndexOfInBytesPerNanosecond() {
        String summary = BenchSummary.render(RESULTS);

        assertTrue(line(summary, "ScanBenchmark.framekitVector", "delimiter=").matches(".*40\\.0 ops/ns +nettyIndexOf 8\\.00 ops/ns +5\\.00x"), summary);
        assertTrue(summary.contains("ScanBenchmark: one operation is one byte scanned, so ops/ns is GB/s."), summary);
    }

    @Test
    void pairsEachFramekitRowWithItsRivalAsASpeedRatio() {
        String summary = BenchSummary.render(RESULTS);
        assertTrue(line(summary, "DecodeBenchmark.framekit", "framing=length").matches(
                "  DecodeBenchmark\\.framekit +framing=length size=64 +20\\.00M ops/s +netty 10\\.00M ops/s +2\\.00x"), summary);
        assertTrue(line(summary, "DecodeBenchmark.framekit", "framing=lines").endsWith("0.75x"), summary);
        assertTrue(line(summary, "LengthPrefixBaselineBenchmark.framekitDecodeToArray", "size=64")
                .matches(".*dataInputStreamDecode 8\\.00M ops/s +2\\.00x"), "decode beside decode: " + summary);
        assertTrue(line(summary, "LengthPrefixBaselineBenchmark.framekitEncode", "size=64")
                .matches(".*dataOutputStreamEncode 30\\.00M ops/s +0\\.50x"), "encode beside encode: " + summary);
        assertTrue(line(summary, "TrickleBenchmark.framekit", "mebibytes=2").endsWith("1.50x"),
                "time per frame: 6 ms over 4 ms is 1.5x as fast: " + summary);
        assertTrue(line(summary, "EncodeBenchmark.framekit", "framing=fixed").contains("(no rival)"), summary);
    }

    @Test
    void saysWhatOneOperationIs() {
        assertTrue(BenchSummary.render(RESULTS).contains("One operation is one frame"));
    }

    @Test
    void flagsAResultWhoseErrorIsLargerThanItsScore() {
        String summary = BenchSummary.render(RESULTS);
        assertTrue(line(summary, "DecodeBenchmark.framekit", "framing=lines").contains("netty 12.00M ops/s !"), summary);
        List<String> flags = summary.lines().filter(l -> l.startsWith("  ! ")).toList();
        assertEquals(1, flags.size(), summary);
        assertTrue(flags.get(0).startsWith("  ! 1 result has an error larger than its score"), flags.get(0));
        assertTrue(flags.get(0).endsWith(": DecodeBenchmark.netty framing=lines size=64"), flags.get(0));
        assertFalse(line(summary, "DecodeBenchmark.framekit", "framing=length").contains("!"), summary);
    }
}

package dev.framekit.demos.compare.report;

import dev.framekit.demos.compare.measure.Qualities;
import dev.framekit.demos.compare.measure.Result;
import java.util.List;
import java.util.Locale;

/** One CSV row per contender and size, every figure and property, plain numbers (NaN left empty). */
public final class CsvRenderer {
    private CsvRenderer() {}

    public static final String HEADER = "framing,baseline,size_bytes,messages_per_second,megabytes_per_second,throughput_vs_raw,"
            + "classic_baseline,throughput_vs_classic,p50_us,p99_us,p50_vs_raw,wire_bytes_per_message,overhead_percent,"
            + "connections_per_1000,verified_messages,binary_safe,persistent,largest_message,cannot_carry";

    public static String render(List<Result> results) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Result r : results) {
            Qualities q = r.qualities();
            out.append(String.join(",", quote(r.name()), String.valueOf(r.baseline()), String.valueOf(r.size()),
                    number(r.messagesPerSecond()), number(r.megabytesPerSecond()), number(r.throughputVsRaw()),
                    quote(r.classic() == null ? "" : r.classic()), number(r.throughputVsClassic()),
                    number(r.p50Micros()), number(r.p99Micros()), number(r.p50VsRaw()),
                    number(r.wireBytesPerMessage()), number(r.overheadPercent()), number(r.connectionsPer1000()),
                    String.valueOf(r.verifiedMessages()), String.valueOf(q.binarySafe()), String.valueOf(q.persistent()),
                    quote(q.largestMessage()), quote(q.cannotCarry()))).append('\n');
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String text) {
        return text.matches("[A-Za-z0-9 ._-]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}

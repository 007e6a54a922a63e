package dev.framekit.demos.compare.report;

import dev.framekit.demos.compare.measure.Contenders;
import dev.framekit.demos.compare.measure.Figure;
import dev.framekit.demos.compare.measure.Result;
import dev.framekit.demos.compare.measure.Sizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * compare's default report, made to be read in a 120-column terminal: per message size, each
 * contender's throughput, its ratio to the raw pump and to the classic JDK way, its p50 round
 * trip and, where the spread of the rounds allows one, a verdict in plain words. The full table
 * is {@link TableRenderer} ({@code --wide}, or {@code --format markdown}).
 */
public final class SummaryRenderer {
    /** The widest line this report prints. */
    public static final int WIDTH = 120;

    private static final List<String> COLUMNS = List.of("framing", "msgs/s", "vs raw", "vs classic", "p50 us", "verdict");

    private SummaryRenderer() {}

    public static String render(List<Result> results, Environment environment) {
        StringBuilder out = new StringBuilder();
        out.append(wrap("framekit compare: " + environment.describe(), "  "));
        busyNote(environment).ifPresent(note -> out.append(wrap(note, "  ")));
        Map<Integer, List<Result>> bySize = new LinkedHashMap<>();
        results.forEach(r -> bySize.computeIfAbsent(r.size(), size -> new ArrayList<>()).add(r));
        for (Map.Entry<Integer, List<Result>> size : bySize.entrySet()) {
            out.append('\n').append(Sizes.format(size.getKey())).append(" messages:\n");
            List<List<String>> rows = new ArrayList<>();
            for (Result r : size.getValue()) {
                rows.add(List.of(r.name(), Formats.count(r.messagesPerSecond().median()), Formats.shortRatio(r.throughputVsRaw()),
                        Formats.shortRatio(r.throughputVsClassic()), Formats.decimal(r.p50Micros().median(), 1), verdict(r)));
            }
            table(out, rows);
        }
        out.append('\n').append(legend());
        return out.toString();
    }

    /**
     * A line saying that other programs shared the machine (the load average at the end over
     * the CPU count), or nothing on a quiet machine.
     */
    public static java.util.Optional<String> busyNote(Environment environment) {
        if (environment.loadAverage() <= environment.cpus()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT, "note: the machine was busy (load average %.2f on %d CPUs):"
                + " other programs took turns with the run, so msgs/s and latencies are lower than on a quiet machine;"
                + " the ratios, taken round by round, hold better.", environment.loadAverage(), environment.cpus()));
    }

    /** In plain words, what the row's figures say, as far as their spread allows. */
    static String verdict(Result r) {
        if (r.name().equals(Contenders.RAW)) {
            return "the ceiling: bytes with no framing";
        }
        if (r.baseline()) {
            return "the classic JDK way";
        }
        String against = comparison(r.throughputVsClassic(), "the classic way");
        if (against == null) {
            against = comparison(r.throughputVsNetty(), "Netty's decoder");
        }
        if (against != null) {
            return against;
        }
        if (r.connectionsPer1000() >= 1000) {
            return "a connection per message: far slower";
        }
        Figure raw = r.throughputVsRaw();
        return raw.isNone() ? "-" : Formats.shortRatio(raw).replace("~", "") + " the raw pump's rate";
    }

    private static String comparison(Figure ratio, String what) {
        if (ratio.isNone()) {
            return null;
        }
        if (!ratio.significant()) {
            return "as fast as " + what + " (within the spread)";
        }
        return String.format(Locale.ROOT, "%.1fx %s %s", ratio.median() >= 1 ? ratio.median() : 1 / ratio.median(),
                ratio.median() >= 1 ? "faster than" : "slower than", what);
    }

    static String legend() {
        StringBuilder out = new StringBuilder();
        for (String entry : List.of(
                "msgs/s: one-way streaming over loopback, pipelined; every message checked on arrival.",
                "vs raw: msgs/s / the raw unframed byte pump's (the ceiling).",
                "vs classic: msgs/s / DataInputStream.readInt+readFully (fixed, length) or BufferedReader.readLine (delimiter).",
                "p50 us: median ping-pong round trip in microseconds, one message in flight.",
                "verdict: the ratio to the classic way (else to Netty's decoder) in words; \"within the spread\" when the"
                        + " middle half of the rounds reaches across 1.00x, as a ~ in front of a ratio says.",
                "Figures are medians over interleaved rounds; ratios are taken round by round. The full table (spreads,"
                        + " p99, CPU and allocation per message, wire overhead, connections, properties):"
                        + " --wide, or --format markdown|csv|json.")) {
            out.append(wrap(entry, "    "));
        }
        return out.toString();
    }

    private static void table(StringBuilder out, List<List<String>> rows) {
        int[] widths = new int[COLUMNS.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = COLUMNS.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, COLUMNS, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < cells.size(); i++) {
            boolean left = i == 0 || i == cells.size() - 1;
            line.append(String.format(left ? "%-" + widths[i] + "s" : "%" + widths[i] + "s", cells.get(i))).append("  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** {@code text} broken at spaces into lines of at most {@link #WIDTH}, the later ones indented. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            } else if (line.length() > 0 && !line.toString().equals(indent)) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }
}

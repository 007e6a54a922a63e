package dev.framekit.demos.compare.report;

import dev.framekit.demos.compare.measure.Qualities;
import dev.framekit.demos.compare.measure.Result;
import dev.framekit.demos.compare.measure.Sizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human-readable report: the measured figures, one row per contender and size, then the
 * properties of each; as aligned plain text or as a Markdown table.
 */
public final class TableRenderer {
    private static final List<String> FIGURES = List.of("framing", "size", "msgs/s", "spread", "MB/s", "vs raw",
            "vs classic", "vs netty", "p50 us", "p99 us", "p99.9 us", "p50 vs raw", "p50 vs netty", "CPU ns/msg",
            "CPU vs raw", "alloc B/msg", "wire B/msg", "overhead", "conn/1k msgs");
    private static final List<String> PROPERTIES = List.of("framing", "binary-safe", "persistent", "largest message",
            "cannot carry");

    private final boolean markdown;

    public TableRenderer(boolean markdown) {
        this.markdown = markdown;
    }

    public String render(List<Result> results, Environment environment) {
        StringBuilder out = new StringBuilder();
        out.append(markdown ? "Measured on " : "framekit compare: ").append(environment.describe()).append('\n');
        SummaryRenderer.busyNote(environment).ifPresent(note -> out.append(markdown ? "\n" + note : note).append('\n'));
        out.append('\n');
        List<List<String>> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(List.of(r.name(), Sizes.format(r.size()), Formats.count(r.messagesPerSecond().median()),
                    Formats.spread(r.messagesPerSecond()), Formats.decimal(r.megabytesPerSecond().median(), 1),
                    Formats.ratio(r.throughputVsRaw()), Formats.ratio(r.throughputVsClassic()),
                    Formats.ratio(r.throughputVsNetty()), Formats.decimal(r.p50Micros().median(), 1),
                    Formats.decimal(r.p99Micros(), 1), Formats.decimal(r.p999Micros(), 1),
                    Formats.ratio(r.p50VsRaw()), Formats.ratio(r.p50VsNetty()),
                    Formats.decimal(r.cpuNanosPerMessage().median(), 0), Formats.ratio(r.cpuVsRaw()),
                    Formats.decimal(r.allocatedBytesPerMessage().median(), 0),
                    Formats.decimal(r.wireBytesPerMessage(), 1), Formats.percent(r.overheadPercent()),
                    Formats.decimal(r.connectionsPer1000(), 1)));
        }
        table(out, FIGURES, rows, 2);
        out.append('\n');
        Map<String, Result> lastByName = new LinkedHashMap<>();
        results.forEach(r -> lastByName.put(r.name(), r));
        List<List<String>> properties = new ArrayList<>();
        for (Result r : lastByName.values()) {
            Qualities q = r.qualities();
            properties.add(List.of(r.name(), Formats.yesNo(q.binarySafe()), Formats.yesNo(q.persistent()),
                    q.largestMessage(), q.cannotCarry()));
        }
        table(out, PROPERTIES, properties, PROPERTIES.size());
        out.append('\n').append(legend());
        return out.toString();
    }

    /** The column names of the figures' table and of the properties' table, in order. */
    public static List<String> columns() {
        List<String> columns = new ArrayList<>(FIGURES);
        columns.addAll(PROPERTIES.subList(1, PROPERTIES.size()));
        return columns;
    }

    public static String legend() {
        return """
                Rounds: every contender runs once per round (A B C ... A B C ...); each figure is the median
                over the rounds. Ratios are taken pair by pair within a round, then the median is shown with
                its spread [25th-75th percentile of the rounds]. ~ marks a ratio whose middle half of rounds
                reaches across 1.00x: not significant. (JSON and CSV also give the lowest and highest round.)
                framing: the contender (a framekit framer, a baseline or a Netty decoder); size: payload bytes per message.
                netty ... tuned: void promises, frames encoded into one pooled direct buffer per 64 KiB batch, one flush
                            per read on the echo, native epoll where it loads; naive: a new promise and a pipeline
                            encoder (or a separate line end) per message, NIO (--netty tuned|naive|both).
                msgs/s, MB/s: one-way streaming over loopback, pipelined, batched writes (payload MB, 10^6 bytes);
                spread: +/- half the interquartile range of the rounds' msgs/s, in percent of the median.
                vs raw: throughput / the raw unframed byte pump's (the ceiling); p50 vs raw: p50 / the raw ping-pong's (the floor).
                vs classic: throughput / DataInputStream.readInt+readFully (fixed, length)
                            or BufferedReader.readLine (delimiter); vs netty: / the matching tuned Netty row.
                p50 us, p99 us, p99.9 us: ping-pong round trip in microseconds, one message in flight, platform threads,
                            TCP_NODELAY both ends; p50 is the median of the rounds' p50s, p99 and p99.9 are over every
                            measured round trip of every round; p50 vs netty: p50 / the matching tuned Netty row's p50.
                CPU ns/msg: sender + receiver threads' CPU time per message streamed (ThreadMXBean);
                CPU vs raw: that cost / the raw pump's, per round (steadier than msgs/s on a busy machine);
                alloc B/msg: heap bytes those threads allocated per message streamed.
                wire B/msg: bytes on the wire per message, counted at the receiver; overhead: wire bytes over payload
                            bytes, minus one; conn/1k msgs: TCP connections opened per 1,000 messages.
                binary-safe: carries any bytes; persistent: many messages per connection; largest message: the
                            longest message by default; cannot carry: what the framer refuses to send.
                Every message was checked on arrival (count and CRC-32C).
                """;
    }

    private void table(StringBuilder out, List<String> header, List<List<String>> rows, int leftAligned) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, header, widths, leftAligned);
        if (markdown) {
            StringBuilder rule = new StringBuilder("|");
            for (int i = 0; i < widths.length; i++) {
                rule.append(i < leftAligned ? "-".repeat(widths[i] + 2) : "-".repeat(widths[i] + 1) + ":").append('|');
            }
            out.append(rule).append('\n');
        } else {
            List<String> dashes = new ArrayList<>();
            for (int w : widths) {
                dashes.add("-".repeat(w));
            }
            line(out, dashes, widths, leftAligned);
        }
        for (List<String> row : rows) {
            line(out, row, widths, leftAligned);
        }
    }

    private void line(StringBuilder out, List<String> cells, int[] widths, int leftAligned) {
        StringBuilder line = new StringBuilder(markdown ? "| " : "");
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String padded = i < leftAligned ? String.format("%-" + widths[i] + "s", cell)
                    : String.format("%" + widths[i] + "s", cell);
            line.append(padded).append(markdown ? " | " : "  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}

package dev.framekit.demos.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What bench prints after JMH's own table: each framekit row beside its rival measured in the
 * same run with the same parameters (Netty's decoder, DataInputStream, DataOutputStream, Netty's
 * LengthFieldPrepender) as a speed ratio, what one operation is, and which results are too noisy
 * to read (an error larger than the score: a busy machine).
 */
final class BenchSummary {
    /**
     * One JMH result.
     *
     * @param benchmark the class's simple name, e.g. DecodeBenchmark
     * @param method the benchmark method, e.g. framekit, netty, dataInputStreamDecode
     * @param params the parameters, e.g. framing=length size=64, in JMH's order
     * @param throughput true for ops/time (higher is better), false for time/op
     * @param score the score
     * @param error the 99.9% confidence half-width (NaN with too few iterations)
     * @param unit JMH's unit, e.g. ops/s or ms/op
     */
    record Row(String benchmark, String method, String params, boolean throughput, double score, double error, String unit) {
        boolean framekit() {
            return method.startsWith("framekit");
        }

        /** decode, encode, or "" where the class does one thing. */
        String work() {
            String m = method.toLowerCase(Locale.ROOT);
            return m.contains("decode") ? "decode" : m.contains("encode") || m.contains("prepender") ? "encode" : "";
        }

        boolean noisy() {
            return !Double.isNaN(error) && error > score;
        }

        String name() {
            return benchmark + "." + method + (params.isEmpty() ? "" : " " + params);
        }
    }

    private BenchSummary() {}

    static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder("\nframekit summary: each framekit result beside its rival from this run, same"
                + " parameters.\n  One operation is one frame: ops/s is frames decoded or encoded a second (higher is"
                + " better);\n  ms/op is the time for one frame (lower is better).\n  The ratio is framekit's speed over the"
                + " rival's: above 1.00x framekit is faster.\n  ScanBenchmark: one operation is one byte"
                + " scanned, so ops/ns is GB/s.\n");
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(row.benchmark() + " " + row.params(), k -> new ArrayList<>()).add(row);
        }
        List<List<String>> table = new ArrayList<>();
        for (List<Row> group : groups.values()) {
            for (Row mine : group.stream().filter(Row::framekit).toList()) {
                List<Row> rivals = group.stream().filter(r -> !r.framekit() && r.work().equals(mine.work())).toList();
                if (rivals.isEmpty()) {
                    table.add(List.of(mine.benchmark() + "." + mine.method(), mine.params(), score(mine), "(no rival)", ""));
                }
                for (Row rival : rivals) {
                    double speed = mine.throughput() ? mine.score() / rival.score() : rival.score() / mine.score();
                    table.add(List.of(mine.benchmark() + "." + mine.method(), mine.params(), score(mine),
                            rival.method() + " " + score(rival), String.format(Locale.ROOT, "%.2fx", speed)));
                }
            }
        }
        if (table.isEmpty()) {
            out.append("  (no framekit result in this run)\n");
        } else {
            align(out, List.of("framekit", "parameters", "score", "rival", "framekit/rival"), table);
        }
        List<Row> noisy = rows.stream().filter(Row::noisy).toList();
        if (!noisy.isEmpty()) {
            out.append("  ! ").append(noisy.size()).append(noisy.size() == 1 ? " result has" : " results have")
                    .append(" an error larger than its score, so it says little (the machine was busy; rerun on a quiet"
                            + " machine, or with more iterations, -i 10): ")
                    .append(noisy.stream().map(Row::name).collect(Collectors.joining(", "))).append('\n');
        }
        return out.toString();
    }

    /** The score in its unit, compact: 12.3M ops/s, 1.23 ms/op; marked ! when its error is larger. */
    static String score(Row row) {
        double s = row.score();
        String number = s >= 1e9 ? String.format(Locale.ROOT, "%.2fG", s / 1e9)
                : s >= 1e6 ? String.format(Locale.ROOT, "%.2fM", s / 1e6)
                : s >= 1e4 ? String.format(Locale.ROOT, "%.1fk", s / 1e3)
                : s >= 100 ? String.format(Locale.ROOT, "%.0f", s)
                : String.format(Locale.ROOT, "%.3g", s);
        return number + " " + row.unit() + (row.noisy() ? " !" : "");
    }

    private static void align(StringBuilder out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                boolean right = i == 2 || i == 4;
                line.append(String.format((right ? "%" : "%-") + widths[i] + "s", row.get(i))).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}

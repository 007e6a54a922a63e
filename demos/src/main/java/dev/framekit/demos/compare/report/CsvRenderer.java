package dev.framekit.demos.compare.report;

import dev.framekit.demos.compare.measure.Result;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One CSV row per contender and size, every figure and property, plain numbers (NaN and null left
 * empty). Columns are the {@link Fields} names in snake case, e.g. {@code throughput_vs_raw_low}.
 */
public final class CsvRenderer {
    private CsvRenderer() {}

    public static String render(List<Result> results) {
        StringBuilder out = new StringBuilder();
        if (results.isEmpty()) {
            return out.toString();
        }
        out.append(Fields.of(results.get(0)).stream().map(f -> snake(f.name())).collect(Collectors.joining(",")))
                .append('\n');
        for (Result r : results) {
            out.append(Fields.of(r).stream().map(f -> cell(f.value())).collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            String plain = Formats.plain(d);
            return plain == null ? "" : plain;
        }
        if (value instanceof String text) {
            return text.matches("[A-Za-z0-9 ._-]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
        }
        return String.valueOf(value);
    }

    /** {@code throughputVsRawLow} as {@code throughput_vs_raw_low}; {@code p999Micros} as {@code p999_micros}. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}

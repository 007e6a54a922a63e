package dev.framekit.demos.compare.report;

import dev.framekit.demos.compare.measure.Result;
import dev.framekit.demos.compare.measure.Settings;
import dev.framekit.demos.console.JsonText;
import java.util.List;

/**
 * The report as JSON, for scripts and the test suite: the environment, the settings, the
 * verification verdict, and one flat object per contender and size. A ratio that does not apply
 * is {@code null}.
 */
public final class JsonRenderer {
    private JsonRenderer() {}

    /**
     * The report; {@code unchecked} names what was too short for the ceiling and floor check, and
     * {@code warmupRounds} how many warm-up rounds each size took.
     */
    public static String render(List<Result> results, Environment environment, Settings settings, List<String> unchecked,
            java.util.Map<Integer, Integer> warmupRounds) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"tool\": \"framekit compare\",\n");
        out.append("  \"environment\": {\"jdk\": ").append(JsonText.quote(environment.jdk()))
                .append(", \"os\": ").append(JsonText.quote(environment.os()))
                .append(", \"cpus\": ").append(environment.cpus())
                .append(", \"cpu\": ").append(JsonText.quote(environment.cpu()))
                .append(", \"loadAverage\": ").append(number(environment.loadAverage()))
                .append(", \"date\": ").append(JsonText.quote(environment.date()))
                .append(", \"ranOn\": ").append(JsonText.quote(environment.ranOn())).append("},\n");
        out.append("  \"settings\": {\"sizes\": ").append(settings.sizes())
                .append(", \"messagesPerTrial\": ").append(settings.messages() == null ? "null" : settings.messages())
                .append(", \"trialSeconds\": ").append(settings.messages() == null ? number(settings.duration().toMillis() / 1000.0) : "null")
                .append(", \"largeTrialSeconds\": ").append(settings.messages() == null ? number(settings.largeDuration().toMillis() / 1000.0) : "null")
                .append(", \"roundTripsPerTrial\": ").append(settings.roundTrips())
                .append(", \"rounds\": ").append(settings.trials())
                .append(", \"trials\": ").append(settings.trials())
                .append(", \"warmups\": ").append(settings.warmups())
                .append(", \"maxWarmups\": ").append(settings.maxWarmups())
                .append(", \"oneCpu\": ").append(settings.oneCpu())
                .append(", \"keepAwakeThreads\": ").append(settings.keepAwakeThreads()).append("},\n");
        out.append("  \"verification\": \"passed\",\n");
        out.append("  \"ceilingAndFloorCheck\": ").append(unchecked.isEmpty() ? "\"passed\""
                : JsonText.quote("passed; too short to check: " + String.join(", ", unchecked))).append(",\n");
        out.append("  \"warmupRounds\": {").append(warmupRounds.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")))
                .append("},\n");
        out.append("  \"results\": [\n");
        for (int i = 0; i < results.size(); i++) {
            StringBuilder row = new StringBuilder("    {");
            List<Fields.Field> fields = Fields.of(results.get(i));
            for (int f = 0; f < fields.size(); f++) {
                row.append(f == 0 ? "" : ", ").append('"').append(fields.get(f).name()).append("\": ")
                        .append(value(fields.get(f).value()));
            }
            out.append(row).append('}').append(i + 1 < results.size() ? "," : "").append('\n');
        }
        out.append("  ]\n}\n");
        return out.toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof String text) {
            return JsonText.quote(text);
        }
        return String.valueOf(value);
    }

    private static String number(double value) {
        String plain = Formats.plain(value);
        return plain == null ? "null" : plain;
    }
}

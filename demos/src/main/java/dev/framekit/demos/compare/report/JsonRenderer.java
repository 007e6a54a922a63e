package dev.framekit.demos.compare.report;

import dev.framekit.demos.compare.measure.Qualities;
import dev.framekit.demos.compare.measure.Result;
import dev.framekit.demos.compare.measure.Settings;
import java.util.List;
import java.util.Locale;

/**
 * The report as JSON, for scripts and the test suite: the environment, the settings, the
 * verification verdict, and one flat object per contender and size. A ratio that does not apply
 * is {@code null}.
 */
public final class JsonRenderer {
    private JsonRenderer() {}

    public static String render(List<Result> results, Environment environment, Settings settings) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"tool\": \"framekit compare\",\n");
        out.append("  \"environment\": {\"jdk\": ").append(string(environment.jdk()))
                .append(", \"os\": ").append(string(environment.os()))
                .append(", \"cpus\": ").append(environment.cpus())
                .append(", \"cpu\": ").append(string(environment.cpu()))
                .append(", \"date\": ").append(string(environment.date())).append("},\n");
        out.append("  \"settings\": {\"sizes\": ").append(settings.sizes())
                .append(", \"messagesPerTrial\": ").append(settings.messages() == null ? "null" : settings.messages())
                .append(", \"trialSeconds\": ").append(settings.messages() == null ? number(settings.duration().toMillis() / 1000.0) : "null")
                .append(", \"trials\": ").append(settings.trials())
                .append(", \"warmups\": ").append(settings.warmups()).append("},\n");
        out.append("  \"verification\": \"passed\",\n");
        out.append("  \"results\": [\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            Qualities q = r.qualities();
            out.append("    {\"framing\": ").append(string(r.name()))
                    .append(", \"baseline\": ").append(r.baseline())
                    .append(", \"sizeBytes\": ").append(r.size())
                    .append(", \"messagesPerSecond\": ").append(number(r.messagesPerSecond()))
                    .append(", \"megabytesPerSecond\": ").append(number(r.megabytesPerSecond()))
                    .append(", \"throughputVsRaw\": ").append(number(r.throughputVsRaw()))
                    .append(", \"classicBaseline\": ").append(r.classic() == null ? "null" : string(r.classic()))
                    .append(", \"throughputVsClassic\": ").append(number(r.throughputVsClassic()))
                    .append(", \"p50Micros\": ").append(number(r.p50Micros()))
                    .append(", \"p99Micros\": ").append(number(r.p99Micros()))
                    .append(", \"p50VsRaw\": ").append(number(r.p50VsRaw()))
                    .append(", \"wireBytesPerMessage\": ").append(number(r.wireBytesPerMessage()))
                    .append(", \"overheadPercent\": ").append(number(r.overheadPercent()))
                    .append(", \"connectionsPer1000\": ").append(number(r.connectionsPer1000()))
                    .append(", \"verifiedMessages\": ").append(r.verifiedMessages())
                    .append(", \"binarySafe\": ").append(q.binarySafe())
                    .append(", \"persistent\": ").append(q.persistent())
                    .append(", \"largestMessage\": ").append(string(q.largestMessage()))
                    .append(", \"cannotCarry\": ").append(string(q.cannotCarry()))
                    .append('}').append(i + 1 < results.size() ? "," : "").append('\n');
        }
        out.append("  ]\n}\n");
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
    }

    public static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

package dev.framekit.demos.compare.report;

import dev.framekit.demos.compare.measure.Figure;
import dev.framekit.demos.compare.measure.Qualities;
import dev.framekit.demos.compare.measure.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * One result as named fields, in one order, for the flat formats (CSV and JSON): a figure measured
 * per round becomes four fields, {@code x}, {@code xLow}, {@code xHigh} and, for a ratio,
 * {@code xSignificant}. One list, so the two formats cannot drift apart.
 */
final class Fields {
    /** One field: a name and a value (a Double, Long, Boolean, String or null). */
    record Field(String name, Object value) {}

    private Fields() {}

    static List<Field> of(Result r) {
        List<Field> fields = new ArrayList<>();
        Qualities q = r.qualities();
        fields.add(new Field("framing", r.name()));
        fields.add(new Field("kind", r.kind().label()));
        fields.add(new Field("baseline", r.baseline()));
        fields.add(new Field("sizeBytes", (long) r.size()));
        figure(fields, "messagesPerSecond", r.messagesPerSecond(), false);
        figure(fields, "megabytesPerSecond", r.megabytesPerSecond(), false);
        figure(fields, "throughputVsRaw", r.throughputVsRaw(), true);
        fields.add(new Field("classicBaseline", r.classic()));
        figure(fields, "throughputVsClassic", r.throughputVsClassic(), true);
        fields.add(new Field("nettyMatch", r.netty()));
        figure(fields, "throughputVsNetty", r.throughputVsNetty(), true);
        figure(fields, "p50Micros", r.p50Micros(), false);
        fields.add(new Field("p99Micros", r.p99Micros()));
        fields.add(new Field("p999Micros", r.p999Micros()));
        figure(fields, "p50VsRaw", r.p50VsRaw(), true);
        figure(fields, "p50VsNetty", r.p50VsNetty(), true);
        figure(fields, "cpuNanosPerMessage", r.cpuNanosPerMessage(), false);
        figure(fields, "cpuVsRaw", r.cpuVsRaw(), true);
        figure(fields, "senderCpuNanosPerMessage", r.senderCpuNanosPerMessage(), false);
        figure(fields, "receiverCpuNanosPerMessage", r.receiverCpuNanosPerMessage(), false);
        figure(fields, "allocatedBytesPerMessage", r.allocatedBytesPerMessage(), false);
        fields.add(new Field("wireBytesPerMessage", r.wireBytesPerMessage()));
        fields.add(new Field("overheadPercent", r.overheadPercent()));
        fields.add(new Field("connectionsPer1000", r.connectionsPer1000()));
        fields.add(new Field("roundTrips", r.roundTrips()));
        fields.add(new Field("verifiedMessages", r.verifiedMessages()));
        fields.add(new Field("binarySafe", q.binarySafe()));
        fields.add(new Field("persistent", q.persistent()));
        fields.add(new Field("largestMessage", q.largestMessage()));
        fields.add(new Field("cannotCarry", q.cannotCarry()));
        return fields;
    }

    private static void figure(List<Field> fields, String name, Figure figure, boolean ratio) {
        fields.add(new Field(name, figure.median()));
        fields.add(new Field(name + "Low", figure.low()));
        fields.add(new Field(name + "High", figure.high()));
        fields.add(new Field(name + "Lowest", figure.lowest()));
        fields.add(new Field(name + "Highest", figure.highest()));
        if (ratio) {
            fields.add(new Field(name + "Significant", figure.isNone() ? null : figure.significant()));
        }
    }
}

package dev.framekit.demos.compare;

import dev.framekit.demos.compare.measure.Budget;
import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.Contenders;
import dev.framekit.demos.compare.measure.LatencyRun;
import dev.framekit.demos.compare.measure.Result;
import dev.framekit.demos.compare.measure.SendAndCloseContender;
import dev.framekit.demos.compare.measure.Settings;
import dev.framekit.demos.compare.measure.Sizes;
import dev.framekit.demos.compare.measure.StreamRun;
import dev.framekit.demos.compare.measure.Tally;
import dev.framekit.demos.compare.measure.VerificationException;
import dev.framekit.demos.compare.measure.Workload;
import dev.framekit.demos.console.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the workload through every contender at every size: warm-up runs first, then trials in
 * rounds (every contender once per round, so slow drift in a noisy machine hits all of them
 * alike), streaming then ping-pong. Every run is verified as it finishes; the first mismatch
 * throws {@link VerificationException} and nothing is reported.
 */
final class Comparison {
    private final Settings settings;
    private final List<Contender> contenders;

    Comparison(Settings settings, List<Contender> contenders) {
        this.settings = settings;
        this.contenders = List.copyOf(contenders);
    }

    /** Steps the progress bar takes: one per run. */
    int steps() {
        return settings.sizes().size() * contenders.size() * (settings.warmups() + settings.trials()) * 2;
    }

    List<Result> run(Progress progress) throws Exception {
        List<Result> results = new ArrayList<>();
        for (int size : settings.sizes()) {
            results.addAll(runSize(new Workload(size), progress));
        }
        return results;
    }

    private List<Result> runSize(Workload workload, Progress progress) throws Exception {
        Map<Contender, List<StreamRun>> streams = new LinkedHashMap<>();
        Map<Contender, List<LatencyRun>> latencies = new LinkedHashMap<>();
        Map<Contender, Long> verified = new LinkedHashMap<>();
        for (Contender c : contenders) {
            streams.put(c, new ArrayList<>());
            latencies.put(c, new ArrayList<>());
            verified.put(c, 0L);
        }
        String at = Sizes.format(workload.size());
        for (int round = 0; round < settings.warmups() + settings.trials(); round++) {
            boolean warmup = round < settings.warmups();
            for (Contender c : contenders) {
                progress.step(c.name() + " " + at + " streaming" + (warmup ? " (warm-up)" : ""));
                StreamRun stream = c.stream(workload, budgetFor(c));
                verify(c, workload, "streaming", stream.sent(), stream.received());
                verified.merge(c, stream.sent(), Long::sum);
                if (!warmup) {
                    streams.get(c).add(stream);
                }
            }
            for (Contender c : contenders) {
                progress.step(c.name() + " " + at + " ping-pong" + (warmup ? " (warm-up)" : ""));
                LatencyRun latency = c.pingPong(workload, settings.roundTripsFor(c));
                verify(c, workload, "ping-pong", latency.roundTrips().length, latency.echoed());
                verified.merge(c, (long) latency.roundTrips().length, Long::sum);
                if (!warmup) {
                    latencies.get(c).add(latency);
                }
            }
        }
        return rows(workload.size(), streams, latencies, verified);
    }

    private Budget budgetFor(Contender c) {
        Budget budget = settings.budget();
        return c instanceof SendAndCloseContender ? budget.capped(settings.closeCap()) : budget;
    }

    private static void verify(Contender c, Workload workload, String phase, long sent, Tally received) {
        Tally.Mode mode = phase.equals("ping-pong") ? Tally.Mode.MESSAGES : c.tallyMode();
        VerificationException.check(c.name() + ", " + Sizes.format(workload.size()) + " messages, " + phase,
                workload.expected(sent, mode), received);
    }

    private List<Result> rows(int size, Map<Contender, List<StreamRun>> streams,
            Map<Contender, List<LatencyRun>> latencies, Map<Contender, Long> verified) {
        Map<String, Double> throughput = new LinkedHashMap<>();
        Map<String, Double> p50 = new LinkedHashMap<>();
        for (Contender c : contenders) {
            throughput.put(c.name(), Medians.of(streams.get(c), StreamRun::messagesPerSecond));
            p50.put(c.name(), Medians.of(latencies.get(c), l -> l.percentileMicros(0.50)));
        }
        double rawThroughput = throughput.getOrDefault(Contenders.RAW, Double.NaN);
        double rawP50 = p50.getOrDefault(Contenders.RAW, Double.NaN);
        List<Result> rows = new ArrayList<>();
        for (Contender c : contenders) {
            List<StreamRun> runs = streams.get(c);
            double messagesPerSecond = throughput.get(c.name());
            double wirePerMessage = Medians.of(runs, r -> (double) r.wireBytes() / r.sent());
            double connectionsPer1000 = Medians.of(runs, r -> 1000.0 * r.connections() / r.sent());
            String classic = c.baseline() ? null : Contenders.classicFor(c.name());
            double classicThroughput = classic == null ? Double.NaN : throughput.getOrDefault(classic, Double.NaN);
            rows.add(new Result(c.name(), c.baseline(), size, messagesPerSecond, messagesPerSecond * size / 1e6,
                    c.name().equals(Contenders.RAW) ? Double.NaN : Medians.ratio(messagesPerSecond, rawThroughput),
                    classic, Medians.ratio(messagesPerSecond, classicThroughput),
                    p50.get(c.name()), Medians.of(latencies.get(c), l -> l.percentileMicros(0.99)),
                    c.name().equals(Contenders.RAW) ? Double.NaN : Medians.ratio(p50.get(c.name()), rawP50),
                    wirePerMessage, 100.0 * (wirePerMessage - size) / size, connectionsPer1000,
                    verified.get(c), c.qualities(size)));
        }
        return rows;
    }
}

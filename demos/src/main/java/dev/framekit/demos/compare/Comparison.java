package dev.framekit.demos.compare;

import dev.framekit.demos.compare.measure.Budget;
import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.Contenders;
import dev.framekit.demos.compare.measure.Cost;
import dev.framekit.demos.compare.measure.Figure;
import dev.framekit.demos.compare.measure.KeepAwake;
import dev.framekit.demos.compare.measure.LatencyRun;
import dev.framekit.demos.compare.measure.NettyFraming;
import dev.framekit.demos.compare.measure.OneCpu;
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
import org.HdrHistogram.Histogram;

/**
 * Runs the workload through every contender at every size in interleaved rounds, with the whole
 * process on one CPU unless asked otherwise ({@link OneCpu}): every
 * contender once per round (A B C ... A B C ...), streaming then ping-pong, warm-up rounds
 * first. Every ratio is taken pair by pair within a round, so drift on a busy machine hits both
 * sides of it alike, and reported as the median over the rounds with its spread (the
 * interquartile range: the middle half of the rounds). Every run is verified as it finishes; the first mismatch throws
 * {@link VerificationException} and nothing is reported.
 *
 * <p>The raw pump is the ceiling and the raw ping-pong the floor: a contender faster than the
 * ceiling (or than the floor) in every round, by more than {@link #MARGIN}, means the
 * measurement is wrong, and {@link #run} throws {@link InvalidMeasurementException}. Rounds too
 * short to measure anything (under {@link #CHECKED_STREAM_NANOS}, or fewer than
 * {@link #CHECKED_ROUND_TRIPS} round trips) are not checked; {@link #unchecked()} says which.
 */
final class Comparison {
    /** How far beyond the ceiling or floor every round must be before a measurement is called invalid. */
    static final double MARGIN = 1.10;
    /** Streaming rounds of the raw pump shorter than this are not checked against the ceiling. */
    static final long CHECKED_STREAM_NANOS = 10_000_000;
    /** Ping-pong rounds of the raw pump with fewer measured round trips are not checked against the floor. */
    static final long CHECKED_ROUND_TRIPS = 200;
    /**
     * Warm-up rounds go on past {@link Settings#warmups()}, up to {@link Settings#maxWarmups()},
     * while the JIT compiler spent more than this share of the last round's time compiling: on
     * one CPU it takes that time from the measured threads, and the first size's rounds would
     * measure the compiler.
     */
    static final double JIT_BUSY_SHARE = 0.05;
    /**
     * The least warm-up rounds at every size after the first (more follow while the JIT is busy,
     * up to half of {@link Settings#maxWarmups()}): the paths every size shares are compiled by then. A warm-up round's trials are half as long
     * as a measured round's (with a duration, not a message count): they are there to compile
     * code, not to be measured.
     */
    static final int LATER_SIZE_WARMUPS = 2;
    /**
     * A ping-pong trial's round trips are cut, once a contender's round trip time is known, to fit
     * in this many streaming trials' time, but never below {@link #FEWEST_ROUND_TRIPS}: a framing
     * whose round trip takes milliseconds (a 64 KiB message through a byte-stuffing or JSON
     * scan) would otherwise spend most of the run's time in ping-pong. Not with a message count.
     */
    static final int PING_PONG_TRIALS = 2;
    /** The fewest round trips a cut ping-pong trial keeps: enough for its median. */
    static final int FEWEST_ROUND_TRIPS = 50;

    private final Settings settings;
    private final List<Contender> contenders;
    private final OneCpu.Plan cpus;
    private final List<String> unchecked = new ArrayList<>();
    private final Map<Integer, Integer> warmupRounds = new LinkedHashMap<>();
    /** Each contender's last mean round trip at the size being run, in nanoseconds. */
    private final Map<Contender, Long> roundTripNanos = new java.util.HashMap<>();

    /** A comparison that runs on the CPUs {@code cpus} plans: one, or every one the process has. */
    Comparison(Settings settings, List<Contender> contenders, OneCpu.Plan cpus) {
        this.settings = settings;
        this.contenders = List.copyOf(contenders);
        this.cpus = cpus;
    }

    /** Steps the progress bar takes: one per run. */
    int steps() {
        int steps = 0;
        for (int i = 0; i < settings.sizes().size(); i++) {
            int size = settings.sizes().get(i);
            int runs = (int) contenders.stream().filter(c -> c.carries(size)).count();
            steps += runs * (minWarmups(i) + settings.trials()) * 2;
        }
        return steps;
    }

    /** The least warm-up rounds at the {@code index}th size. */
    private int minWarmups(int index) {
        return index == 0 ? settings.warmups() : Math.min(settings.warmups(), LATER_SIZE_WARMUPS);
    }

    /** The most warm-up rounds at the {@code index}th size: half as many after the first. */
    private int maxWarmups(int index) {
        return index == 0 ? settings.maxWarmups() : Math.max(minWarmups(index), settings.maxWarmups() / 2);
    }

    /** What was too short to check against the ceiling and floor, e.g. "16 B streaming". */
    List<String> unchecked() {
        return List.copyOf(unchecked);
    }

    List<Result> run(Progress progress) throws Exception {
        List<Result> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (OneCpu pinned = OneCpu.pin(cpus)) {
            for (int i = 0; i < settings.sizes().size(); i++) {
                int size = settings.sizes().get(i);
                Map<Contender, Rounds> rounds = runSize(new Workload(size), minWarmups(i), maxWarmups(i), progress);
                List<Result> rows = rows(size, rounds);
                problems.addAll(check(size, rounds, rows));
                results.addAll(rows);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMeasurementException(problems);
        }
        return results;
    }

    private Map<Contender, Rounds> runSize(Workload workload, int minWarmups, int maxWarmups, Progress progress) throws Exception {
        List<Contender> contenders = this.contenders.stream().filter(c -> c.carries(workload.size())).toList();
        Map<Contender, Rounds> rounds = new LinkedHashMap<>();
        contenders.forEach(c -> rounds.put(c, new Rounds()));
        JitClock jit = new JitClock();
        roundTripNanos.clear();
        int warmups = 0;
        for (int measured = 0; measured < settings.trials(); ) {
            boolean warmup = warmups < minWarmups
                    || (warmups < maxWarmups && jit.lastShare() > JIT_BUSY_SHARE);
            if (warmup && warmups >= minWarmups) {
                progress.extend(2L * contenders.size());
            }
            jit.start();
            round(workload, rounds, warmups + measured, warmup, progress);
            jit.stop();
            if (warmup) {
                warmups++;
            } else {
                measured++;
            }
        }
        warmupRounds.put(workload.size(), warmups);
        return rounds;
    }

    /**
     * One round: every contender of {@code rounds} streams, then every one ping-pongs; kept unless
     * it is a warm-up. The order of the contenders measured turns by one each round ({@link #order});
     * the baselines keep their places.
     */
    private void round(Workload workload, Map<Contender, Rounds> rounds, int turn, boolean warmup, Progress progress)
            throws Exception {
        String at = Sizes.format(workload.size());
        List<Contender> order = order(List.copyOf(rounds.keySet()), turn);
        for (Contender c : order) {
            progress.step(c.name() + " " + at + " streaming" + (warmup ? " (warm-up)" : ""));
            Cost before = Cost.ofCurrentThread();
            StreamRun stream = c.stream(workload, warmup ? budgetFor(c, workload.size()).halved() : budgetFor(c, workload.size()));
            stream = stream.withSenderCost(Cost.ofCurrentThread().since(before));
            verify(c, workload, "streaming", stream.sent(), stream.received());
            rounds.get(c).verified(stream.sent());
            if (!warmup) {
                rounds.get(c).add(stream);
            }
        }
        for (Contender c : order) {
            progress.step(c.name() + " " + at + " ping-pong" + (warmup ? " (warm-up)" : ""));
            LatencyRun latency;
            try (KeepAwake awake = new KeepAwake(settings.keepAwakeThreads())) {
                latency = c.pingPong(workload, roundTrips(c, workload.size(), warmup));
            }
            verify(c, workload, "ping-pong", latency.roundTrips().length, latency.echoed());
            long[] times = latency.roundTrips();
            if (times.length > 0) {
                roundTripNanos.put(c, java.util.Arrays.stream(times).sum() / times.length);
            }
            rounds.get(c).verified(latency.roundTrips().length);
            if (!warmup) {
                rounds.get(c).add(latency);
            }
        }
    }

    /**
     * The order of round {@code turn}: the contenders that are not baselines turn by one each
     * round, in the places they hold in {@code listed}; the baselines keep theirs. The first to
     * stream runs just after the last round's ping-pongs: listed first, fixed paid about 2 µs of
     * CPU per 64 KiB message for them while it always went first. A baseline never goes first
     * (the raw pump is listed after the framers), so a stall there cannot make its round's ceiling
     * low and every contender look faster than it.
     */
    static List<Contender> order(List<Contender> listed, int turn) {
        List<Contender> turning = new ArrayList<>(listed.stream().filter(c -> !c.baseline()).toList());
        if (!turning.isEmpty()) {
            java.util.Collections.rotate(turning, -(turn % turning.size()));
        }
        java.util.Iterator<Contender> next = turning.iterator();
        return listed.stream().map(c -> c.baseline() ? c : next.next()).toList();
    }

    /**
     * Round trips for {@code c}'s next ping-pong trial: the settings' number, cut to
     * {@link #PING_PONG_TRIALS} streaming trials' time once its round trip is known (at least
     * {@link #FEWEST_ROUND_TRIPS}), and halved in a warm-up round; exactly the settings' with a
     * message count.
     */
    private int roundTrips(Contender c, int size, boolean warmup) {
        int planned = settings.roundTripsFor(c, size);
        if (settings.messages() != null) {
            return planned;
        }
        Long nanos = roundTripNanos.get(c);
        if (nanos != null) {
            planned = cut(planned, nanos, settings.duration(size).toNanos());
        }
        return warmup ? (planned + 1) / 2 : planned;
    }

    /** {@code planned} round trips, cut to as many of {@code roundTripNanos} as fit in {@link #PING_PONG_TRIALS} trials. */
    static int cut(int planned, long roundTripNanos, long trialNanos) {
        long fits = roundTripNanos <= 0 ? planned : PING_PONG_TRIALS * trialNanos / roundTripNanos;
        return (int) Math.min(planned, Math.max(fits, FEWEST_ROUND_TRIPS));
    }

    /** Warm-up rounds at each size: the minimum, and more while the JIT was busy (see {@link #JIT_BUSY_SHARE}). */
    Map<Integer, Integer> warmupRounds() {
        return java.util.Collections.unmodifiableMap(warmupRounds);
    }

    private Budget budgetFor(Contender c, int size) {
        Budget budget = settings.budget(size);
        return c instanceof SendAndCloseContender ? budget.capped(settings.closeCap()) : budget;
    }

    private static void verify(Contender c, Workload workload, String phase, long sent, Tally received) {
        Tally.Mode mode = phase.equals("ping-pong") ? Tally.Mode.MESSAGES : c.tallyMode();
        VerificationException.check(c.name() + ", " + Sizes.format(workload.size()) + " messages, " + phase,
                workload.expected(sent, mode), received);
    }

    private List<Result> rows(int size, Map<Contender, Rounds> rounds) {
        Map<String, Rounds> byName = new LinkedHashMap<>();
        rounds.forEach((c, r) -> byName.put(c.name(), r));
        Rounds raw = byName.get(Contenders.RAW);
        List<Result> rows = new ArrayList<>();
        for (Contender c : rounds.keySet()) { // the contenders that carry this size (u16 has no 64 KiB row)
            Rounds mine = rounds.get(c);
            double[] throughput = mine.streaming(StreamRun::messagesPerSecond);
            double[] p50 = mine.pingPong(l -> l.percentileMicros(0.50));
            boolean isRaw = c.name().equals(Contenders.RAW);
            boolean framekit = c.kind() == Result.Kind.FRAMEKIT;
            String classic = framekit ? present(Contenders.classicFor(c.name()), byName) : null;
            String netty = framekit ? present(NettyFraming.matchFor(c.name()), byName) : null;
            Histogram all = mine.allRoundTrips();
            Figure messagesPerSecond = Figure.of(boxed(throughput));
            List<StreamRun> runs = mine.streams();
            double wirePerMessage = median(runs.stream().mapToDouble(r -> (double) r.wireBytes() / r.sent()).toArray());
            rows.add(new Result(c.name(), c.kind(), size, messagesPerSecond, messagesPerSecond.times(size / 1e6),
                    raw == null || isRaw ? Figure.NONE : ratio(throughput, raw.streaming(StreamRun::messagesPerSecond)),
                    classic, classic == null ? Figure.NONE
                            : ratio(throughput, byName.get(classic).streaming(StreamRun::messagesPerSecond)),
                    netty, netty == null ? Figure.NONE
                            : ratio(throughput, byName.get(netty).streaming(StreamRun::messagesPerSecond)),
                    Figure.of(boxed(p50)), LatencyRun.percentileMicros(all, 0.99), LatencyRun.percentileMicros(all, 0.999),
                    raw == null || isRaw ? Figure.NONE : ratio(p50, raw.pingPong(l -> l.percentileMicros(0.50))),
                    netty == null ? Figure.NONE : ratio(p50, byName.get(netty).pingPong(l -> l.percentileMicros(0.50))),
                    Figure.of(boxed(mine.streaming(StreamRun::cpuNanosPerMessage))),
                    raw == null || isRaw ? Figure.NONE
                            : ratio(mine.streaming(StreamRun::cpuNanosPerMessage), raw.streaming(StreamRun::cpuNanosPerMessage)),
                    Figure.of(boxed(mine.costPerMessage(StreamRun::sender, Cost::cpuNanos))),
                    Figure.of(boxed(mine.costPerMessage(StreamRun::receiver, Cost::cpuNanos))),
                    Figure.of(boxed(mine.streaming(StreamRun::allocatedBytesPerMessage))),
                    wirePerMessage, 100.0 * (wirePerMessage - size) / size,
                    median(runs.stream().mapToDouble(r -> 1000.0 * r.connections() / r.sent()).toArray()),
                    all.getTotalCount(), mine.verified(), c.qualities(size)));
        }
        return rows;
    }

    /** The ceiling and floor check at one size: what beat them in every round, beyond the margin. */
    private List<String> check(int size, Map<Contender, Rounds> rounds, List<Result> rows) {
        Rounds raw = rounds.entrySet().stream().filter(e -> e.getKey().name().equals(Contenders.RAW))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        List<String> problems = new ArrayList<>();
        if (raw == null) {
            return problems;
        }
        String at = Sizes.format(size);
        boolean streaming = raw.shortestStreamNanos() >= CHECKED_STREAM_NANOS;
        boolean pingPong = raw.fewestRoundTrips() >= CHECKED_ROUND_TRIPS;
        if (!streaming) {
            unchecked.add(at + " streaming");
        }
        if (!pingPong) {
            unchecked.add(at + " ping-pong");
        }
        for (Result r : rows) {
            if (streaming && r.throughputVsRaw().lowest() > MARGIN) {
                problems.add(String.format(java.util.Locale.ROOT,
                        "%s at %s streamed %.2fx the raw pump (every round above %.2fx): faster than the ceiling",
                        r.name(), at, r.throughputVsRaw().median(), r.throughputVsRaw().lowest()));
            }
            if (pingPong && r.p50VsRaw().highest() < 1 / MARGIN) {
                problems.add(String.format(java.util.Locale.ROOT,
                        "%s at %s had a round-trip p50 of %.2fx the raw ping-pong's (every round below %.2fx): faster than the floor",
                        r.name(), at, r.p50VsRaw().median(), r.p50VsRaw().highest()));
            }
        }
        return problems;
    }

    private static String present(String name, Map<String, Rounds> byName) {
        return name != null && byName.containsKey(name) ? name : null;
    }

    private static Figure ratio(double[] mine, double[] theirs) {
        return Figure.ratios(mine, theirs);
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static double median(double[] values) {
        return Figure.of(boxed(values)).median();
    }
}

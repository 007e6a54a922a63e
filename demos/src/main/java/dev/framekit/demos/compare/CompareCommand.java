package dev.framekit.demos.compare;

import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.Contenders;
import dev.framekit.demos.compare.measure.NettyContender;
import dev.framekit.demos.compare.measure.NettyStyle;
import dev.framekit.demos.compare.measure.OneCpu;
import dev.framekit.demos.compare.measure.Result;
import dev.framekit.demos.compare.measure.Settings;
import dev.framekit.demos.compare.measure.UserFramer;
import dev.framekit.demos.compare.measure.VerificationException;
import dev.framekit.demos.compare.report.ChartWriter;
import dev.framekit.demos.compare.report.CsvRenderer;
import dev.framekit.demos.compare.report.Environment;
import dev.framekit.demos.compare.report.HexdumpSample;
import dev.framekit.demos.compare.report.JsonRenderer;
import dev.framekit.demos.compare.report.SummaryRenderer;
import dev.framekit.demos.compare.report.TableRenderer;
import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.console.Progress;
import dev.framekit.demos.options.Durations;
import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code framekit compare}: the same workload through every framer over loopback, in one
 * process, side by side with the baselines measured in the same run.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "Compare every framer over loopback on one workload, side by side with classic baselines.",
            "It prints streaming throughput, ping-pong latency, CPU and allocation per message, wire",
            "overhead, connections and properties, with the raw byte pump, DataInputStream,",
            "BufferedReader.readLine and Netty's frame decoders over real Netty sockets (tuned and naive) as baselines.",
            "Contenders run in interleaved rounds;",
            "ratios are taken round by round and shown as the median and its spread (the middle half of the rounds).",
            "Every message is verified on arrival; a loss, duplicate or reorder fails the run (exit 1).",
            "A contender faster than the raw pump (or the raw ping-pong) in every round means the",
            "measurement is wrong: compare says so and exits 3."
        })
public final class CompareCommand implements Callable<Integer> {
    /** The output formats. */
    public enum Format { TABLE, MARKDOWN, CSV, JSON }

    /** Exit status when a contender beat the ceiling or floor: the measurement is not to be trusted. */
    public static final int INVALID_MEASUREMENT = 3;

    @Option(names = {"--framings", "--framing"}, split = ",", paramLabel = "NAME[,NAME...]",
            completionCandidates = Framing.Names.class,
            description = "Framers to compare, any of ${COMPLETION-CANDIDATES}, or length:SPEC for a --length-field"
                    + " (length:u16, length:u32le, length:varint, length:ascii:5, ...) (default: every framing but the"
                    + " protocol presets mqtt, grpc, zmtp, resp, nats, syslog and stomp, and those four length fields).")
    List<String> framings = Contenders.FRAMINGS;

    @Option(names = "--sizes", paramLabel = "SIZE[,SIZE...]", converter = SizeList.class,
            description = "Message sizes (default: 16,1k,64k).")
    List<Integer> sizes = List.of(16, 1024, 65536);

    @Option(names = "--messages", paramLabel = "N",
            description = "Messages per streaming trial (and at most this many round trips per ping-pong trial)"
                    + " instead of a duration.")
    Long messages;

    @Option(names = "--duration", paramLabel = "TIME", converter = Durations.Positive.class,
            description = "Length of each streaming trial, e.g. 500ms or 2s (default: " + Settings.FULL_TRIAL_MILLIS
                    + "ms; --quick: " + Settings.QUICK_TRIAL_MILLIS + "ms, " + Settings.QUICK_LARGE_TRIAL_MILLIS
                    + "ms from 1 KiB).")
    Duration duration;

    @Option(names = "--trials", paramLabel = "N",
            description = "Measured trials per figure; the median is reported (default: " + Settings.FULL_TRIALS
                    + "; --quick: " + Settings.QUICK_TRIALS + ").")
    Integer trials;

    @Option(names = "--quick", description = "A short run: " + Settings.QUICK_TRIALS + " rounds of "
            + Settings.QUICK_TRIAL_MILLIS + " ms trials (" + Settings.QUICK_LARGE_TRIAL_MILLIS
            + " ms from 1 KiB), under a minute on a 2-core machine.")
    boolean quick;

    @Option(names = "--format", paramLabel = "table|markdown|csv|json", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;

    @Option(names = "--wide", description = "With --format table: the full table (19 columns, about 290 wide) instead of"
            + " the summary that fits 120 columns.")
    boolean wide;

    @Option(names = "--chart", paramLabel = "FILE", description = "Also draw throughput and latency to FILE (.png or .svg).")
    Path chart;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as JSON to FILE, whatever --format prints (for"
                    + " demos/bench/compare/three-runs.py beside a table to read).")
    Path json;

    @Option(names = "--chart-scale", paramLabel = "linear|log", defaultValue = "log",
            description = "The chart's value axes: log (default; the figures span orders of magnitude) or linear"
                    + " (shows 2x differences as 2x).")
    ChartWriter.Scale chartScale = ChartWriter.Scale.LOG;

    @Option(names = "--framer-jar", paramLabel = "JAR",
            description = "A jar holding your own Framer (see --framer); it runs beside framekit's, verified the same way.")
    Path framerJar;

    @Option(names = "--framer", paramLabel = "CLASS",
            description = "With --framer-jar: your Framer class, made by its public no-arg constructor or its one"
                    + " public static no-arg method returning a Framer.")
    String framerClass;

    @Option(names = "--all-cpus", description = "Run on every CPU. By default compare moves itself onto one CPU"
            + " (Linux, with taskset), where its figures are the whole cost of moving the messages and reproduce from"
            + " run to run; on several CPUs the two sides of a trial run in parallel and, on a small VM, their rate"
            + " moves by up to 3x from trial to trial (see docs/performance.md).")
    boolean allCpus;

    @Option(names = "--no-keep-awake", description = "With --all-cpus (or where compare cannot move onto one CPU): let"
            + " idle CPUs sleep during ping-pong trials (by default spinning threads keep them awake, so a round trip"
            + " does not include a CPU's wake-up; see docs/performance.md).")
    boolean noKeepAwake;

    @Option(names = "--no-netty", description = "Leave out the Netty contenders.")
    boolean noNetty;

    @Option(names = "--netty", paramLabel = "tuned|naive|both",
            description = "Which Netty rows: tuned (as Netty's maintainers write it: void promises, one buffer per"
                    + " batch of frames, consolidated flushes, native epoll where it loads), naive (a promise and a"
                    + " pipeline encoder per message, NIO), or both (default; --quick: tuned).")
    String nettyStyles;

    @Option(names = {"--hexdump-sample", "--hexdump"}, description = "Show one message of each framer as it appears on the wire.")
    boolean hexdumpSample;

    @Spec
    CommandSpec spec;

    private static final java.util.function.Function<List<String>, List<Contender>> DEFAULT_SOURCE = Contenders::of;

    /**
     * Makes the contenders from the --framings names; a seam for tests that need a faulty one. The
     * Netty contenders are added only to the default source's.
     */
    java.util.function.Function<List<String>, List<Contender>> contenderSource = DEFAULT_SOURCE;

    @Override
    public Integer call() {
        Settings settings = settings();
        List<Contender> contenders = contenders();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (chart != null) {
            String name = chart.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".png") && !name.endsWith(".svg")) {
                throw new ParameterException(spec.commandLine(), "--chart " + chart + ": name a .png or .svg file");
            }
        }
        if (hexdumpSample) {
            PrintWriter sampleOut = format == Format.CSV || format == Format.JSON ? err : out;
            sampleOut.println(HexdumpSample.render(contenders, sizes.get(0)));
            sampleOut.flush();
        }
        OneCpu.Plan cpus = settings.oneCpu() ? OneCpu.plan() : OneCpu.Plan.notAsked();
        if (cpus.possible()) {
            settings = settings.withoutKeepAwake();
        }
        Comparison comparison = new Comparison(settings, contenders, cpus);
        Progress progress = Progress.onTerminal(err, "compare", comparison.steps());
        List<Result> results;
        try {
            results = comparison.run(progress);
        } catch (InvalidMeasurementException e) {
            progress.finish();
            for (String problem : e.problems()) {
                err.println("compare: INVALID MEASUREMENT: " + problem);
            }
            err.println("compare: no figures reported; the raw pump is the ceiling and the raw ping-pong the floor,"
                    + " so a contender beyond them in every round was measured wrongly.");
            err.flush();
            return INVALID_MEASUREMENT;
        } catch (VerificationException e) {
            progress.finish();
            err.println("compare: VERIFICATION FAILED: " + e.getMessage());
            err.println("compare: no figures reported; a framer or baseline delivered something other than what was sent.");
            err.flush();
            return 1;
        } catch (IOException e) {
            progress.finish();
            err.println("compare: " + NetworkErrors.describe(e));
            err.flush();
            return 1;
        } catch (Exception e) {
            progress.finish();
            err.println("compare: " + e);
            err.flush();
            return 1;
        } finally {
            progress.finish();
        }
        Environment environment = Environment.current(cpus.describe());
        Settings ran = settings;
        out.print(switch (format) {
            case TABLE -> wide ? new TableRenderer(false).render(results, environment)
                    : SummaryRenderer.render(results, environment);
            case MARKDOWN -> new TableRenderer(true).render(results, environment);
            case CSV -> CsvRenderer.render(results);
            case JSON -> json(results, environment, ran, comparison);
        });
        out.flush();
        if (json != null && !wrote(err, "JSON", json,
                () -> java.nio.file.Files.writeString(json, json(results, environment, ran, comparison)))) {
            return 1;
        }
        if (chart != null && !wrote(err, "chart", chart, () -> ChartWriter.write(chart, results, environment, chartScale))) {
            return 1;
        }
        return 0;
    }

    /** Something compare writes to a file once the figures are in. */
    private interface FileWrite {
        void write() throws IOException;
    }

    /** Writes {@code what} to {@code file}, saying so on {@code err}, or why not; false if it could not. */
    private static boolean wrote(PrintWriter err, String what, Path file, FileWrite write) {
        try {
            write.write();
            err.println("compare: " + what + " written to " + file);
            return true;
        } catch (IOException e) {
            err.println("compare: cannot write the " + what + " " + file + ": " + e.getMessage());
            return false;
        } finally {
            err.flush();
        }
    }

    private static String json(List<Result> results, Environment environment, Settings settings, Comparison comparison) {
        return JsonRenderer.render(results, environment, settings, comparison.unchecked(), comparison.warmupRounds());
    }

    private Settings settings() {
        if (messages != null && messages < 1) {
            throw new ParameterException(spec.commandLine(), "--messages must be at least 1, got " + messages);
        }
        if (trials != null && trials < 1) {
            throw new ParameterException(spec.commandLine(), "--trials must be at least 1, got " + trials);
        }
        Settings base = quick ? Settings.quick(sizes, messages) : Settings.full(sizes, messages, duration);
        return new Settings(base.sizes(), base.messages(), duration != null ? duration : base.duration(),
                duration != null ? duration : base.largeDuration(), base.roundTrips(),
                trials != null ? trials : base.trials(), base.warmups(), base.maxWarmups(), base.closeCap(), !allCpus,
                noKeepAwake ? 0 : base.keepAwakeThreads());
    }

    private List<Contender> contenders() {
        List<Contender> all = new ArrayList<>();
        if (framerJar != null || framerClass != null) {
            if (framerJar == null || framerClass == null) {
                throw new ParameterException(spec.commandLine(), "--framer-jar and --framer go together: name the jar and the class");
            }
            try {
                all.add(UserFramer.load(framerJar, framerClass));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        try {
            all.addAll(contenderSource.apply(framings));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--framings: " + e.getMessage());
        }
        if (!noNetty && contenderSource == DEFAULT_SOURCE) {
            try {
                all.addAll(NettyContender.all(NettyStyle.parse(nettyStyles == null ? (quick ? "tuned" : "both") : nettyStyles)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--netty: " + e.getMessage());
            }
        }
        return all;
    }
}

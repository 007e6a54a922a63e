package dev.framekit.demos.load;

import dev.framekit.demos.console.Progress;
import dev.framekit.demos.options.ByteSizes;
import dev.framekit.demos.options.ClientOptions;
import dev.framekit.demos.options.Durations;
import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingOptions;
import dev.framekit.demos.options.Version;
import dev.framekit.demos.server.FileLimits;
import dev.framekit.framing.FixedLengthFramer;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code framekit load}: drives an echo server (any server that answers each message with the
 * same bytes, on one of the four framings) with many connections, verifies every echo, and
 * reports connections held, messages a second, latency percentiles and errors by kind. Only
 * against this machine or a private test network; bounded in connections, messages and time.
 */
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Load an echo server with many connections and verify every echo (content and order).",
            "Only against loopback or a private test network. Exit status 0 when every echo verified, 1 otherwise."})
public final class LoadCommand implements Callable<Integer> {
    /** The most connections one run opens. */
    static final int MAX_CONNECTIONS = 100_000;

    /** The longest run. */
    static final Duration MAX_DURATION = Duration.ofHours(1);

    @Mixin
    ClientOptions client;

    @Mixin
    FramingOptions framing;

    @Option(names = "--connections", defaultValue = "100", paramLabel = "N",
            description = "Connections, each its own virtual thread, all held at once (default: ${DEFAULT-VALUE}; at most 100000).")
    int connections;

    @Option(names = "--messages", defaultValue = "100", paramLabel = "N",
            description = "Messages per connection (default: ${DEFAULT-VALUE}); with --duration alone, as many as fit.")
    long messages;

    @Option(names = "--duration", defaultValue = "5m", paramLabel = "DURATION", converter = Durations.class,
            description = "Longest time sending messages, e.g. 30s (default: 5m; at most 1h). Given without "
                    + "--messages, the run sends for this long.")
    Duration duration;

    @Option(names = "--size", defaultValue = "64", paramLabel = "BYTES", converter = ByteSizes.Converter.class,
            description = "Bytes per message, at least 32 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "MSG/S",
            description = "Messages a second over all connections; 0 = as fast as the echoes come back (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--ramp", defaultValue = "2000", paramLabel = "CONN/S",
            description = "Connections opened a second while ramping up (default: ${DEFAULT-VALUE}).")
    int ramp;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Framer framer = framing.framer(spec, Framing.Side.CLIENT);
        LoadPlan plan = plan(framer);
        Payloads payloads = payloads(framer);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        OptionalLong room = FileLimits.connectionsAllowed();
        if (!plan.connectionPerExchange() && room.isPresent() && room.getAsLong() < connections) {
            System.err.println("load: the open-file limit (" + FileLimits.softLimit().getAsLong() + ") leaves room for about "
                    + room.getAsLong() + " connections, fewer than --connections " + connections + "; "
                    + FileLimits.howToRaise());
            return 1;
        }
        Duration probeWait = plan.timeout().compareTo(EchoProbe.WAIT) < 0 ? plan.timeout() : EchoProbe.WAIT;
        String notEcho = EchoProbe.check(client.connector(plan.address(), framer).readTimeout(probeWait),
                plan.connectionPerExchange(), payloads, plan.address().getHostAddress() + ":" + plan.port(),
                "--framing " + framing.framing());
        if (notEcho != null) {
            System.err.println(notEcho);
            return 1;
        }
        FramedConnection.Connector connector = client.connector(plan.address(), framer).readTimeout(plan.timeout());
        Progress progress = Progress.onTerminal(new PrintWriter(System.err, true, StandardCharsets.UTF_8), "load", 1);
        LoadReport report = new LoadRun(plan, payloads, connector, progress).execute();
        report.print(out);
        return report.ok() ? 0 : 1;
    }

    private LoadPlan plan(Framer framer) {
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw usage("--connections " + connections + " is out of range; use 1 to " + MAX_CONNECTIONS);
        }
        if (messages < 1 || messages > 1_000_000_000L) {
            throw usage("--messages " + messages + " is out of range; use 1 to 1000000000");
        }
        if (duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw usage("--duration must be more than 0 and at most 1h");
        }
        if (rate < 0 || ramp < 1) {
            throw usage(rate < 0 ? "--rate cannot be negative" : "--ramp must be at least 1 connection a second");
        }
        if (client.timeout().isZero()) {
            throw usage("--timeout 0 would let a run wait for ever; give a time, e.g. 10s");
        }
        boolean durationOnly = spec.commandLine().getParseResult().hasMatchedOption("--duration")
                && !spec.commandLine().getParseResult().hasMatchedOption("--messages");
        InetAddress address;
        try {
            address = Targets.allowed(client.host());
        } catch (UnknownHostException e) {
            throw usage("--host " + client.host() + ": unknown host");
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return new LoadPlan(address, client.port(), framer, framing.framing().connectionPerExchange(), connections, durationOnly ? Long.MAX_VALUE : messages,
                duration, size, rate, ramp, client.timeout());
    }

    /** The payloads for this framing, checked once: a framing that cannot carry them is a usage error. */
    private Payloads payloads(Framer framer) {
        if (framing.framing() == Framing.FIXED && size > framer.maxFrameLength()) {
            throw usage("--size " + size + " does not fit a fixed frame of " + framer.maxFrameLength()
                    + " bytes; use a --size up to the --frame-size");
        }
        Payloads payloads;
        try {
            payloads = new Payloads(size, padByte(framer));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        MessageRefusedException refusal = framer.check(payloads.make(MAX_CONNECTIONS - 1, 0));
        if (refusal != null && size >= Payloads.MIN_SIZE + 4
                && framer.check(Payloads.asJson(size).make(MAX_CONNECTIONS - 1, 0)) == null) {
            return Payloads.asJson(size); // the JSON framings: the same text inside a JSON array
        }
        if (refusal != null) {
            throw usage("the framing cannot carry the load's messages: " + refusal.getMessage());
        }
        return payloads;
    }

    /** The fixed framing's pad byte; -1 on other framings. */
    private static int padByte(Framer framer) {
        return framer instanceof FixedLengthFramer fixed ? fixed.padByte() & 0xff : -1;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

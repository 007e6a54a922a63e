package dev.framekit.demos.discovery;

import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.options.Durations;
import dev.framekit.demos.options.Version;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code framekit discover}: lists the chat servers that announce themselves on the LAN. */
@Command(name = "discover", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "List the chat servers on the LAN, one line each: address and port, name, framing, TLS fingerprint.")
public final class DiscoverCommand implements Callable<Integer> {
    @Mixin
    DiscoveryOptions discovery;

    @Option(names = "--wait", defaultValue = "2s", paramLabel = "DURATION", converter = Durations.Positive.class,
            description = "How long to listen for announcements (default: ${DEFAULT-VALUE}).")
    Duration wait = Duration.ofSeconds(2);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Listener.Heard heard;
        try {
            heard = Listener.listen(discovery, wait);
        } catch (IOException e) {
            System.err.println(spec.name() + ": cannot listen on UDP port " + discovery.port() + ": "
                    + NetworkErrors.describe(e));
            return 1;
        }
        PrintStream out = System.out;
        for (Listener.Server server : heard.servers()) {
            out.println(describe(server));
        }
        reportIgnored(spec.name(), heard, System.err);
        if (heard.servers().isEmpty()) {
            System.err.println(spec.name() + ": no chat server heard within " + Durations.format(wait)
                    + " (is one running on this LAN, without --no-announce?)");
            return 1;
        }
        return 0;
    }

    /** One server on one line: {@code 192.168.1.20:7342  alice-laptop  framing: ...  TLS AB:CD:...  web http://...}. */
    public static String describe(Listener.Server server) {
        Announcement announcement = server.announcement();
        return server.where() + "  " + announcement.name() + "  framing: " + announcement.clientFramer()
                + (announcement.tls() ? "  TLS fingerprint " + announcement.fingerprint() : "")
                + (announcement.webUrl() == null ? "" : "  web " + announcement.webUrl());
    }

    /** Says, on one line, how many datagrams were ignored and why; nothing if none were. */
    public static void reportIgnored(String command, Listener.Heard heard, PrintStream err) {
        if (heard.ignoredCount() == 0) {
            return;
        }
        err.println(command + ": ignored " + heard.ignoredCount() + (heard.ignoredCount() == 1 ? " datagram" : " datagrams")
                + " that were not valid announcements (" + heard.ignored().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .collect(Collectors.joining(", ")) + ")");
    }
}

package dev.framekit.demos.http;

import dev.framekit.demos.server.ServerRunner;
import dev.framekit.demos.options.Counts;
import dev.framekit.demos.options.Durations;
import dev.framekit.demos.options.ByteSizes;
import dev.framekit.demos.options.Version;
import dev.framekit.demos.options.Ports;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.demos.console.WireDump;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code framekit http-server}: HTTP/1.1 on framekit's framers, for curl, Python and browsers. */
@Command(name = "http-server", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Serve HTTP/1.1: GET/HEAD / (a hello page, or files under --root), POST /echo, POST /reverse.",
            "Heads are framed by the delimiter \\r\\n\\r\\n, bodies by Content-Length, chunks or close."})
public final class HttpServerCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "0.0.0.0", paramLabel = "HOST",
            description = "Address to bind (default: ${DEFAULT-VALUE}, every interface).")
    String host = "0.0.0.0";

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", converter = Ports.Listen.class,
            description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--root", paramLabel = "DIR", description = "Serve the files under DIR (default: a hello page at /).")
    Path root;

    @Option(names = "--max-header", defaultValue = "8k", paramLabel = "BYTES",
            converter = ByteSizes.Converter.class,
            description = "Largest request head; a longer one is answered 431 (default: 8k).")
    int maxHeader = 8 * 1024;

    @Option(names = "--max-body", defaultValue = "1m", paramLabel = "BYTES",
            converter = ByteSizes.Converter.class,
            description = "Largest request body; a longer one is answered 413 (default: 1m).")
    int maxBody = 1 << 20;

    @Option(names = "--header-timeout", defaultValue = "10s", paramLabel = "DURATION", converter = Durations.class,
            description = "A request head (or body frame) not complete this long after its first byte is answered 408 "
                    + "(stops slowloris); 0 = never (default: 10s).")
    Duration headerTimeout = Duration.ofSeconds(10);

    @Option(names = "--idle-timeout", defaultValue = "5m", paramLabel = "DURATION", converter = Durations.class,
            description = "Close a keep-alive connection that sends nothing for this long; 0 = never (default: 5m).")
    Duration idleTimeout = Duration.ofMinutes(5);

    @Option(names = "--max-connections", defaultValue = "0", paramLabel = "N", converter = Counts.class,
            description = "Most connections served at once (default: what the open-file limit leaves room for).")
    int maxConnections;

    @Option(names = "--hexdump", description = "Show each phase on the wire: every head, body piece and chunk.")
    boolean hexdump;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (maxHeader < 16) {
            throw new ParameterException(spec.commandLine(), "--max-header " + maxHeader + " is too small; use 16 or more");
        }
        if (maxBody < 1) {
            throw new ParameterException(spec.commandLine(), "--max-body must be at least 1 byte");
        }
        FileRoot files = null;
        if (root != null) {
            try {
                files = new FileRoot(root);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--root " + root + ": not a readable directory");
            }
        }
        Console console = new Console(System.out);
        WireTap tap = hexdump ? (label, framer, payload) -> console.line(WireDump.of(label, framer, payload)) : WireTap.OFF;
        HttpConnectionHandler handler = new HttpConnectionHandler(new HttpConnectionHandler.Settings(maxHeader, maxBody,
                headerTimeout, new Routes(files), console, tap));
        FramedServer.Settings settings = new FramedServer.Settings("http-server", host, port,
                Framers.delimiter("\r\n\r\n").maxFrameLength(maxHeader), idleTimeout, "http-get http://HOST:PORT/", false,
                maxConnections, headerTimeout);
        FramedServer server = new FramedServer(settings, handler, console);
        return ServerRunner.run(server);
    }
}

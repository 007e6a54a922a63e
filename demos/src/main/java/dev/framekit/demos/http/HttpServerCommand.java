package dev.framekit.demos.http;

import dev.framekit.demos.server.ServerRunner;
import dev.framekit.demos.options.ByteSizes;
import dev.framekit.demos.options.Durations;
import dev.framekit.demos.options.Version;
import dev.framekit.demos.options.ServerOptions;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.demos.console.WireDump;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code framekit http-server}: HTTP/1.1 on framekit's framers, for curl, Python and browsers. */
@Command(name = "http-server", mixinStandardHelpOptions = true, versionProvider = Version.class,
        modelTransformer = HttpServerCommand.HttpDefaults.class,
        description = {"Serve HTTP/1.1: GET/HEAD / (a hello page, or files under --root), POST /echo, POST /reverse.",
            "Heads are framed by the delimiter \\r\\n\\r\\n, bodies by Content-Length, chunks or close."})
public final class HttpServerCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

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

    @Option(names = "--body-timeout", defaultValue = "60s", paramLabel = "DURATION", converter = Durations.class,
            description = "Answer 408 and close when a request body is not complete this long after its head "
                    + "(a peer trickling small chunks meets every other timeout); 0 = never (default: 60s).")
    Duration bodyTimeout = Duration.ofSeconds(60);

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
                server.frameTimeout(), bodyTimeout, new Routes(files), console, tap));
        FramedServer.Settings settings = new FramedServer.Settings("http-server", server.host(), server.port(),
                Framers.delimiter("\r\n\r\n").withMaxFrameLength(maxHeader), server.idleTimeout(), "http-get http://HOST:PORT/",
                false, server.maxConnections(), server.frameTimeout(), server.writeTimeout(), server.maxMemory());
        FramedServer server = new FramedServer(settings, handler, console);
        return ServerRunner.run(server);
    }

    /**
     * The common server options with HTTP's defaults: port 8080, and the frame timeout named
     * {@code --header-timeout} (10 s), since a request head is the frame a slowloris peer trickles.
     */
    public static final class HttpDefaults implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            replace(spec, "--port", option -> option.defaultValue("8080"));
            replace(spec, "--frame-timeout", option -> option.names("--header-timeout").defaultValue("10s")
                    .description("Answer 408 and close when a request head (or a body frame) is not complete this long "
                            + "after its first byte arrived (stops slowloris); 0 = never (default: 10s)."));
            return spec;
        }

        private static void replace(CommandSpec spec, String name, UnaryOperator<OptionSpec.Builder> change) {
            OptionSpec old = spec.findOption(name);
            spec.remove(old);
            spec.addOption(change.apply(old.toBuilder()).build());
        }
    }
}

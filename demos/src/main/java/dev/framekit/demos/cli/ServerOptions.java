package dev.framekit.demos.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Where a server listens. */
public final class ServerOptions {
    @Option(names = "--host", defaultValue = "0.0.0.0", paramLabel = "HOST",
            description = "Address to bind (default: ${DEFAULT-VALUE}, every interface).")
    String host = "0.0.0.0";

    @Option(names = "--port", defaultValue = "7342", paramLabel = "PORT", converter = Ports.Listen.class,
            description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int port = 7342;

    @Option(names = "--idle-timeout", defaultValue = "5m", paramLabel = "DURATION", converter = Durations.class,
            description = "Close a connection that sends nothing for this long, e.g. 30s, 5m; 0 = never (default: 5m).")
    Duration idleTimeout = Duration.ofMinutes(5);

    /** The address to bind. */
    public String host() {
        return host;
    }

    /** The port to listen on; 0 for any free port. */
    public int port() {
        return port;
    }

    /** How long a silent connection is kept; zero for ever. */
    public Duration idleTimeout() {
        return idleTimeout;
    }
}

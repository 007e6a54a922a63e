package dev.framekit.demos.options;

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
            description = "Close a connection that sends nothing for this long, e.g. 30s, 5m; 0 = never (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout = Duration.ofMinutes(5);

    @Option(names = "--frame-timeout", defaultValue = "30s", paramLabel = "DURATION", converter = Durations.class,
            description = "Close a connection whose frame is not complete this long after its first byte arrived "
                    + "(stops a slowloris peer trickling bytes); 0 = never (default: ${DEFAULT-VALUE}).")
    Duration frameTimeout = Duration.ofSeconds(30);

    @Option(names = "--write-timeout", defaultValue = "30s", paramLabel = "DURATION", converter = Durations.class,
            description = "Close a connection that takes no byte of what the server sends for this long "
                    + "(a peer that stopped reading), or that acknowledges none of it for this long (half-open,"
                    + " on Linux); 0 = never (default: 30s).")
    Duration writeTimeout = Duration.ofSeconds(30);

    /** The share of the JVM's max heap a server's memory budget takes when --max-memory is not given. */
    public static final int DEFAULT_MEMORY_PERCENT = 50;

    @Option(names = "--max-memory", defaultValue = "0", paramLabel = "BYTES", converter = ByteSizes.LongConverter.class,
            description = "Most bytes the server holds for peers (buffers, partial frames, queues, history), e.g. 48m;"
                    + " over it the costliest peer is closed and new connections refused"
                    + " (default: 0, meaning " + DEFAULT_MEMORY_PERCENT + "%% of the JVM's max heap, said at start-up).")
    long maxMemory;

    @Option(names = "--max-connections", defaultValue = "0", paramLabel = "N", converter = Counts.class,
            description = "Most connections served at once; past it a new connection is closed at once with a log line "
                    + "(default: 0, meaning the smaller of what the open-file limit and the memory budget leave room for,"
                    + " said at start-up).")
    int maxConnections;

    /**
     * Set by {@code --verbose} on any server command: the start-up banner says how the connection
     * and memory limits were decided. Process-wide: one server command runs per process.
     */
    private static volatile boolean verbose;

    @Option(names = "--verbose", defaultValue = "false",
            description = "At start-up, say how the connection and memory limits were decided (the open-file limit,"
                    + " the heap, what each connection is counted at).")
    void verbose(boolean value) {
        verbose = value;
    }

    /** Whether the running server command was given {@code --verbose}. */
    public static boolean verbose() {
        return verbose;
    }

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

    /** How long a frame may take once its first byte has arrived; zero for ever. */
    public Duration frameTimeout() {
        return frameTimeout;
    }

    /** How long a peer may take no byte of a write; zero for ever. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** The memory budget in bytes; 0 for the default share of the heap. */
    public long maxMemory() {
        return maxMemory;
    }

    /** The most connections at once; 0 to take it from the open-file limit. */
    public int maxConnections() {
        return maxConnections;
    }
}

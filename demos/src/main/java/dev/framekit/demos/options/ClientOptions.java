package dev.framekit.demos.options;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import java.net.InetAddress;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;
import picocli.CommandLine.Option;

/** Which server a client reaches, and how long it waits. */
public final class ClientOptions {
    @Option(names = "--host", defaultValue = "localhost", paramLabel = "HOST",
            description = "Server to reach, a host name or address (default: ${DEFAULT-VALUE}).")
    String host = "localhost";

    /** The port a client reaches unless --port says otherwise. */
    public static final int DEFAULT_PORT = 7342;

    @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, paramLabel = "PORT", converter = Ports.Connect.class,
            description = "Server port (default: ${DEFAULT-VALUE}).")
    int port = DEFAULT_PORT;

    @Option(names = "--timeout", defaultValue = "10s", paramLabel = "DURATION", converter = Durations.class,
            description = "How long to wait to connect and for each reply (default: 10s).")
    Duration timeout = Duration.ofSeconds(10);

    /** TLS for every connection, or null for none. */
    private SSLSocketFactory tls;

    /** Reaches {@code server} at {@code serverPort} instead of --host and --port (a server found by discovery). */
    public void reach(String server, int serverPort) {
        this.host = server;
        this.port = serverPort;
    }

    /** Speaks TLS over every connection, with sockets from {@code factory} (which decides whom to trust). */
    public void tls(SSLSocketFactory factory) {
        this.tls = factory;
    }

    /**
     * Starts a connection to the server with {@code framer}, waiting up to --timeout to connect;
     * {@code --timeout 0} (no limit on replies) keeps the library's default connect timeout.
     */
    public FramedConnection.Connector connector(Framer framer) {
        return connector(host, framer);
    }

    /**
     * Starts a connection as {@link #connector(Framer)} does, to {@code address}: the --host
     * already resolved (and checked, as {@code load} does), so every connection reaches the same
     * address.
     */
    public FramedConnection.Connector connector(InetAddress address, Framer framer) {
        return connector(address.getHostAddress(), framer);
    }

    private FramedConnection.Connector connector(String target, Framer framer) {
        FramedConnection.Connector connector = FramedConnection.connector(target, port).framer(framer);
        if (!timeout.isZero()) {
            connector.connectTimeout(timeout);
        }
        if (tls != null) {
            connector.tls(tls);
        }
        return connector;
    }

    /** The server's host name or address. */
    public String host() {
        return host;
    }

    /** The server's port. */
    public int port() {
        return port;
    }

    /** How long to wait to connect and for a reply. */
    public Duration timeout() {
        return timeout;
    }
}

package dev.framekit.demos.net;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server that runs a {@link Handler} for each connection on its own virtual thread, logs
 * every connection (peer, what it carried, how it ended) and keeps going whatever one
 * connection does: a bad frame, a reset or an idle peer closes that connection only.
 */
public final class FramedServer implements AutoCloseable {
    /** Serves one connection until it ends; return normally on a clean end. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Serves {@code connection}; the server closes it afterwards.
         *
         * @throws IOException for network conditions; logged in one line
         */
        void serve(FramedConnection connection, ConnectionStats stats) throws IOException;
    }

    /** How a server is set up: name, address, framing and limits. */
    public record Settings(String command, String host, int port, Framer framer, Duration idleTimeout,
            String clientCommand, boolean lineFraming) {}

    private final Settings settings;
    private final Handler handler;
    private final Console console;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong served = new AtomicLong();
    private ServerSocket serverSocket;
    private volatile boolean closing;

    /** A server that is not yet listening. */
    public FramedServer(Settings settings, Handler handler, Console console) {
        this.settings = settings;
        this.handler = handler;
        this.console = console;
    }

    /**
     * Binds, prints the ready line (and, on every interface, the LAN addresses), and returns the
     * bound port. Connections are accepted once {@link #serve()} runs.
     */
    public int bind() throws IOException {
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 1024);
        int port = serverSocket.getLocalPort();
        console.line(settings.command() + " listening on " + settings.host() + ":" + port + " (framing: "
                + settings.framer() + ")");
        if (serverSocket.getInetAddress().isAnyLocalAddress()) {
            printLanHints(port);
        }
        return port;
    }

    /** Accepts connections until {@link #close()}; each is served on its own virtual thread. */
    public void serve() throws IOException {
        while (!closing) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (SocketException e) {
                if (closing) {
                    return;
                }
                console.log(settings.command() + ": accept failed: " + e.getMessage());
                continue;
            }
            open.add(socket);
            Thread.ofVirtual().name("conn-" + socket.getPort()).start(() -> serveOne(socket));
        }
    }

    /** Stops accepting, closes every open connection, and says so. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            if (serverSocket != null) {
                serverSocket.close();
            }
        } catch (IOException ignored) {
            // Closing a listening socket has nothing to report.
        }
        for (Socket socket : List.copyOf(open)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The connection's own thread logs how it ended.
            }
        }
        long count = served.get();
        console.log(settings.command() + " stopped after serving " + count
                + (count == 1 ? " connection" : " connections"));
    }

    private void serveOne(Socket socket) {
        String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        ConnectionStats stats = new ConnectionStats();
        console.log(peer + " connected");
        String ending;
        try (FramedConnection connection = FramedConnection.of(socket, settings.framer())) {
            if (!settings.idleTimeout().isZero()) {
                connection.readTimeout(settings.idleTimeout());
            }
            handler.serve(connection, stats);
            ending = "ended cleanly";
        } catch (SocketTimeoutException e) {
            ending = "idle for " + settings.idleTimeout().toSeconds() + " s; closed it (--idle-timeout)";
        } catch (IOException e) {
            ending = closing ? "closed: server stopping" : "closed: " + NetworkErrors.describe(e);
        } catch (RuntimeException e) {
            ending = "closed after an internal error: " + e;
        } finally {
            open.remove(socket);
            served.incrementAndGet();
        }
        console.log(peer + " " + stats + "; " + ending);
    }

    private void printLanHints(int port) {
        List<LanAddresses.Entry> addresses = LanAddresses.find();
        StringBuilder list = new StringBuilder();
        for (LanAddresses.Entry entry : addresses) {
            list.append(list.isEmpty() ? "" : ", ").append(entry.address()).append(" (").append(entry.interfaceName()).append(')');
        }
        console.line("  this machine: " + LanAddresses.hostName() + "; LAN addresses: "
                + (addresses.isEmpty() ? "none found (only this machine can connect)" : list));
        String example = addresses.isEmpty() ? "localhost" : addresses.get(0).address();
        if (settings.clientCommand() != null) {
            console.line("  from another machine: java -jar framekit.jar " + settings.clientCommand().replace("HOST", example)
                    .replace("PORT", Integer.toString(port)));
        }
        if (settings.lineFraming()) {
            console.line("  or with netcat:       nc " + example + " " + port);
        }
    }
}

package dev.framekit.demos.server;

import dev.framekit.demos.console.Console;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server that runs a {@link Handler} for each connection on its own virtual thread, logs
 * every connection (peer, what it carried, how it ended) and keeps going whatever one
 * connection does: a bad frame, a reset or an idle peer closes that connection only.
 *
 * <p>Its limits: at most as many connections at once as its {@link DescriptorBudget} allows;
 * past it a new connection is closed at once with a log line ({@link AcceptLoop}); the same while
 * the server holds more for its peers than its {@link MemoryBudget}, which sheds the peer that
 * holds most. A connection
 * silent between frames for {@code idleTimeout}, or one whose frame is not complete
 * {@code frameTimeout} after its first byte (a slowloris peer), or one that takes no byte of a
 * write for {@code writeTimeout} (it stopped reading), is closed with a log line.
 *
 * <p>Every connection ends in one place, which decides how it is closed ({@link ConnectionEnd}):
 * a peer that misbehaved (a timeout above but idle, a protocol error, shed to keep the budget) is
 * reset, so the kernel drops what was queued for it at once; a clean end is a FIN.
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

    /**
     * How a server is set up: name, address, framing and limits.
     *
     * @param maxConnections the most connections served at once; past it a new connection is
     *     closed at once with a log line. 0 takes it from the open-file limit.
     * @param frameTimeout how long a frame may take to arrive once its first byte has; zero for no limit
     * @param writeTimeout how long a peer may take no byte of a write before it is closed; zero for no limit
     * @param maxMemory the bytes the server may hold on behalf of peers; 0 for the default share of the heap
     */
    public record Settings(String command, String host, int port, Framer framer, Duration idleTimeout,
            String clientCommand, boolean lineFraming, int maxConnections, Duration frameTimeout,
            Duration writeTimeout, long maxMemory) {
        /** Settings with the default limits: connections from the open-file limit, frames within 30 s. */
        public Settings(String command, String host, int port, Framer framer, Duration idleTimeout,
                String clientCommand, boolean lineFraming) {
            this(command, host, port, framer, idleTimeout, clientCommand, lineFraming, 0, DEFAULT_FRAME_TIMEOUT);
        }

        /** Settings with the default write timeout and memory budget. */
        public Settings(String command, String host, int port, Framer framer, Duration idleTimeout,
                String clientCommand, boolean lineFraming, int maxConnections, Duration frameTimeout) {
            this(command, host, port, framer, idleTimeout, clientCommand, lineFraming, maxConnections, frameTimeout,
                    DEFAULT_WRITE_TIMEOUT, 0);
        }
    }

    /** How long a frame may take to arrive unless told otherwise: 30 seconds. */
    public static final Duration DEFAULT_FRAME_TIMEOUT = Duration.ofSeconds(30);

    /** How long a peer may accept no byte of a write unless told otherwise: 30 seconds. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final Settings settings;
    private final Handler handler;
    private final Console console;
    private final Set<PeerSocket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong served = new AtomicLong();
    private final RefusalLog refusals;
    private DescriptorBudget budget;
    private final MemoryBudget memory;
    private Watchdog watchdog;
    private ServerSocket serverSocket;
    private SocketLayer layer;
    private volatile boolean closing;

    /** A server that is not yet listening, with the memory budget its settings give. */
    public FramedServer(Settings settings, Handler handler, Console console) {
        this(settings, handler, console, MemoryBudget.of(settings.maxMemory()));
    }

    /**
     * A server that is not yet listening, counting what it holds for peers against
     * {@code memory}: a handler that holds more for peers than its connections (a chat room's
     * members that poll) opens accounts in the same budget.
     */
    public FramedServer(Settings settings, Handler handler, Console console, MemoryBudget memory) {
        this.settings = settings;
        this.handler = handler;
        this.console = console;
        this.refusals = new RefusalLog(console);
        this.memory = memory;
    }

    /**
     * Runs every connection over {@code socketLayer} (TLS, say), set up before {@link #serve()}: a
     * peer the layer refuses is reset with the layer's one line.
     */
    public FramedServer layer(SocketLayer socketLayer) {
        this.layer = socketLayer;
        return this;
    }

    /** The memory budget every peer of this server counts against. */
    public MemoryBudget memory() {
        return memory;
    }

    /** How this server is set up. */
    public Settings settings() {
        return settings;
    }

    /**
     * Binds, prints the start-up banner, and returns the bound port. Connections are accepted
     * once {@link #serve()} runs.
     */
    public int bind() throws IOException {
        serverSocket = new PeerServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 1024);
        int port = serverSocket.getLocalPort();
        StartupBanner.print(console, settings, port, serverSocket.getInetAddress().isAnyLocalAddress());
        PollerWarmUp.run();
        budget = DescriptorBudget.decide(settings.command(), settings.maxConnections(), memory, console);
        return port;
    }

    /** The most connections served at once, as decided when bound. */
    public int maxConnections() {
        return budget.maxConnections();
    }

    /** Accepts connections until {@link #close()}; each is served on its own virtual thread. */
    public void serve() throws IOException {
        watchdog = new Watchdog(open, settings.writeTimeout());
        watchdog.start();
        new AcceptLoop(serverSocket, budget, memory, refusals, () -> closing).run(socket -> {
            socket.account(memory.open(socket::closeFor));
            open.add(socket);
            Thread.ofVirtual().name("conn-" + socket.getPort()).start(() -> serveOne(socket));
        });
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
        if (budget != null) {
            budget.closeSpare();
        }
        if (watchdog != null) {
            watchdog.stop();
        }
        for (Socket socket : List.copyOf(open)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The connection's own thread logs how it ended.
            }
        }
        awaitConnectionsEnded(Duration.ofSeconds(2));
        long count = served.get();
        long refused = refusals.count();
        console.log(settings.command() + " stopped after serving " + count
                + (count == 1 ? " connection" : " connections") + (refused == 0 ? "" : "; refused " + refused));
    }

    /** Waits until every connection's thread has logged its end, so the count in the last line is right. */
    private void awaitConnectionsEnded(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Serves one connection and logs its end in one line. Nothing it throws escapes: an
     * {@link Error} (say, {@link OutOfMemoryError}) ends this connection only, and the accept
     * loop and every other connection carry on.
     */
    private void serveOne(PeerSocket socket) {
        String peer = AcceptLoop.peer(socket);
        ConnectionStats stats = new ConnectionStats();
        String ending;
        try {
            console.log(peer + " connected");
            ending = serveAndClose(socket, stats);
        } catch (Throwable e) {
            ending = ConnectionErrors.describe(e);
        } finally {
            served.incrementAndGet();
            budget.release();
            socket.closeAccount();
            socket.forgetLayer();
        }
        try {
            console.log(peer + " " + stats + "; " + ending);
        } catch (Throwable ignored) {
            // Out of memory even for one log line: the connection is closed, nothing more to do.
        } finally {
            // Last: close() waits for this, so its closing line follows every connection's and counts them all.
            open.remove(socket);
        }
    }

    /**
     * Runs the handler, then closes the connection whatever happened, with a reset if the peer
     * misbehaved ({@link ConnectionEnd}); returns how it ended. The close is not a
     * try-with-resources: an {@link Error} thrown twice can be the same object (the JVM
     * preallocates some), and suppressing it into itself would throw "Self-suppression not
     * permitted" in its place.
     */
    private String serveAndClose(PeerSocket socket, ConnectionStats stats) {
        FramedConnection connection = null;
        ConnectionEnd end;
        try {
            connection = FramedConnection.of(layered(socket), settings.framer());
            socket.attach(connection.reader(), connection.writer());
            // Silent between frames: the socket's read timeout. Inside a frame: the reader's frame deadline.
            connection.readTimeout(settings.idleTimeout());
            connection.frameDeadline(settings.frameTimeout());
            handler.serve(connection, stats);
            end = ConnectionEnd.CLEAN;
        } catch (RefusedByLayer e) {
            end = ConnectionEnd.misbehaved(e.getMessage());
        } catch (Throwable e) {
            end = ConnectionEnd.of(e, settings.idleTimeout(), closing);
        }
        String closedBecause = socket.closedBecause();
        if (closedBecause != null) {
            end = ConnectionEnd.misbehaved(closedBecause); // closed from another thread, already reset
        }
        if (end.reset()) {
            socket.reset();
        }
        ConnectionErrors.closeQuietly(connection == null ? socket : connection);
        ConnectionErrors.closeQuietly(socket);
        return end.line();
    }

    /** The socket the connection runs over: {@code socket} itself, or the {@link #layer} made on it. */
    private Socket layered(PeerSocket socket) throws RefusedByLayer {
        if (layer == null) {
            return socket;
        }
        // What the layer holds for the peer (TLS record buffers) counts from before the handshake.
        socket.add(layer.bytesHeld());
        try {
            Socket layered = layer.over(socket);
            socket.layeredAs(layered);
            return layered;
        } catch (IOException e) {
            throw new RefusedByLayer(closing ? "closed: server stopping" : String.valueOf(e.getMessage()));
        }
    }

    /** The layer refused a peer: the message is the server's log line. */
    private static final class RefusedByLayer extends Exception {
        RefusedByLayer(String message) {
            super(message, null, false, false);
        }
    }
}

package dev.framekit.demos.net;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server that runs a {@link Handler} for each connection on its own virtual thread, logs
 * every connection (peer, what it carried, how it ended) and keeps going whatever one
 * connection does: a bad frame, a reset or an idle peer closes that connection only.
 *
 * <p>Its limits: at most {@code maxConnections} at once (by default what the open-file limit
 * leaves room for, said at start-up when that is under 10,000); past it a new connection is
 * closed at once with a log line. A connection silent between frames for {@code idleTimeout},
 * or one whose frame is not complete {@code frameTimeout} after its first byte (a slowloris
 * peer), is closed with a log line. Running out of file descriptors never stops or spins the
 * accept loop: a spare descriptor lets it accept and close the waiting peer.
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
     */
    public record Settings(String command, String host, int port, Framer framer, Duration idleTimeout,
            String clientCommand, boolean lineFraming, int maxConnections, Duration frameTimeout) {
        /** Settings with the default limits: connections from the open-file limit, frames within 30 s. */
        public Settings(String command, String host, int port, Framer framer, Duration idleTimeout,
                String clientCommand, boolean lineFraming) {
            this(command, host, port, framer, idleTimeout, clientCommand, lineFraming, 0, DEFAULT_FRAME_TIMEOUT);
        }
    }

    /** How long a frame may take to arrive unless told otherwise: 30 seconds. */
    public static final Duration DEFAULT_FRAME_TIMEOUT = Duration.ofSeconds(30);

    /** The longest pause of the accept loop after a failed accept. */
    private static final long MAX_BACKOFF_MILLIS = 1000;

    private final Settings settings;
    private final Handler handler;
    private final Console console;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong served = new AtomicLong();
    private final RefusalLog refusals;
    private Semaphore slots;
    private int maxConnections;
    private String limitReason;
    private String outOfFilesReason;
    private ServerSocket serverSocket;
    private RandomAccessFile spareDescriptor;
    private volatile boolean closing;

    /** A server that is not yet listening. */
    public FramedServer(Settings settings, Handler handler, Console console) {
        this.settings = settings;
        this.handler = handler;
        this.console = console;
        this.refusals = new RefusalLog(console);
    }

    /**
     * Binds, prints the ready line (and, on every interface, the LAN addresses), and returns the
     * bound port. Connections are accepted once {@link #serve()} runs.
     */
    public int bind() throws IOException {
        serverSocket = new DeadlineServerSocket(settings.idleTimeout(), settings.frameTimeout());
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 1024);
        int port = serverSocket.getLocalPort();
        console.line(settings.command() + " listening on " + settings.host() + ":" + port + " (framing: "
                + settings.framer() + ")");
        if (serverSocket.getInetAddress().isAnyLocalAddress()) {
            printLanHints(port);
        }
        warmUpVirtualThreadIo();
        maxConnections = connectionLimit();
        // Worked out now: once descriptors have run out, even reading the limits needs one.
        outOfFilesReason = "out of file descriptors (too many open files; the open-file limit is "
                + FileLimits.softLimit().orElse(-1) + "); " + FileLimits.howToRaise() + ", or lower --max-connections";
        slots = new Semaphore(maxConnections);
        spareDescriptor = openSpareDescriptor();
        return port;
    }

    /**
     * Makes one virtual thread wait on a socket now, so that the JDK sets up its I/O poller
     * (which needs file descriptors of its own) at start-up. Left to the first connection, it
     * would fail for good if that connection arrived when descriptors had run out.
     */
    private static void warmUpVirtualThreadIo() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket listener = new ServerSocket(0, 1, loopback)) {
            Thread waiter = Thread.ofVirtual().start(() -> {
                try (Socket socket = new Socket(loopback, listener.getLocalPort())) {
                    socket.setSoTimeout(1);
                    socket.getInputStream().read();
                } catch (IOException expected) {
                    // The read times out: the wait itself was the point.
                }
            });
            try (Socket accepted = listener.accept()) {
                waiter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The most connections served at once, as decided when bound. */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * The connection limit: --max-connections, or what the open-file limit leaves room for. Says
     * so in one line when the open-file limit is the tighter of the two or lower than 10,000.
     */
    private int connectionLimit() {
        OptionalLong allowed = FileLimits.connectionsAllowed();
        String name = settings.command();
        if (settings.maxConnections() > 0) {
            if (allowed.isPresent() && allowed.getAsLong() < settings.maxConnections()) {
                console.line(name + ": --max-connections " + settings.maxConnections() + " is more than the open-file limit ("
                        + FileLimits.softLimit().getAsLong() + ") leaves room for (about " + allowed.getAsLong()
                        + " connections); past that, connections are refused as descriptors run out; "
                        + FileLimits.howToRaise());
            }
            limitReason = "the most --max-connections allows";
            return settings.maxConnections();
        }
        if (allowed.isEmpty()) {
            limitReason = "the default most (set another with --max-connections)";
            return DEFAULT_MAX_CONNECTIONS;
        }
        limitReason = "the most the open-file limit leaves room for (" + FileLimits.howToRaise() + ")";
        int limit = (int) Math.min(Integer.MAX_VALUE, allowed.getAsLong());
        if (limit < LOW_LIMIT) {
            console.line(name + ": the open-file limit is " + FileLimits.softLimit().getAsLong() + ", room for about "
                    + limit + " connections; more are refused; " + FileLimits.howToRaise());
        }
        return limit;
    }

    /** Below this many connections the open-file limit is worth a line at start-up. */
    private static final int LOW_LIMIT = 10_000;

    /** The connection limit where the platform does not report its open-file limit. */
    private static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    /** Accepts connections until {@link #close()}; each is served on its own virtual thread. */
    public void serve() throws IOException {
        long backoffMillis = 0;
        while (!closing) {
            DeadlineSocket socket;
            try {
                socket = (DeadlineSocket) serverSocket.accept();
                backoffMillis = 0;
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                if (FileLimits.isOutOfFiles(e) && refuseWithSpareDescriptor()) {
                    continue;
                }
                // Never spin: a failure that repeats (no descriptors, no memory) waits longer each time.
                backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(10, backoffMillis * 2));
                refusals.refuse("a new connection", (FileLimits.isOutOfFiles(e) ? outOfFiles() : "accept failed: "
                        + NetworkErrors.describe(e)) + "; pausing " + backoffMillis + " ms");
                pause(backoffMillis);
                continue;
            }
            if (!slots.tryAcquire()) {
                refusals.refuse(peer(socket), maxConnections + " connections open, " + limitReason);
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            Thread.ofVirtual().name("conn-" + socket.getPort()).start(() -> serveOne(socket));
        }
    }

    /**
     * Out of descriptors, with connections waiting: gives up the spare descriptor, accepts one
     * connection with it and closes it at once, then takes the spare back. Each waiting peer is
     * told no at once (its connection closes) rather than left hanging, and the loop never spins.
     *
     * @return whether a connection was refused this way
     */
    private boolean refuseWithSpareDescriptor() {
        if (spareDescriptor == null) {
            return false;
        }
        closeQuietly(spareDescriptor);
        spareDescriptor = null;
        try (Socket socket = serverSocket.accept()) {
            refusals.refuse(peer(socket), outOfFiles());
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            spareDescriptor = openSpareDescriptor();
        }
    }

    private String outOfFiles() {
        return outOfFilesReason;
    }

    /** One descriptor held in reserve, so that even when they run out a waiting connection can be accepted and closed. */
    private static RandomAccessFile openSpareDescriptor() {
        File devNull = new File("/dev/null");
        if (!devNull.exists()) {
            return null;
        }
        try {
            return new RandomAccessFile(devNull, "r");
        } catch (IOException e) {
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String peer(Socket socket) {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Nothing to report: the peer sees its connection end.
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
        if (spareDescriptor != null) {
            closeQuietly(spareDescriptor);
        }
        for (Socket socket : List.copyOf(open)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The connection's own thread logs how it ended.
            }
        }
        long count = served.get();
        long refused = refusals.count();
        console.log(settings.command() + " stopped after serving " + count
                + (count == 1 ? " connection" : " connections") + (refused == 0 ? "" : "; refused " + refused));
    }

    private void serveOne(DeadlineSocket socket) {
        String peer = peer(socket);
        ConnectionStats stats = new ConnectionStats();
        console.log(peer + " connected");
        String ending;
        try (FramedConnection connection = FramedConnection.of(socket, settings.framer())) {
            socket.attach(connection.reader());
            handler.serve(connection, stats);
            ending = "ended cleanly";
        } catch (FrameTimeoutException e) {
            ending = e.getMessage();
        } catch (SocketTimeoutException e) {
            ending = "idle for " + settings.idleTimeout().toSeconds() + " s; closed it (--idle-timeout)";
        } catch (IOException e) {
            ending = closing ? "closed: server stopping" : "closed: " + NetworkErrors.describe(e);
        } catch (RuntimeException e) {
            ending = "closed after an internal error: " + e;
        } finally {
            open.remove(socket);
            served.incrementAndGet();
            slots.release();
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
            console.line("  from another machine: " + dev.framekit.demos.cli.JarCommand.javaJar() + " " + settings.clientCommand().replace("HOST", example)
                    .replace("PORT", Integer.toString(port)));
        }
        if (settings.lineFraming()) {
            console.line("  or with netcat:       nc " + example + " " + port);
        }
    }
}

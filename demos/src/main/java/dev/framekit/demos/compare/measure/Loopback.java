package dev.framekit.demos.compare.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A listening socket on 127.0.0.1 with its server side running on its own platform thread: the
 * other half of every measurement. Only loopback traffic; the port is picked by the system. The
 * server thread's CPU time and allocation are read in that thread and reported with the run.
 */
public final class Loopback implements AutoCloseable {
    /** How long a run may take before it is declared stuck. */
    private static final long STUCK_SECONDS = 120;

    /** The server side of one run. */
    @FunctionalInterface
    public interface Side<T> {
        T run(Loopback loopback) throws Exception;
    }

    private final ServerSocket server;
    /** Connections accepted so far; written by the accepting thread only. */
    private volatile int accepted;
    /** How many connections the sender made, once it has said so ({@link #senderDone(long)}). */
    private volatile long senderTotal = Long.MAX_VALUE;
    /** What the server side's thread spent, set just before its result is published. */
    private volatile Cost serverCost = Cost.ZERO;

    public Loopback() throws IOException {
        this(new ServerSocket());
    }

    private Loopback(ServerSocket server) throws IOException {
        this.server = server;
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    }

    /**
     * A loopback server whose accepted sockets have a {@link SocketChannel} ({@link Socket#getChannel()}),
     * for reading into direct buffers without the stream's copy through a temporary one.
     */
    public static Loopback ofChannels() throws IOException {
        return new Loopback(ServerSocketChannel.open().socket());
    }

    /** A client channel to this loopback server, TCP_NODELAY on. */
    public SocketChannel connectChannel() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(server.getLocalSocketAddress());
        return channel;
    }

    /** A client socket to this loopback server, with TCP_NODELAY as every framekit connection has. */
    public Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(server.getLocalSocketAddress(), 10_000);
        return socket;
    }

    /** Accepts the next connection, TCP_NODELAY on. */
    public Socket accept() throws IOException {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        accepted++;
        return socket;
    }

    /**
     * Accepts the next connection, or returns null once every connection the sender made has been
     * accepted ({@link #senderDone(long)}): for send-and-close, where the sender alone knows how
     * many connections it made. An accept blocked when that word comes is ended by closing the
     * listener, which then holds no connection still to be accepted.
     */
    public Socket acceptUntilSenderDone() throws IOException {
        if (accepted >= senderTotal) {
            return null;
        }
        try {
            return accept();
        } catch (SocketException closed) {
            if (accepted >= senderTotal) {
                return null; // senderDone closed the listener: nothing was left to come
            }
            throw closed;
        }
    }

    /**
     * The sender's word that it made {@code connections} connections and will make no more. If
     * they have all been accepted, the listener is closed so that an accept waiting for another
     * returns; otherwise the accepting side stops after the last of them.
     */
    public void senderDone(long connections) throws IOException {
        senderTotal = connections;
        if (accepted >= connections) { // read after the write above; the acceptor does the reverse
            server.close();
        }
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted;
    }

    /** Starts the server side on its own thread. */
    <T> CompletableFuture<T> start(Side<T> side) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Cost before = Cost.ofCurrentThread();
                T value = side.run(this);
                serverCost = Cost.ofCurrentThread().since(before);
                result.complete(value);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "compare-server");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * Waits for a streaming trial's receiving side and reports the trial: {@code sent} messages
     * from {@code startNanos} until the receiver read the last of them.
     */
    public StreamRun streamRun(CompletableFuture<Received> receiver, long sent, long startNanos) throws IOException {
        Received got = await(receiver);
        return new StreamRun(sent, got.tally(), got.wireBytes(), got.endNanos() - startNanos, accepted(), Cost.ZERO,
                serverCost);
    }

    /** Waits for the server side, rethrowing what it threw. */
    static <T> T await(CompletableFuture<T> side) throws IOException {
        try {
            return side.get(STUCK_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException(cause));
        } catch (TimeoutException e) {
            throw new IOException("the server side of a run did not finish within " + STUCK_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

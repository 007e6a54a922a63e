package dev.framekit.demos.server;

import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An accepted socket that the server runtime can watch and account: its output stream lets the
 * {@link Watchdog} see a peer that stopped reading ({@link WatchedOutputStream}); its input
 * stream counts the connection's buffers against the {@link MemoryBudget} before each read (the
 * reader reports its buffer's capacity as it changes, {@link #attach}), and
 * waits while shed peers still hold what keeps the server over it ({@link AccountedInputStream});
 * another thread may close it saying why ({@link #closeFor}), with a reset.
 * Made by {@link PeerServerSocket#accept()}.
 */
final class PeerSocket extends Socket implements PeerMemory {
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong handlerHeld = new AtomicLong();
    private InputStream in;
    private volatile WatchedOutputStream out;
    /** The capacity of the connection's reader's buffer (with its decoder's), as the reader last reported it. */
    private volatile int inboundCapacity;
    /** The capacity of the connection's write batch, as the writer last reported it. */
    private volatile int batchCapacity;
    private volatile MemoryBudget.Account account;
    private volatile String closedBecause;

    /** The sockets a {@link SocketLayer} made over peer sockets (TLS), each with the peer socket beneath it. */
    private static final Map<Socket, PeerSocket> LAYERED = new ConcurrentHashMap<>();

    /** The socket a layer made over this one, or null. */
    private volatile Socket layeredAs;

    PeerSocket() {
    }

    /**
     * The peer socket {@code socket} is, or that lies beneath it (a TLS socket a {@link SocketLayer}
     * made over it); null for a socket a {@link FramedServer} did not accept.
     */
    static PeerSocket beneath(Socket socket) {
        return socket instanceof PeerSocket peer ? peer : socket == null ? null : LAYERED.get(socket);
    }

    /** Notes that {@code layered} runs over this socket, so the budget and resets reach this one through it. */
    void layeredAs(Socket layered) {
        layeredAs = layered;
        LAYERED.put(layered, this);
    }

    /** Forgets the layered socket: the connection has ended. */
    void forgetLayer() {
        Socket layered = layeredAs;
        if (layered != null) {
            LAYERED.remove(layered);
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        lock.lock();
        try {
            if (in == null) {
                in = new AccountedInputStream(super.getInputStream(), this);
            }
            return in;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        lock.lock();
        try {
            if (out == null) {
                out = new WatchedOutputStream(super.getOutputStream(), this::recount);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The output stream, for the {@link Watchdog} to see a stalled write; null until the connection writes. */
    WatchedOutputStream watchedOutput() {
        return out;
    }

    /**
     * Closes the connection from another thread (a watchdog, the memory budget), noting why: the
     * connection's own thread, whose read or write then fails, logs {@code reason} as its end.
     * The first reason given is kept.
     */
    void closeFor(String reason) {
        if (closedBecause == null) {
            closedBecause = reason;
        }
        reset();
    }

    /**
     * Closes the connection with a reset: SO_LINGER 0, so the kernel drops the bytes still
     * queued for the peer at once (no FIN-WAIT-1 holding them) and the peer's next read fails
     * with "connection reset". For a peer that misbehaved ({@link ConnectionEnd}); a clean end
     * closes with a FIN.
     */
    void reset() {
        try {
            setSoLinger(true, 0);
        } catch (Throwable ignored) {
            // Already closed: nothing is queued any more.
        }
        ConnectionErrors.closeQuietly(this);
    }

    /** Why {@link #closeFor} closed the connection, or null if it did not. */
    String closedBecause() {
        return closedBecause;
    }

    /**
     * Has the connection's reader and writer report their buffers' capacities to this socket's
     * account as they change; the writer's batch is counted at once, since it grows and shrinks
     * between reads.
     */
    void attach(FrameReader frameReader, FrameWriter frameWriter) {
        frameReader.onBufferResized(capacity -> inboundCapacity = capacity);
        frameWriter.onBatchResized(capacity -> {
            batchCapacity = capacity;
            recount();
        });
    }

    /** Counts this connection against {@code budgetAccount}; shedding it closes it with the budget's reason. */
    void account(MemoryBudget.Account budgetAccount) {
        this.account = budgetAccount;
    }

    /** Gives back what this connection held: it has ended. */
    void closeAccount() {
        MemoryBudget.Account current = account;
        if (current != null) {
            current.close();
        }
    }

    /**
     * Tells the budget what this connection holds now, at the capacity each takes in the heap: its
     * reader's buffer and what its decoder reassembles, its write batch, the write in progress,
     * and what its handler holds for it ({@link #add}).
     *
     * @return false if it was shed (and so closed) to keep the budget
     */
    boolean recount() {
        MemoryBudget.Account current = account;
        if (current == null) {
            return true;
        }
        WatchedOutputStream output = out;
        long bytes = MemoryBudget.heapCost(inboundCapacity) + MemoryBudget.heapCost(batchCapacity)
                + (output == null ? 0 : output.unsent())
                + handlerHeld.get();
        return current.set(bytes);
    }

    /**
     * Before a read: while peers already shed still hold what keeps the server over its budget,
     * waits for them to let go ({@link MemoryBudget.Account#awaitReleases()}).
     */
    void awaitReleases() {
        MemoryBudget.Account current = account;
        if (current != null) {
            current.awaitReleases();
        }
    }

    @Override
    public boolean add(long delta) {
        handlerHeld.addAndGet(delta);
        return recount();
    }
}

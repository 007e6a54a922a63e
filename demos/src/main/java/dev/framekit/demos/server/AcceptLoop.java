package dev.framekit.demos.server;

import dev.framekit.demos.console.NetworkErrors;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Accepts connections until the server closes, and hands each one that fits the budget on. It
 * never stops or spins, whatever accept does: past the connection limit, or while the server is
 * over its memory budget, a peer is closed at once with a log line; out of descriptors, the spare one is given up to accept and close the waiting
 * peer; a failure that repeats waits longer each time, up to a second.
 */
final class AcceptLoop {
    /** The longest pause after a failed accept. */
    private static final long MAX_BACKOFF_MILLIS = 1000;

    private final ServerSocket serverSocket;
    private final DescriptorBudget budget;
    private final MemoryBudget memory;
    private final RefusalLog refusals;
    private final BooleanSupplier closing;

    AcceptLoop(ServerSocket serverSocket, DescriptorBudget budget, MemoryBudget memory, RefusalLog refusals,
            BooleanSupplier closing) {
        this.serverSocket = serverSocket;
        this.budget = budget;
        this.memory = memory;
        this.refusals = refusals;
        this.closing = closing;
    }

    /** Accepts until closed; each accepted socket holds a budget slot, which {@code serve} must release. */
    void run(Consumer<PeerSocket> serve) {
        long backoffMillis = 0;
        while (!closing.getAsBoolean()) {
            PeerSocket socket;
            try {
                socket = (PeerSocket) serverSocket.accept();
                backoffMillis = 0;
            } catch (Error e) {
                // Out of memory accepting: wait a little for memory to come back, then go on.
                backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(10, backoffMillis * 2));
                refusals.refuse("a new connection", ConnectionErrors.describe(e).replace("closed after", "accept failed after")
                        + "; pausing " + backoffMillis + " ms");
                pause(backoffMillis);
                continue;
            } catch (IOException e) {
                if (closing.getAsBoolean()) {
                    return;
                }
                if (FileLimits.isOutOfFiles(e) && budget.withSpareDescriptor(this::refuseOneWaiting)) {
                    continue;
                }
                backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(10, backoffMillis * 2));
                refusals.refuse("a new connection", (FileLimits.isOutOfFiles(e) ? budget.outOfFilesReason()
                        : "accept failed: " + NetworkErrors.describe(e)) + "; pausing " + backoffMillis + " ms");
                pause(backoffMillis);
                continue;
            }
            if (memory.over()) {
                refusals.refuse(peer(socket), memory.fullReason());
                closeQuietly(socket);
                continue;
            }
            if (!budget.tryAcquire()) {
                refusals.refuse(peer(socket), budget.fullReason());
                closeQuietly(socket);
                continue;
            }
            try {
                serve.accept(socket);
            } catch (Throwable e) {
                // Say, out of memory starting its thread: this peer is refused, the loop goes on.
                budget.release();
                socket.closeAccount(); // opened before the thread was started: nobody else would close it
                refusals.refuse(peer(socket), ConnectionErrors.describe(e).replace("closed after", "after"));
                closeQuietly(socket);
            }
        }
    }

    /** Out of descriptors, run on the spare one: accepts one waiting peer and closes it at once; false if that failed too. */
    private boolean refuseOneWaiting() {
        try (Socket socket = serverSocket.accept()) {
            refusals.refuse(peer(socket), budget.outOfFilesReason());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String peer(Socket socket) {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to report: the peer sees its connection end.
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

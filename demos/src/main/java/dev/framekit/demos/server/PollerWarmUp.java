package dev.framekit.demos.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * Sets up the JDK's I/O poller for virtual threads at start-up: the poller needs file descriptors
 * of its own, and left to the first connection it would fail for good if that connection arrived
 * when descriptors had run out. It is set up when a virtual thread first waits on a socket, so
 * one virtual thread connects to a loopback listener and reads; once it signals that it is
 * reading, the other end is closed, which ends the read (through the poller when the read had
 * already parked, as it does unless the close overtakes it by microseconds).
 */
final class PollerWarmUp {
    private PollerWarmUp() {}

    /**
     * Runs the warm-up and returns once the waiting thread has finished.
     *
     * @return what the waiting read returned: -1, the end of stream the close caused
     * @throws IOException if the loopback listener cannot be opened or the read failed
     */
    static int run() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket listener = new ServerSocket(0, 1, loopback)) {
            CountDownLatch reading = new CountDownLatch(1);
            CompletableFuture<Integer> read = new CompletableFuture<>();
            Thread.ofVirtual().name("poller-warm-up").start(() -> {
                int got;
                try (Socket socket = new Socket(loopback, listener.getLocalPort())) {
                    reading.countDown();
                    got = socket.getInputStream().read(); // parks on the poller until the close
                } catch (IOException | RuntimeException e) {
                    reading.countDown();
                    read.completeExceptionally(e);
                    return;
                }
                read.complete(got); // only once the socket is closed: run() returns with nothing open
            });
            try (Socket accepted = listener.accept()) {
                reading.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while setting up the virtual-thread I/O poller", e);
            }
            return await(read);
        }
    }

    private static int await(CompletableFuture<Integer> read) throws IOException {
        try {
            return read.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}

package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Slow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link FramedConnection#close()} from another thread while this connection's reader or writer
 * is busy (what a chat server does to a member that fell behind): the busy thread gets an
 * {@link IOException}, never a {@link RuntimeException} such as netty's
 * {@code IllegalReferenceCountException} from a buffer released under its feet.
 */
@Slow
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConcurrentCloseTest {
    private ServerSocket server;
    private final List<Socket> peers = new ArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void closeEverything() throws IOException {
        for (Socket peer : peers) {
            peer.close();
        }
        server.close();
    }

    @Test
    void closingDuringABlockedReadEndsTheReadWithAnIOException() throws Exception {
        FramedConnection connection = connect();
        CompletableFuture<Throwable> read = outcomeOf(() -> connection.readString());
        Thread.sleep(200); // the reader is now blocked in the socket read
        connection.close();
        assertInstanceOf(IOException.class, read.get(10, TimeUnit.SECONDS));
    }

    @Test
    void closingDuringABlockedLargeWriteEndsTheWriteWithAnIOException() throws Exception {
        FramedConnection connection = connect();
        byte[] big = new byte[64 * 1024 * 1024]; // far more than loopback buffers hold; the peer never reads
        CompletableFuture<Throwable> write = outcomeOf(() -> connection.send(big));
        Thread.sleep(500);
        connection.close();
        assertInstanceOf(IOException.class, write.get(10, TimeUnit.SECONDS));
    }

    @Test
    void closingDuringBlockedBatchedWritesEndsThemWithAnIOException() throws Exception {
        FramedConnection connection = connect();
        byte[] small = new byte[100];
        CompletableFuture<Throwable> writes = outcomeOf(() -> {
            while (true) {
                connection.writer().write(small); // the batch fills, then blocks in the socket write
            }
        });
        Thread.sleep(500);
        connection.close();
        assertInstanceOf(IOException.class, writes.get(10, TimeUnit.SECONDS));
    }

    @Test
    void closingAtRandomMomentsDuringBusyReadsAndWritesNeverThrowsARuntimeException() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            FramedConnection connection = connect();
            Socket peer = peers.get(peers.size() - 1);
            AtomicBoolean stop = new AtomicBoolean();
            Thread chatter = daemon(() -> pump(peer, stop));
            CompletableFuture<Throwable> reads = outcomeOf(() -> {
                while (connection.readByteArray() != null) {
                    // keep reading
                }
            });
            CompletableFuture<Throwable> writes = outcomeOf(() -> {
                byte[] payload = new byte[random.nextInt(40_000)];
                while (true) {
                    connection.writer().write(payload);
                    connection.writer().flush();
                }
            });
            Thread.sleep(random.nextInt(5));
            connection.close();
            Throwable readEnd = reads.get(10, TimeUnit.SECONDS);
            Throwable writeEnd = writes.get(10, TimeUnit.SECONDS);
            stop.set(true);
            chatter.join();
            assertTrue(readEnd == null || readEnd instanceof IOException, () -> "read ended with " + readEnd);
            assertInstanceOf(IOException.class, writeEnd, () -> "write ended with " + writeEnd);
        }
    }

    @Test
    void aReaderClosedByAnotherThreadRefusesFurtherReadsWithAnIOException() throws Exception {
        FramedConnection connection = connect();
        connection.close();
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, connection::readByteArray);
        assertEquals("frame reader is closed", e.getMessage());
        IOException w = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> connection.send("x"));
        assertEquals("frame writer is closed", w.getMessage());
    }

    /** The peer side: sends length-prefixed frames continuously and drains what arrives. */
    private static void pump(Socket peer, AtomicBoolean stop) {
        try (peer) {
            daemon(() -> {
                try (InputStream in = peer.getInputStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // closed
                }
            });
            OutputStream out = peer.getOutputStream();
            byte[] frame = {0, 0, 0, 3, 'a', 'b', 'c'};
            byte[] many = new byte[frame.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(frame, 0, many, i * frame.length, frame.length);
            }
            while (!stop.get()) {
                out.write(many);
            }
        } catch (IOException ignored) {
            // the connection under test was closed
        }
    }

    private FramedConnection connect() throws IOException {
        FramedConnection connection = FramedConnection.connector("127.0.0.1", server.getLocalPort())
                .framer(Framers.lengthPrefixed()).connectTimeout(Duration.ofSeconds(5)).connect();
        peers.add(server.accept());
        return connection;
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "concurrent-close-test");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} on its own thread; completes with what it threw (null if it returned). */
    private static CompletableFuture<Throwable> outcomeOf(Body body) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        daemon(() -> {
            try {
                body.run();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        return outcome;
    }
}

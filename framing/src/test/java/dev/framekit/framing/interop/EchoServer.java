package dev.framekit.framing.interop;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A framekit echo server for one connection on 127.0.0.1: it sends every frame back and records
 * what it received and how the connection ended.
 */
final class EchoServer implements AutoCloseable {
    /** What the connection carried: the frames, then the exception it ended with (or null). */
    record Received(List<byte[]> frames, IOException failure) {}

    private final ServerSocket server;
    private final CompletableFuture<Received> received = new CompletableFuture<>();

    EchoServer(Framer framer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(framer), "echo server " + framer);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for the connection to end. */
    Received received() throws Exception {
        return received.get(40, TimeUnit.SECONDS);
    }

    private void serve(Framer framer) {
        List<byte[]> frames = new ArrayList<>();
        try (FramedConnection connection = FramedConnection.of(server.accept(), framer)) {
            byte[] frame;
            while ((frame = connection.readByteArray()) != null) {
                frames.add(frame);
                connection.send(frame);
            }
            received.complete(new Received(frames, null));
        } catch (IOException e) {
            received.complete(new Received(frames, e));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

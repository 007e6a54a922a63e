package dev.framekit.demos.bus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay to {@code target} that a test can cut, as a network partition would: while
 * cut, every connection through it is closed and each new one is closed as soon as it is accepted;
 * once healed, connections pass again.
 */
final class CutProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    private CutProxy(int target) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        Thread.ofVirtual().name("cut-proxy").start(this::accept);
    }

    /** Listens on a free loopback port and relays to {@code target} there. */
    static CutProxy to(int target) throws IOException {
        return new CutProxy(target);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every connection through it, and each new one, until {@link #heal}. */
    void cut() {
        cut = true;
        open.forEach(CutProxy::quietly);
        open.clear();
    }

    void heal() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    quietly(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // cut, or the other side closed: close both below
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing what is already gone
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}

package dev.framekit.demos.support;

import java.io.IOException;
import java.net.Socket;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Raw sockets a test opens to the server under test on 127.0.0.1, closed together when the test ends. */
public final class RawSockets implements AutoCloseable, Iterable<Socket> {
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /** Connects to 127.0.0.1:{@code port}; safe to call from several threads. */
    public Socket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        sockets.add(socket);
        return socket;
    }

    /** The {@code index}-th socket opened. */
    public Socket get(int index) {
        return sockets.get(index);
    }

    /** The sockets opened so far, in order. */
    @Override
    public Iterator<Socket> iterator() {
        return sockets.iterator();
    }

    /** Closes every socket opened here. */
    @Override
    public void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}

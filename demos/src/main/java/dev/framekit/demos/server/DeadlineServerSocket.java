package dev.framekit.demos.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;

/** A listening socket whose accepted connections are {@link DeadlineSocket}s, with {@link KeepAlive} on. */
final class DeadlineServerSocket extends ServerSocket {
    private final Duration idleTimeout;
    private final Duration frameTimeout;

    DeadlineServerSocket(Duration idleTimeout, Duration frameTimeout) throws IOException {
        this.idleTimeout = idleTimeout;
        this.frameTimeout = frameTimeout;
    }

    @Override
    public DeadlineSocket accept() throws IOException {
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        DeadlineSocket socket = new DeadlineSocket(idleTimeout, frameTimeout);
        implAccept(socket);
        KeepAlive.apply(socket);
        return socket;
    }
}

package dev.framekit.demos.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketException;

/** A listening socket whose accepted connections are {@link PeerSocket}s, with {@link KeepAlive} on. */
final class PeerServerSocket extends ServerSocket {
    PeerServerSocket() throws IOException {
    }

    @Override
    public PeerSocket accept() throws IOException {
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        PeerSocket socket = new PeerSocket();
        implAccept(socket);
        KeepAlive.apply(socket);
        return socket;
    }
}

package dev.framekit.demos.server;

import java.io.IOException;
import java.net.Socket;

/**
 * What a server puts between an accepted socket and its framed connection, such as TLS
 * ({@code dev.framekit.demos.tls.ServerTls}). The layer reads and writes through the accepted
 * socket's streams, so the server's rules (the memory budget, the write watchdog, resets) keep
 * holding beneath it.
 */
@FunctionalInterface
public interface SocketLayer {
    /**
     * The socket the connection runs over, made on {@code accepted} (ready: a handshake is done).
     *
     * @throws IOException if the peer cannot be served; its message is the one line the server
     *     logs, and the peer is reset
     */
    Socket over(Socket accepted) throws IOException;

    /**
     * The bytes the layer holds for each connection (its own buffers), counted against the
     * server's memory budget from before {@link #over} until the connection ends.
     */
    default long bytesHeld() {
        return 0;
    }
}

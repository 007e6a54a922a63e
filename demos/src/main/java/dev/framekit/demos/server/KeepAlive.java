package dev.framekit.demos.server;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketOption;
import jdk.net.ExtendedSocketOptions;

/**
 * TCP keepalive on every accepted connection, with short settings, so that a half-open peer (its
 * link cut, its machine gone) is noticed and its connection reclaimed within about a minute:
 * after {@value #IDLE_SECONDS} s without traffic the kernel probes every {@value #INTERVAL_SECONDS}
 * s, and after {@value #COUNT} unanswered probes the connection fails with a reset, which ends the
 * connection's read (a chat member then leaves and its name is freed). Where the platform lacks
 * the extended options (TCP_KEEPIDLE, TCP_KEEPINTERVAL, TCP_KEEPCOUNT) the system's own keepalive
 * timing applies (on Linux, two hours by default).
 */
final class KeepAlive {
    /** Seconds of silence before the first probe. */
    static final int IDLE_SECONDS = 30;
    /** Seconds between probes. */
    static final int INTERVAL_SECONDS = 10;
    /** Unanswered probes before the connection is given up. */
    static final int COUNT = 3;

    private KeepAlive() {}

    /** Turns keepalive on for {@code socket} with the short settings where supported; never fails the connection. */
    static void apply(Socket socket) {
        try {
            socket.setKeepAlive(true);
            set(socket, ExtendedSocketOptions.TCP_KEEPIDLE, IDLE_SECONDS);
            set(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, INTERVAL_SECONDS);
            set(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, COUNT);
        } catch (IOException | UnsupportedOperationException e) {
            // Keepalive is a safety net: a connection without it is still served.
        }
    }

    private static void set(Socket socket, SocketOption<Integer> option, int value) throws IOException {
        if (socket.supportedOptions().contains(option)) {
            socket.setOption(option, value);
        }
    }
}

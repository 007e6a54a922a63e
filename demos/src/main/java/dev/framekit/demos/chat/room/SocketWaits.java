package dev.framekit.demos.chat.room;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Every socket read timeout the chat sets, in one place. */
public final class SocketWaits {
    /** What {@link #shorten} returns when it left the timeout as it was. */
    public static final int UNCHANGED = -1;

    private SocketWaits() {}

    /** Makes reads on {@code socket} end after {@code wait} unless its own timeout is shorter; returns what to {@link #restore}. */
    public static int shorten(Socket socket, Duration wait) {
        try {
            int own = socket.getSoTimeout();
            if (own == 0 || own > wait.toMillis()) {
                socket.setSoTimeout((int) wait.toMillis());
                return own;
            }
        } catch (SocketException closed) {
            // The read that follows says so.
        }
        return UNCHANGED;
    }

    /** Gives {@code socket} back the timeout {@link #shorten} returned. */
    public static void restore(Socket socket, int own) {
        try {
            if (own != UNCHANGED && !socket.isClosed()) {
                socket.setSoTimeout(own);
            }
        } catch (SocketException closed) {
            // Nothing to give back.
        }
    }

    /** Reads and drops what the peer still sends, for at most a second: closing on unread bytes would reset the reply. */
    static void drain(Socket socket) throws IOException {
        socket.setSoTimeout(1000);
        long deadline = System.nanoTime() + 1_000_000_000L;
        try {
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[8192];
            while (System.nanoTime() < deadline && in.read(sink) >= 0) {
                // Dropped.
            }
        } catch (SocketTimeoutException e) {
            // The peer kept the connection open; it is closed now.
        }
    }
}

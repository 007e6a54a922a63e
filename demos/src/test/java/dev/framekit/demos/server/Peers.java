package dev.framekit.demos.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Small raw-socket moves the server-limit tests share: a length-prefixed echo, and "was I closed?". */
final class Peers {
    private Peers() {}

    /** Sends {@code text} length-prefixed and returns the echoed payload, or null if the server closed instead. */
    static String echo(Socket socket, String text) throws IOException {
        byte[] payload = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            socket.getOutputStream().write(ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array());
            socket.setSoTimeout(10_000);
            byte[] reply = socket.getInputStream().readNBytes(4 + payload.length);
            if (reply.length < 4 + payload.length) {
                return null;
            }
            return new String(Arrays.copyOfRange(reply, 4, reply.length), java.nio.charset.StandardCharsets.UTF_8);
        } catch (SocketException closed) {
            return null;
        }
    }

    /** Whether the server closes {@code socket} within {@code millis}: end of stream or a reset. */
    static boolean closedWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }
}

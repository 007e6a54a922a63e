package dev.framekit.demos.console;

import dev.framekit.demos.options.Durations;
import dev.framekit.demos.options.OptionTerms;
import dev.framekit.framing.FrameTimeoutException;
import dev.framekit.framing.FramingException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns the exceptions of expected network conditions into one clear line, never a stack trace. */
public final class NetworkErrors {
    private NetworkErrors() {}

    /** Describes {@code e} in one line: what happened, in words a user acts on. */
    public static String describe(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof FrameTimeoutException late) {
            long arrived = late.bytesReceived();
            return "a frame was still incomplete after " + Durations.format(late.deadline()) + " (" + arrived
                    + (arrived == 1 ? " byte" : " bytes") + " of it arrived)";
        }
        if (e instanceof FramingException) {
            return OptionTerms.of(message); // a hint such as "raise it with withMaxFrameLength(n)" names --max-frame
        }
        if (e instanceof SocketTimeoutException) {
            return message.startsWith("cannot connect") ? message : "timed out waiting for the peer (" + message + ")";
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return message;
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host (check the address, and that both machines are on the same network)";
        }
        if (e instanceof EOFException) {
            return "the peer closed the connection early";
        }
        if (e instanceof SocketException) {
            String lower = message.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("connection timed out")) {
                // ETIMEDOUT on an open connection: keepalive probes or retransmissions went unanswered.
                return "the peer stopped answering: connection timed out";
            }
            if (lower.contains("reset")) {
                return "connection reset by the peer";
            }
            if (lower.contains("broken pipe")) {
                return "the peer closed the connection (broken pipe)";
            }
            if (lower.contains("socket closed")) {
                return "connection closed";
            }
            return message;
        }
        return e.getClass().getSimpleName() + ": " + message;
    }
}

package dev.framekit.demos.load;

import dev.framekit.framing.FramingException;
import dev.framekit.framing.MessageRefusedException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** What went wrong, counted separately in the load report. */
enum ErrorKind {
    /** Nothing listens there, or the server's backlog overflowed. */
    REFUSED("refused"),
    /** The peer reset the connection. */
    RESET("reset"),
    /** No connection or no reply within --timeout. */
    TIMEOUT("timeout"),
    /** The peer closed the connection before every reply arrived. */
    CLOSED("closed early"),
    /** The reply did not fit the framing rule (too long, truncated). */
    FRAMING("framing"),
    /** The framer refused to send a message of the chosen size and framing. */
    UNSENDABLE("unsendable"),
    /** An echo differed from what was sent. */
    CORRUPT("corrupt"),
    /** An intact echo of another message: lost, duplicated or reordered. */
    OUT_OF_ORDER("out of order"),
    /** Anything else. */
    OTHER("other");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The word the report uses. */
    String label() {
        return label;
    }

    /** Whether this kind is a failed verification of an echo, rather than a failed connection. */
    boolean isVerification() {
        return this == CORRUPT || this == OUT_OF_ORDER;
    }

    /** Sorts a network or framing failure into its kind. */
    static ErrorKind of(IOException e) {
        if (e instanceof MessageRefusedException) {
            return UNSENDABLE;
        }
        if (e instanceof FramingException) {
            return FRAMING;
        }
        if (e instanceof SocketTimeoutException) {
            return TIMEOUT;
        }
        if (e instanceof ConnectException) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return message.contains("timed out") ? TIMEOUT : REFUSED;
        }
        if (e instanceof EOFException) {
            return CLOSED;
        }
        if (e instanceof SocketException) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("reset")) {
                return RESET;
            }
            if (message.contains("broken pipe") || message.contains("socket closed")) {
                return CLOSED;
            }
        }
        return OTHER;
    }
}

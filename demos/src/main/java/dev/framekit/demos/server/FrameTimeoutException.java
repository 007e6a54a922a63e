package dev.framekit.demos.server;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A frame that began to arrive but was not complete within {@code --frame-timeout}: the defence
 * against a slowloris peer, which trickles a frame one byte at a time and so never trips a plain
 * read timeout.
 */
public final class FrameTimeoutException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    /**
     * Describes a frame still incomplete after {@code timeout}.
     *
     * @param timeout the frame timeout that ran out
     * @param bytesArrived how many bytes of the frame had arrived
     */
    public FrameTimeoutException(Duration timeout, int bytesArrived) {
        super("a frame was still incomplete after " + describe(timeout) + " (" + bytesArrived
                + (bytesArrived == 1 ? " byte" : " bytes") + " of it arrived); closed it (--frame-timeout)");
    }

    /** {@code 30 s}, or {@code 1500 ms} when not whole seconds. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}

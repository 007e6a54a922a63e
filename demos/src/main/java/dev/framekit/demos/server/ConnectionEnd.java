package dev.framekit.demos.server;

import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.framing.FrameTimeoutException;
import dev.framekit.framing.FramingException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * How one connection ended: the log line, and whether the peer misbehaved, in which case the
 * server closes it with a reset, not a FIN ({@link PeerSocket#reset()}). Every server (echo,
 * reverse, chat and its web port, http) ends its connections through this one decision:
 *
 * <pre>
 * how it ended                                   closed with
 * the handler returned (peer closed, /quit)      FIN
 * silent for --idle-timeout                      FIN
 * server stopping, the peer reset or went away   FIN
 * an internal error (one line, no stack trace)   FIN
 * a frame late (--frame-timeout)                 RST
 * a protocol error (a bad frame, an HTTP 4xx)    RST
 * stopped reading (--write-timeout), or shed     RST (by {@link PeerSocket#closeFor}, at once)
 * acknowledged nothing sent (--write-timeout)    RST (by {@link PeerSocket#closeFor}: half-open)
 * </pre>
 *
 * A reset frees the bytes queued for the peer in the kernel at once (a peer that stopped reading
 * would otherwise pin them in FIN-WAIT-1 for minutes) and tells the peer at once: its next read
 * fails, where after a FIN it would wait for bytes that never come. nginx's
 * {@code reset_timedout_connection} does the same.
 *
 * @param line what the server logs after the peer's address and figures
 * @param reset whether the peer misbehaved and is reset
 */
record ConnectionEnd(String line, boolean reset) {
    /** A clean end: the handler returned. */
    static final ConnectionEnd CLEAN = new ConnectionEnd("ended cleanly", false);

    /** A peer that misbehaved, closed for {@code reason}: reset. */
    static ConnectionEnd misbehaved(String reason) {
        return new ConnectionEnd(reason, true);
    }

    /** How a connection whose handler threw {@code e} ended. */
    static ConnectionEnd of(Throwable e, Duration idleTimeout, boolean serverStopping) {
        if (e instanceof FrameTimeoutException late) {
            return misbehaved(NetworkErrors.describe(late) + "; closed it (--frame-timeout)");
        }
        if (e instanceof SocketTimeoutException) {
            return new ConnectionEnd("idle for " + idleTimeout.toSeconds() + " s; closed it (--idle-timeout)", false);
        }
        if (serverStopping && e instanceof IOException) {
            return new ConnectionEnd("closed: server stopping", false);
        }
        if (e instanceof FramingException bad) {
            return misbehaved("closed: " + NetworkErrors.describe(bad));
        }
        if (e instanceof IOException gone) {
            return new ConnectionEnd("closed: " + NetworkErrors.describe(gone), false);
        }
        return new ConnectionEnd(ConnectionErrors.describe(e), false);
    }
}

package dev.framekit.demos.chat;

import java.net.Socket;
import java.net.SocketException;

/**
 * Times the silence of a new peer that has sent part of its first frame. The first time such
 * bytes arrive ({@link PeerCheck} says so, on the reading thread), the peer is no longer silent
 * (its {@link Arrival} is not joined as a guest) and the socket's read timeout becomes
 * {@link Arrival#GRACE}, so that a read the peer leaves waiting longer than that ends;
 * {@link #stop()} gives the socket its own timeout back. A silent peer, or one whose first read
 * holds a whole frame, is never timed: its reader waits in one read, which costs a virtual thread
 * least. Used by the reading thread only.
 */
final class FirstFrameWatch {
    private static final int NOT_TIMING = -1;

    private final Socket socket;
    private final Arrival arrival;
    private int ownTimeout = NOT_TIMING;

    FirstFrameWatch(Socket socket, Arrival arrival) {
        this.socket = socket;
        this.arrival = arrival;
    }

    /** Part of a first frame has arrived: the peer is not silent; its silence is timed from now on. */
    void partialFirstFrame() {
        if (!arrival.heard()) {
            return; // joined as a guest already, or refused: nothing to time
        }
        try {
            int own = socket.getSoTimeout();
            int grace = (int) Arrival.GRACE.toMillis();
            if (own == 0 || own > grace) { // a shorter --idle-timeout closes the peer first
                socket.setSoTimeout(grace);
                ownTimeout = own;
            }
        } catch (SocketException closed) {
            // The read that follows says so.
        }
    }

    /** Whether a read timeout now is the peer's silence after part of a first frame. */
    boolean timing() {
        return ownTimeout != NOT_TIMING;
    }

    /** Stops timing: the socket has its own read timeout again. */
    void stop() {
        if (!timing()) {
            return;
        }
        try {
            if (!socket.isClosed()) {
                socket.setSoTimeout(ownTimeout);
            }
        } catch (SocketException closed) {
            // Nothing to give back.
        }
        ownTimeout = NOT_TIMING;
    }
}

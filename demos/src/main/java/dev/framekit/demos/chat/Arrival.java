package dev.framekit.demos.chat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new connection on its way into the room. It joins once: when its first frame arrives (as
 * the name it asks for, if that frame is {@code /nick NAME}), or, if it sends nothing at all for
 * the grace time, as a guest (a person on {@code nc} who just listens). A peer that has sent
 * part of a frame is not a silent peer: it joins with its first frame or not at all. A peer
 * found speaking another protocol or framing before it joins is {@link #refuse() refused} and
 * never joins: the room sees nothing.
 *
 * <p>Who tells that the grace has passed in silence depends on the transport: a stream reader
 * times its own first read out and calls {@link #joinSilent()}; a reader that cannot time out a
 * read (a WebSocket's, which has nothing half-sent to tell apart) starts {@link #joinSilentAfter}.
 */
final class Arrival {
    /** How long a silent new connection waits before it joins as a guest. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private static final int WAITING = 0;
    private static final int JOINED = 1;
    private static final int REFUSED = 2;

    private final ChatRoom room;
    private final Member member;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private volatile Thread timer;

    /** {@code member}'s arrival; it joins by {@link #join}, {@link #joinSilent()} or {@link #joinSilentAfter}. */
    Arrival(ChatRoom room, Member member) {
        this.room = room;
        this.member = member;
    }

    /** Starts a timer that joins the member as a guest after {@code grace}, unless it has joined or been refused by then. */
    void joinSilentAfter(Duration grace) {
        timer = Thread.ofVirtual().name("chat-arrival-" + member.peer()).start(() -> {
            try {
                Thread.sleep(grace);
                joinSilent();
            } catch (InterruptedException e) {
                // Joined or refused meanwhile.
            }
        });
    }

    /**
     * The peer has sent nothing for the grace time: it joins as a guest, unless already joined
     * or refused.
     *
     * @return whether this call joined
     */
    boolean joinSilent() {
        return join(null);
    }

    /**
     * Joins the room as {@code wanted} (or a guest, if null or refused), unless already joined
     * or refused.
     *
     * @return whether this call joined
     */
    boolean join(String wanted) {
        if (!state.compareAndSet(WAITING, JOINED)) {
            return false;
        }
        stopTimer();
        room.join(member, wanted);
        return true;
    }

    /** Whether the member is in the room (or has been, and left). */
    boolean joined() {
        return state.get() == JOINED;
    }

    /**
     * Refuses the peer before it joins.
     *
     * @return true if it had not joined: nobody in the room knows of it
     */
    boolean refuse() {
        if (!state.compareAndSet(WAITING, REFUSED)) {
            return false;
        }
        stopTimer();
        return true;
    }

    private void stopTimer() {
        Thread running = timer;
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
        }
    }
}

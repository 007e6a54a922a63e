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
 * <p>The grace is timed by {@link #joinSilentAfter}, on a short-lived thread of its own, so that
 * the member's reader waits in one read for as long as the member stays (a virtual thread that
 * wakes and waits again deeper keeps more stack memory). The reader says when part of a first
 * frame has arrived ({@link #heard()}); from then on only that frame joins the member.
 */
final class Arrival {
    /** How long a silent new connection waits before it joins as a guest. */
    static final Duration GRACE = Duration.ofSeconds(2);

    /** Nothing received yet: the grace may join it as a guest. */
    private static final int WAITING = 0;
    /** Part of a first frame received: it joins with that frame, or not at all. */
    private static final int SPEAKING = 1;
    private static final int JOINED = 2;
    private static final int REFUSED = 3;

    private final ChatRoom room;
    private final Member member;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private volatile Thread timer;

    /** {@code member}'s arrival; it joins by {@link #join}, or as a guest by {@link #joinSilentAfter}. */
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
     * The peer has sent nothing for the grace time: it joins as a guest, unless it has joined,
     * been refused, or sent part of a frame meanwhile.
     *
     * @return whether this call joined
     */
    private boolean joinSilent() {
        return enter(WAITING, null);
    }

    /**
     * Part of a first frame has arrived: the peer is not silent, and the grace no longer joins it.
     *
     * @return true the first time, while it had not joined nor been refused
     */
    boolean heard() {
        return state.compareAndSet(WAITING, SPEAKING);
    }

    /**
     * Joins the room as {@code wanted} (or a guest, if null or refused), unless already joined
     * or refused.
     *
     * @return whether this call joined
     */
    boolean join(String wanted) {
        return enter(WAITING, wanted) || enter(SPEAKING, wanted);
    }

    private boolean enter(int from, String wanted) {
        if (!state.compareAndSet(from, JOINED)) {
            return false;
        }
        stopTimer();
        room.join(member, wanted);
        return true;
    }

    /**
     * Refuses the peer before it joins.
     *
     * @return true if it had not joined: nobody in the room knows of it
     */
    boolean refuse() {
        if (!state.compareAndSet(WAITING, REFUSED) && !state.compareAndSet(SPEAKING, REFUSED)) {
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

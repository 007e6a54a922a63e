package dev.framekit.demos.chat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new connection on its way into the room. It joins once: when its first frame arrives (as
 * the name it asks for, if that frame is {@code /nick NAME}), or when it has been quiet for the
 * grace time (a person on {@code nc} who just listens). A peer found speaking another protocol
 * or framing before either is {@link #refuse() refused} and never joins: the room sees nothing.
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
    private final Thread timer;

    /** Starts the grace time for {@code member}. */
    Arrival(ChatRoom room, Member member, Duration grace) {
        this.room = room;
        this.member = member;
        this.timer = Thread.ofVirtual().name("chat-arrival-" + member.peer()).start(() -> {
            try {
                Thread.sleep(grace);
                join(null);
            } catch (InterruptedException e) {
                // Joined or refused meanwhile.
            }
        });
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
        timer.interrupt();
        room.join(member, wanted);
        return true;
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
        timer.interrupt();
        return true;
    }
}

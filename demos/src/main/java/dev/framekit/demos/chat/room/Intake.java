package dev.framekit.demos.chat.room;

import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.framing.FrameTimeoutException;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramingException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A member's way into the room and every line it says, whatever the transport. It joins once:
 * with its first line (as {@code NAME} if that is {@code /nick NAME}), or, if it sends nothing at
 * all for {@link #GRACE}, as a guest (someone on {@code nc} who only listens). A peer that sent
 * part of a frame ({@link #heard()}) joins with that frame or not at all; one found speaking
 * another protocol is {@link #refuse() refused}, unseen by the room. Past a flood limit its
 * reader is slowed, with one notice; while another member is behind, the room holds it back.
 * The grace is timed on a short-lived thread of its own, so that the member's reader waits in
 * one read for as long as the member stays.
 */
public final class Intake {
    /** How long a silent new connection waits before it joins as a guest. */
    public static final Duration GRACE = Duration.ofSeconds(2);

    private static final int WAITING = 0;
    private static final int SPEAKING = 1;
    private static final int JOINED = 2;
    private static final int REFUSED = 3;

    private final ChatRoom room;
    private final Member member;
    private final FloodControl flood;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final Thread timer;
    private boolean spoke;

    /** Starts {@code member}'s arrival: the grace starts now. */
    public Intake(ChatRoom room, Member member, FloodControl.Limits flood) {
        this.room = room;
        this.member = member;
        this.flood = flood.start();
        this.timer = Thread.ofVirtual().name("chat-arrival-" + member.peer()).start(() -> {
            try {
                Thread.sleep(GRACE);
                enter(WAITING, null);
            } catch (InterruptedException e) {
                // Joined or refused meanwhile.
            }
        });
    }

    /** Part of a first frame has arrived; true the first time, if it had neither joined nor been refused. */
    public boolean heard() {
        return state.compareAndSet(WAITING, SPEAKING);
    }

    /** Whether a line has been taken. */
    public boolean spoke() {
        return spoke;
    }

    /** Refuses the peer before it joins; true if it had not joined (nobody in the room knows of it). */
    public boolean refuse() {
        boolean refused = state.compareAndSet(WAITING, REFUSED) || state.compareAndSet(SPEAKING, REFUSED);
        timer.interrupt();
        return refused;
    }

    /** Whether the peer was {@linkplain #refuse() refused} before it joined. */
    public boolean refused() {
        return state.get() == REFUSED;
    }

    /** Takes one line: the first joins the member, the others go to the room; false after {@code /quit}. */
    public boolean take(String line) {
        ChatCommand command = ChatCommand.parse(line);
        if (!spoke) {
            spoke = true;
            String wanted = command instanceof ChatCommand.Nick nick ? nick.name() : null;
            if (enter(WAITING, wanted) || enter(SPEAKING, wanted)) {
                return true;
            }
        }
        flood.pace(room, member, line, "your connection is");
        return room.handle(member, command);
    }

    private boolean enter(int from, String wanted) {
        if (!state.compareAndSet(from, JOINED)) {
            return false;
        }
        if (Thread.currentThread() != timer) {
            timer.interrupt();
        }
        room.join(member, wanted);
        return true;
    }

    /**
     * Why a connection ended with {@code e}, as the room is told it ({@code -- guest3 left (...)}):
     * the library's wording (limits, hex previews) goes to the server log only.
     */
    public static String leaveReason(IOException e) {
        if (e instanceof FrameTimeoutException) {
            return "took too long to finish a line";
        } else if (e instanceof FrameTooLongException tooLong) {
            return "sent a line longer than " + tooLong.maxFrameLength() + " bytes";
        }
        return e instanceof FramingException ? "spoke a different framing" : NetworkErrors.describe(e);
    }
}

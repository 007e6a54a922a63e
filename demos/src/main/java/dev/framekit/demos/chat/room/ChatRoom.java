package dev.framekit.demos.chat.room;

import dev.framekit.demos.console.Console;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The chat room: who is in it, their unique names, and every line between them. Every line is
 * queued to every recipient under one lock, so all see the same order; queuing never blocks, but
 * a sender waits, outside the lock, while another member is behind ({@link Backpressure}).
 *
 * <p>The room owns each member's time in it: {@link #join} lets it in; it leaves exactly once, by
 * {@code /quit} (the room {@linkplain Member#close closes} it), by {@link #leave}, or dropped (the
 * room {@linkplain Member#disconnect disconnects} it): stalled while behind, or shed by the memory
 * budget. What a call does happens under the lock in one {@link Turn}; members it drops are
 * disconnected after the lock is released, one after another, never by re-entering.
 */
public final class ChatRoom {
    /** What every member is told when the server stops: {@link Signal.ShuttingDown}. */
    public static final String SHUTTING_DOWN = new Signal.ShuttingDown().line();

    private static final String SHED = "disconnected: too far behind, the server is short of memory (--max-memory)";

    private final ReentrantLock lock = new ReentrantLock();
    private final Roster members = new Roster();
    private final Console log;
    private final Predicate<String> deliverable;
    private final String tooLongHint;
    private final History history;
    private final Backpressure pressure;
    private volatile FileHook files = FileHook.NONE;
    private volatile RoomLink link = RoomLink.NONE;
    /** Set by {@link #shutDown}: the last thing a member is told is that the server is shutting down. */
    private boolean closing;

    /**
     * @param deliverable whether a line can be framed to members ({@link FrameSplitter#deliverable}): the one place asked
     * @param tooLongHint what to tell a member whose line could not be framed
     * @param historyLines how many last messages a member who joins is sent, marked as history
     * @param pressure holds senders back while a member is behind
     */
    public ChatRoom(Console log, Predicate<String> deliverable, String tooLongHint, int historyLines, Backpressure pressure) {
        this.log = log;
        this.deliverable = deliverable;
        this.tooLongHint = tooLongHint;
        this.history = new History(historyLines, History.MAX_BYTES);
        this.pressure = pressure;
    }

    /**
     * Adds a member and announces it: as {@code wanted} (may be null) if that is a free valid name
     * (the member is sent {@link Signal.Named}), else as a fresh guest, told why.
     */
    public void join(Member member, String wanted) {
        String claimRefusal = wanted == null || Names.problem(wanted) != null ? null : link.refusal(new ChatCommand.Nick(wanted));
        act(turn -> {
            if (closing) { // arrived while the server says goodbye: nobody is told of it
                tell(member, SHUTTING_DOWN, turn);
                member.close(Outbound.Close.GOING_AWAY);
                return;
            }
            String refusal = wanted == null ? null : claimRefusal != null ? claimRefusal : members.nameRefusal(member, wanted);
            String name = wanted == null || refusal != null ? members.guest(link) : wanted;
            member.rename(name);
            member.pacedBy(pressure);
            members.add(member);
            sendToOthers(member, new RoomEvent.Joined(name), turn);
            tell(member, "-- welcome, " + name + "; " + (members.size() - 1)
                    + " other(s) here. /nick NAME to choose a name, /help for commands", turn);
            if (wanted != null) {
                tell(member, refusal == null ? new Signal.Named(name).line() : "-- " + refusal, turn);
            }
            for (String line : history.marked()) {
                tell(member, line, turn);
            }
            roster(turn);
            turn.logLines.add(member.peer() + " joined as " + name);
        });
    }

    /**
     * The member's connection ended: it leaves, with {@code reason} (may be empty), unless it already
     * has; one that took none of its lines for the write timeout (the server closed it) leaves as stalled.
     */
    public void leave(Member member, String reason) {
        act(turn -> remove(member, pressure.stalled(member) ? pressure.stallReason : reason, turn));
    }

    /** Handles one line from {@code member}, as {@link #handle(Member, ChatCommand)} does. */
    public boolean handle(Member member, String line) {
        return handle(member, ChatCommand.parse(line));
    }

    /**
     * Handles one command, once no other member is behind (one stalled meanwhile is dropped); one
     * from a member that has left (a send-and-close client may post after /quit), or once the
     * server is {@linkplain #shutDown shutting down}, changes nothing.
     *
     * @return false if the member asked to leave
     */
    public boolean handle(Member member, ChatCommand command) {
        pressure.await(member, stalled -> act(turn -> turn.drops.put(stalled, pressure.stallReason)));
        String refusal = link.refusal(command);
        ChatCommand checked = refusal == null ? command : new ChatCommand.Invalid(refusal);
        boolean[] stays = {true};
        act(turn -> stays[0] = closing || (members.present(member) ? apply(member, checked, turn)
                : !(command instanceof ChatCommand.Quit)));
        return stays[0];
    }

    /**
     * The server is stopping: every member is told {@link #SHUTTING_DOWN} and closed after it
     * ({@link Outbound.Close#GOING_AWAY}), then this waits {@code flush} for their writers. Leaves
     * that follow are logged, not announced; a connection arriving meanwhile is told it, not joined.
     * Senders waiting for a member behind go on.
     */
    public void shutDown(Duration flush) {
        act(turn -> {
            closing = true;
            pressure.close();
            for (Member member : members.all()) {
                tell(member, SHUTTING_DOWN, turn);
                member.close(Outbound.Close.GOING_AWAY);
            }
            turn.logLines.add("telling " + members.size() + " member(s) the server is shutting down");
        });
        LockSupport.parkNanos(flush.toNanos());
    }

    /** Hands file commands and leaving members to {@code files} from now on. */
    public void files(FileHook files) { this.files = files; }
    /** Joins this room to the same room on other servers; before the first member joins. */
    public void link(RoomLink link) { this.link = link; }

    /**
     * {@code event} was said on another server: the members here are told (a private message, its
     * recipient alone), and a line is kept in the history; one that cannot be framed here is logged, not sent.
     */
    public void heard(RoomEvent event) {
        act(turn -> {
            String line = SafeText.clean(event.line());
            if (!deliverable.test(line)) {
                turn.logLines.add("bus: a line from another server does not fit the framing here, not sent: " + line);
            } else if (event instanceof RoomEvent.Private message) {
                Member to = members.get(message.to());
                if (to != null) {
                    tell(to, line, turn);
                }
            } else if (!closing) {
                members.all().forEach(member -> queue(member, line, true, turn));
                if (event.kept()) {
                    history.add(line);
                }
            }
        });
    }

    /** A member here whose name ({@code key}) another server took while this one was cut off becomes a guest, told why. */
    public void nameLost(String key) {
        act(turn -> Optional.ofNullable(members.get(key)).filter(member -> !closing).ifPresent(member -> {
            tell(member, "-- the name " + member.name() + " was taken on another server while this one was cut off", turn);
            rename(member, members.guest(link), turn);
        }));
    }

    /** Tells {@code member} alone. */
    public void reply(Member member, String line) {
        act(turn -> tell(member, line, turn));
    }

    /** Names of everyone in the room. */
    public List<String> names() {
        return locked(members::names);
    }

    /** Runs {@code action} as one turn under the lock, then settles the turn. */
    private void act(Consumer<Turn> action) {
        Turn turn = new Turn();
        locked(() -> {
            action.accept(turn);
            return null;
        });
        settle(turn);
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Carries out one command of a member who is present. Call with the lock held. */
    private boolean apply(Member member, ChatCommand command, Turn turn) {
        switch (command) {
            case ChatCommand.Say say -> {
                if (!say.text().isEmpty()) {
                    broadcast(member, new RoomEvent.Said(member.name(), say.text()), turn);
                }
            }
            case ChatCommand.Me me -> broadcast(member, new RoomEvent.Acted(member.name(), me.action()), turn);
            case ChatCommand.Nick nick -> rename(member, nick.name(), turn);
            case ChatCommand.Who who -> tell(member, link.who(members.names()), turn);
            case ChatCommand.Msg msg -> privateMessage(member, msg, turn);
            case ChatCommand.Help help -> List.of(ChatCommand.Help.LINES).forEach(line -> tell(member, line, turn));
            case ChatCommand.File file -> files.command(member, file,
                    new FileHook.Reach(name -> members.get(Names.key(name)), (to, line) -> tell(to, line, turn)));
            case ChatCommand.Invalid invalid -> tell(member, "-- " + invalid.problem(), turn);
            case ChatCommand.Quit quit -> {
                tell(member, "-- bye, " + member.name(), turn);
                remove(member, "quit", turn);
                member.close(Outbound.Close.BYE);
                return false;
            }
        }
        return true;
    }

    /** Whether {@code line} can be framed; if not, the sender is told. Call with the lock held. */
    private boolean fits(Member from, String line, Turn turn) {
        if (deliverable.test(line)) {
            return true;
        }
        tell(from, "-- not sent: " + tooLongHint, turn);
        return false;
    }

    /**
     * Sends a message or action to everyone else (and back to a web member: it must fit too, as
     * the WebSocket limit is the room's) and keeps it in the history.
     */
    private void broadcast(Member from, RoomEvent event, Turn turn) {
        String line = event.line();
        String sent = new Signal.Sent(line).line();
        if (fits(from, from.isPage() ? sent : line, turn)) {
            sendToOthers(from, event, turn);
            if (from.isPage()) {
                tell(from, sent, turn);
            }
            history.add(SafeText.clean(line));
        }
    }

    private void rename(Member member, String name, Turn turn) {
        String old = member.name();
        String refusal = name.equals(old) ? "you are already " + name : members.nameRefusal(member, name);
        if (refusal != null) {
            tell(member, "-- " + refusal, turn);
            return;
        }
        members.remove(member);
        member.rename(name);
        members.add(member);
        sendToOthers(member, new RoomEvent.Renamed(old, name), turn);
        tell(member, new Signal.Named(name).line(), turn);
        turn.logLines.add(member.peer() + " " + old + " is now " + name);
        roster(turn);
    }

    private void privateMessage(Member from, ChatCommand.Msg msg, Turn turn) {
        String line = "*" + from.name() + "* " + msg.text();
        if (!fits(from, line, turn)) {
            return;
        }
        Member to = members.get(msg.name());
        String name = to != null ? to.name() : link.elsewhere(msg.name());
        if (name == null) {
            tell(from, "-- no one here is called " + msg.name() + "; /who lists the names", turn);
            return;
        } else if (to != null) {
            tell(to, line, turn);
        } else {
            link.said(new RoomEvent.Private(from.name(), name, msg.text()));
        }
        tell(from, new Signal.Sent("*" + name + "* " + msg.text()).line(), turn);
    }

    /** Takes {@code member} out and tells the others, if it is still in; true if it was. Call with the lock held. */
    private boolean remove(Member member, String reason, Turn turn) {
        if (!members.present(member)) {
            return false;
        }
        members.remove(member);
        pressure.gone(member);
        files.left(member, (to, line) -> tell(to, line, turn));
        if (!closing) {
            sendToOthers(member, new RoomEvent.Left(member.name(), reason), turn);
            roster(turn);
        }
        turn.logLines.add(member.peer() + " " + member.name() + " left" + (reason.isEmpty() ? "" : ": " + reason));
        return true;
    }

    /** Tells every web member who is in the room ({@link Roster#signal}). Call with the lock held. */
    private void roster(Turn turn) {
        String line = members.signal(deliverable);
        members.all().stream().filter(Member::isPage).forEach(member -> tell(member, line, turn));
    }

    /** Queues {@code line}, {@linkplain SafeText#clean made safe}, to {@code member}. Call with the lock held. */
    private void tell(Member member, String line, Turn turn) {
        queue(member, SafeText.clean(line), members.present(member), turn);
    }

    /** Queues {@code event}'s line, made safe, to everyone but {@code from}, and tells the link. Call with the lock held. */
    private void sendToOthers(Member from, RoomEvent event, Turn turn) {
        link.said(event);
        String safe = SafeText.clean(event.line());
        for (Member member : members.all()) {
            if (member != from) {
                queue(member, safe, true, turn);
            }
        }
    }

    /** Queues a safe line; one the memory budget refuses is dropped; one past the high-water mark is behind. */
    private void queue(Member member, String safe, boolean present, Turn turn) {
        if (!member.deliver(safe)) {
            turn.drops.putIfAbsent(member, SHED);
        } else if (present) {
            pressure.queued(member);
        }
    }

    /**
     * Drops the turn's members one at a time: each leaves (the notice says why; telling the others
     * may drop more), then is disconnected, if it was still in. Then logs what the turn did.
     */
    private void settle(Turn turn) {
        while (!turn.drops.isEmpty()) {
            Map.Entry<Member, String> drop = turn.drops.pollFirstEntry();
            if (locked(() -> remove(drop.getKey(), drop.getValue(), turn))) {
                drop.getKey().disconnect(drop.getValue());
            }
        }
        turn.logLines.forEach(log::log);
    }
}

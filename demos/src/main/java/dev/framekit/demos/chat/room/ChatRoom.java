package dev.framekit.demos.chat.room;

import dev.framekit.demos.console.Console;
import dev.framekit.framing.FixedLengthFramer;
import dev.framekit.framing.Framer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The chat room: who is in it, their unique names, and every line that goes between them.
 *
 * <p>Every line is queued to every recipient under one lock, so all members see the same order.
 * Queuing never blocks; a member whose queue is full is disconnected with a notice to the room,
 * and the others carry on, missing nothing.
 *
 * <p>The room owns each member's time in it: {@link #join} lets it in; it leaves exactly once,
 * by {@code /quit} (the room then {@linkplain Member#close closes} it), by falling too far behind
 * (the room {@linkplain Member#disconnect disconnects} it) or by {@link #leave} when its
 * connection ends. Whatever a call does happens under the lock in one {@link Turn}; the members
 * it left behind are dropped after the lock is released, one after another, never by re-entering.
 */
public final class ChatRoom {
    static final String[] HELP = {
        "-- commands: /nick NAME (choose a name), /who (who is here), /me ACTION (* you act),",
        "--           /msg NAME TEXT (private message), /quit (leave), /help (this list);",
        "--           any other line is said to everyone else; start it with // to say a line beginning with /;",
        "--           a name is " + Names.RULE + ", unique ignoring case",
        "--           (" + String.join(", ", new TreeSet<>(Names.RESERVED)) + " are reserved);",
        "--           control characters, escapes and invisible characters are shown as marks such as ␤ and [U+202E]"
    };

    /** What every member is told when the server stops: {@link Signal.ShuttingDown}. */
    public static final String SHUTTING_DOWN = new Signal.ShuttingDown().line();

    private static final String TOO_FAR_BEHIND = "disconnected: too far behind, its queue of unread messages was full";

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Console log;
    private final Predicate<String> deliverable;
    private final String tooLongHint;
    private final History history;
    private int guests;
    /** Set by {@link #shutDown}: the last thing a member is told is that the server is shutting down. */
    private boolean closing;

    /**
     * @param log where joins, leaves and disconnections are logged
     * @param deliverable whether a server-to-client line can be framed: the one place the room asks
     * @param tooLongHint what to tell a member whose line could not be framed
     * @param historyLines how many of its last messages and actions the room sends a member who
     *     joins (at most {@link History#MAX_BYTES} of them), marked as history
     */
    public ChatRoom(Console log, Predicate<String> deliverable, String tooLongHint, int historyLines) {
        this.log = log;
        this.deliverable = deliverable;
        this.tooLongHint = tooLongHint;
        this.history = new History(historyLines, History.MAX_BYTES);
    }

    /**
     * Whether a server-to-client line can be framed; a fixed frame, say, may be too small for
     * "&lt;name&gt; " plus the text. With {@code polling} (a connection per exchange), lines reach a
     * member batched into one poll reply.
     */
    public static Predicate<String> deliverable(Framer framer, boolean polling) {
        if (polling) {
            // Lines reach a polling member batched into one reply: each must leave room for the reply's head.
            int room = framer.maxFrameLength() - 64;
            return line -> line.length() * 3 <= room || line.getBytes(StandardCharsets.UTF_8).length <= room;
        }
        // A line too long for one frame goes in several, each with the sender's name (FrameSplitter).
        return line -> framer.check(line.getBytes(StandardCharsets.UTF_8)) == null
                || framer instanceof FixedLengthFramer && FrameSplitter.splittable(line, framer.maxFrameLength());
    }

    /** A room without history. */
    public ChatRoom(Console log, Predicate<String> deliverable, String tooLongHint) {
        this(log, deliverable, tooLongHint, 0);
    }

    /** What one call did, settled once the lock is released: lines to log, members to drop. */
    private static final class Turn {
        final List<String> logLines = new ArrayList<>(1);
        final ArrayDeque<Member> laggards = new ArrayDeque<>(0);
    }

    /**
     * Adds a member and announces it: under {@code wanted} if that is a valid name nobody has
     * (the member is sent {@link Signal.Named}), else under a fresh guest name, telling the member
     * why {@code wanted} was refused.
     *
     * @param wanted the name asked for on joining, or null
     */
    public void join(Member member, String wanted) {
        act(turn -> {
            if (closing) {
                tell(member, SHUTTING_DOWN, turn); // arrived while the server says goodbye: nobody is told of it
                return;
            }
            String refusal = wanted == null ? null : nameRefusal(member, wanted);
            String name = wanted;
            if (wanted == null || refusal != null) {
                do {
                    name = "guest" + (++guests);
                } while (members.containsKey(Names.key(name)));
            }
            member.rename(name);
            members.put(Names.key(name), member);
            sendToOthers(member, "-- " + name + " joined", turn);
            tell(member, "-- welcome, " + name + "; " + (members.size() - 1)
                    + " other(s) here. /nick NAME to choose a name, /help for commands", turn);
            if (wanted != null) {
                tell(member, refusal == null ? new Signal.Named(name).line() : "-- " + refusal, turn);
            }
            for (String line : history.marked()) {
                tell(member, line, turn);
            }
            turn.logLines.add(member.peer() + " joined as " + name);
        });
    }

    /** Why {@code member} cannot take {@code name}, or null. Call with the lock held. */
    private String nameRefusal(Member member, String name) {
        String problem = Names.problem(name);
        if (problem != null) {
            return "usage: /nick NAME; " + problem;
        }
        Member holder = members.get(Names.key(name));
        return holder != null && holder != member ? "the name " + name + " is taken; /who lists the names in use" : null;
    }

    /** The member's connection ended: it leaves, with {@code reason} (may be empty), unless it already has. */
    public void leave(Member member, String reason) {
        act(turn -> remove(member, reason, turn));
    }

    /** Handles one line from {@code member}, as {@link #handle(Member, ChatCommand)} does. */
    public boolean handle(Member member, String line) {
        return handle(member, ChatCommand.parse(line));
    }

    /**
     * Handles one command from {@code member}. One from a member that has left (a send-and-close
     * client can post after /quit, until its next poll says it is gone), or any once the server
     * is {@linkplain #shutDown shutting down}, changes nothing.
     *
     * @return false if the member asked to leave
     */
    public boolean handle(Member member, ChatCommand command) {
        boolean[] stays = {true};
        act(turn -> stays[0] = closing || (present(member) ? apply(member, command, turn)
                : !(command instanceof ChatCommand.Quit)));
        return stays[0];
    }

    /**
     * The server is stopping: every member is told {@link #SHUTTING_DOWN} and closed after it
     * ({@link Outbound.Close#GOING_AWAY}); this waits up to {@code flush} for their writers. The
     * leaves that follow are logged, not announced, and a connection that arrives meanwhile is told
     * it and does not join.
     */
    public void shutDown(Duration flush) {
        act(turn -> {
            closing = true;
            for (Member member : members.values()) {
                tell(member, SHUTTING_DOWN, turn);
                member.close(Outbound.Close.GOING_AWAY);
            }
            turn.logLines.add("telling " + members.size() + " member(s) the server is shutting down");
        });
        try {
            Thread.sleep(flush);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells {@code member} alone. */
    public void reply(Member member, String line) {
        act(turn -> tell(member, line, turn));
    }

    /** Names of everyone in the room. */
    public List<String> names() {
        lock.lock();
        try {
            return members.values().stream().map(Member::name).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} as one turn under the lock, then settles the turn. */
    private void act(Consumer<Turn> action) {
        Turn turn = new Turn();
        lock.lock();
        try {
            action.accept(turn);
        } finally {
            lock.unlock();
        }
        settle(turn);
    }

    /** Carries out one command of a member who is present. Call with the lock held. */
    private boolean apply(Member member, ChatCommand command, Turn turn) {
        switch (command) {
            case ChatCommand.Say say -> {
                if (!say.text().isEmpty()) {
                    broadcast(member, "<" + member.name() + "> " + say.text(), turn);
                }
            }
            case ChatCommand.Me me -> broadcast(member, "* " + member.name() + " " + me.action(), turn);
            case ChatCommand.Nick nick -> rename(member, nick.name(), turn);
            case ChatCommand.Who who -> tell(member, "-- in the room (" + members.size() + "): "
                    + String.join(", ", members.values().stream().map(Member::name).toList()), turn);
            case ChatCommand.Msg msg -> privateMessage(member, msg, turn);
            case ChatCommand.Help help -> {
                for (String helpLine : HELP) {
                    tell(member, helpLine, turn);
                }
            }
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

    /** Whether {@code line} can be framed to its recipients; if not, the sender is told. Call with the lock held. */
    private boolean fits(Member from, String line, Turn turn) {
        if (deliverable.test(line)) {
            return true;
        }
        tell(from, "-- not sent: " + tooLongHint, turn);
        return false;
    }

    /** Sends a message or action to everyone else and keeps it in the history. */
    private void broadcast(Member from, String line, Turn turn) {
        if (fits(from, line, turn)) {
            sendToOthers(from, line, turn);
            history.add(SafeText.clean(line));
        }
    }

    private void rename(Member member, String name, Turn turn) {
        String old = member.name();
        if (name.equals(old)) {
            tell(member, "-- you are already " + name, turn);
            return;
        }
        String refusal = nameRefusal(member, name);
        if (refusal != null) {
            tell(member, "-- " + refusal, turn);
            return;
        }
        members.remove(Names.key(old));
        member.rename(name);
        members.put(Names.key(name), member);
        sendToOthers(member, "-- " + old + " is now " + name, turn);
        tell(member, new Signal.Named(name).line(), turn);
        turn.logLines.add(member.peer() + " " + old + " is now " + name);
    }

    private void privateMessage(Member from, ChatCommand.Msg msg, Turn turn) {
        String line = "*" + from.name() + "* " + msg.text();
        if (!fits(from, line, turn)) {
            return;
        }
        Member to = members.get(Names.key(msg.name()));
        if (to == null) {
            tell(from, "-- no one here is called " + msg.name() + "; /who lists the names", turn);
            return;
        }
        tell(to, line, turn);
        tell(from, "-> *" + to.name() + "* " + msg.text(), turn);
    }

    /** Whether {@code member} is still in the room: the one identity check. Call with the lock held. */
    private boolean present(Member member) {
        return members.get(Names.key(member.name())) == member;
    }

    /**
     * Takes {@code member} out of the room and tells the others, if it is still in: a member
     * leaves once. Call with the lock held.
     *
     * @return whether it was in the room
     */
    private boolean remove(Member member, String reason, Turn turn) {
        if (!present(member)) {
            return false;
        }
        members.remove(Names.key(member.name()));
        if (!closing) {
            sendToOthers(member, "-- " + member.name() + " left" + (reason.isEmpty() ? "" : " (" + reason + ")"), turn);
        }
        turn.logLines.add(member.peer() + " " + member.name() + " left" + (reason.isEmpty() ? "" : ": " + reason));
        return true;
    }

    /** Queues {@code line}, {@linkplain SafeText#clean made safe}, to {@code member}. Call with the lock held. */
    private void tell(Member member, String line, Turn turn) {
        if (!member.deliver(SafeText.clean(line))) {
            turn.laggards.add(member);
        }
    }

    /** Queues {@code line}, made safe, to everyone but {@code from}. Call with the lock held. */
    private void sendToOthers(Member from, String line, Turn turn) {
        String safe = SafeText.clean(line);
        for (Member member : members.values()) {
            if (member != from && !member.deliver(safe)) {
                turn.laggards.add(member);
            }
        }
    }

    /**
     * Logs what the turn did and drops the members it left behind, one at a time: each leaves
     * (the notice carries the reason), then is disconnected; a member that misses that notice is
     * dropped in its turn, by this same loop.
     */
    private void settle(Turn turn) {
        while (!turn.laggards.isEmpty()) {
            Member laggard = turn.laggards.poll();
            boolean removed;
            lock.lock();
            try {
                removed = remove(laggard, TOO_FAR_BEHIND, turn);
            } finally {
                lock.unlock();
            }
            if (removed) {
                laggard.disconnect();
            }
        }
        turn.logLines.forEach(log::log);
    }
}
